extension ZhangguiAPI {
    /// The JSON API under `/api/v1`, couriers' push hooks under `/hooks`, and the web pages under `/`, as
    /// `zhanggui serve` answers them.
    public var siteRouter: Router {
        var router = self.router
        addCourierHookRoutes(to: &router)
        WebPages(api: self).addRoutes(to: &router)
        return router
    }
}
