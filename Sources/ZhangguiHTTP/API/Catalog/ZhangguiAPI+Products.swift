import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension ZhangguiAPI {
    struct ProductList: Encodable {
        let products: [Product]
        let next: String?
    }

    /// One product (SKU or combo 组合装); the list price is whole fen, VAT included.
    struct Product: Encodable {
        let id: Int64
        let code: String
        let barcode: String
        let name: String
        let spec: String
        let weightGrams: Int64
        let listPriceFen: Int64
        let isCombo: Bool

        init(_ product: APIQueries.Product) {
            id = product.id
            code = product.code
            barcode = product.barcode
            name = product.name
            spec = product.spec
            weightGrams = product.weightGrams
            listPriceFen = product.listPriceFen
            isCombo = product.isCombo
        }
    }

    func addCatalogueRoutes(to router: inout Router) {
        let catalogue = RouteAccess.permission(.catalogueRead)
        let stockRead = RouteAccess.permission(.stockRead)
        add(
            &router,
            .get,
            "/api/v1/products",
            catalogue,
            "products by id, a page at a time",
            query: ["limit", "cursor"],
            products
        )
        add(&router, .get, "/api/v1/products/{id}", catalogue, "one product", product)
        add(&router, .get, "/api/v1/stock", stockRead, "stock per warehouse and SKU", query: ["sku", "limit"], stock)
        add(&router, .get, "/api/v1/stock/{sku}/ledger", stockRead, "one SKU's stock ledger", query: ["limit"], ledger)
    }

    /// `GET /api/v1/products?limit=&cursor=`: `limit` 1–1000 (default 100). A user scoped to some warehouses sees
    /// the products stocked in them.
    func products(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let limit = try request.integerQuery("limit", default: 100, in: 1...1000)
        let cursor = try request.idQuery("cursor") ?? 0
        let warehouses = principal.scope.warehouses.ids
        let rows = try database.read {
            try APIQueries($0).products(
                companyID: principal.companyID,
                after: cursor,
                limit: limit,
                warehouseIDs: warehouses
            )
        }
        let next = rows.count == limit ? rows.last.map { String($0.id) } : nil
        return try .json(ProductList(products: rows.map(Product.init), next: next))
    }

    /// `GET /api/v1/products/{id}`: 404 for an id the company does not have, or that is outside the principal's
    /// warehouses.
    func product(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let warehouses = principal.scope.warehouses.ids
        guard let id = request.pathID("id"),
            let row = try database.read({
                try APIQueries($0).product(id: id, companyID: principal.companyID, warehouseIDs: warehouses)
            })
        else { throw HTTPError.objectNotFound("product") }
        return try .json(Product(row))
    }
}
