extension ZhangguiAPI {
    func addOpenAPIRoute(to router: inout Router) {
        router.add(.get, "/api/v1/openapi.json", summary: "this API described in OpenAPI 3.0") { _ in
            let body = try OpenAPIDocument.json(for: self.router.routes, title: "Zhanggui", version: "1")
            return HTTPResponse(status: .ok, headers: ["Content-Type": HTTPResponse.jsonContentType], body: body)
        }
    }
}
