public import ZhangguiStore

/// The JSON API over one company's books, under `/api/v1`. Handlers read through the store's queries and leave
/// every business rule to the layers below.
public struct ZhangguiAPI: Sendable {
    let database: any Database
    let companyID: Int64
    let schemaVersion: Int

    /// - Parameter schemaVersion: the database's schema version, reported by the health route.
    public init(database: any Database, companyID: Int64, schemaVersion: Int) {
        self.database = database
        self.companyID = companyID
        self.schemaVersion = schemaVersion
    }

    /// Every route of the API.
    public var router: Router {
        var router = Router()
        router.add(.get, "/api/v1/health", summary: "the server is up; the database's schema version") { _ in
            try health()
        }
        router.add(.get, "/api/v1/orders", summary: "orders, optionally in one state, oldest first") { request in
            try orders(request)
        }
        router.add(.get, "/api/v1/stock", summary: "stock per warehouse and SKU, optionally for one SKU") { request in
            try stock(request)
        }
        return router
    }
}
