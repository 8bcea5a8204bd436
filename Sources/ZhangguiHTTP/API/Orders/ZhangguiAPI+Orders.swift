import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension ZhangguiAPI {
    struct OrderList: JSONWritable {
        let orders: [Order]
        /// The cursor of the next page; absent on the last one.
        let next: String?
    }

    /// One trade: amounts are whole fen in the company's currency.
    struct Order: JSONWritable {
        let id: Int64
        let shop: String
        let platformOrderID: String
        /// 0 for a whole order, 1… for the parts of a split one.
        let splitSeq: Int64
        let state: String
        let paidFen: Int64
        let isHighPriority: Bool
        let waybill: String?
        /// Open holds as `reason(check): detail`, joined by `; `; absent when there are none.
        let holds: String?

        init(_ row: ReportQueries.OrderListRow, shop: String) {
            id = row.tradeID
            self.shop = shop
            platformOrderID = row.platformOrderID
            splitSeq = row.splitSeq
            state = row.state
            paidFen = row.paidFen
            isHighPriority = row.isHighPriority
            waybill = row.waybill
            holds = row.holds.isEmpty ? nil : row.holds
        }
    }

    enum SortOrder: String, CaseIterable {
        case idAscending = "id"
        case idDescending = "-id"
    }

    func addOrderRoutes(to router: inout Router) {
        add(
            &router,
            .get,
            "/api/v1/orders",
            .permission(.ordersRead),
            "orders, a page at a time by id",
            query: ["state", "shop", "limit", "cursor", "sort"],
            orders
        )
        add(&router, .get, "/api/v1/orders/{id}", .permission(.ordersRead), "one order in detail", order)
        addOrderActionRoutes(to: &router)
        addSplitMergeRoutes(to: &router)
    }

    /// `GET /api/v1/orders?state=&shop=&limit=&cursor=&sort=`: trades by id (`sort=id`, the default, or `-id`);
    /// `limit` 1–1000 (default 50); `next` is the cursor of the following page.
    func orders(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let limit = try request.integerQuery("limit", default: 50, in: 1...1000)
        let filter = APIQueries.OrderFilter(
            state: try request.enumQuery("state", as: TradeState.self)?.rawValue,
            shopCode: try request.textQuery("shop"),
            shopIDs: principal.scope.shops.ids,
            cursor: try request.idQuery("cursor"),
            isDescending: try request.enumQuery("sort", as: SortOrder.self) == .idDescending,
            limit: limit
        )
        let rows = try database.read { try APIQueries($0).orders(companyID: principal.companyID, filter: filter) }
        let next = rows.count == limit ? rows.last.map { String($0.row.tradeID) } : nil
        return try .json(OrderList(orders: rows.map { Order($0.row, shop: $0.shop) }, next: next))
    }

    /// The trade id in the path, when the principal's company has it and their scope admits its shop.
    /// - Throws: ``HTTPError`` 404 otherwise: another company's trade looks like no trade at all.
    func tradeID(_ request: HTTPRequest, _ principal: Principal) throws -> Int64 {
        guard let id = request.pathID("id"),
            let shopID = try database.read({ try APIQueries($0).shopOfTrade(id, companyID: principal.companyID) }),
            principal.scope.admits(shop: shopID)
        else { throw HTTPError.objectNotFound("order") }
        return id
    }
}

extension ZhangguiAPI.OrderList {
    /// Keys in sorted order: `next`, `orders`.
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("next", next)
        writer.key("orders")
        writer.beginArray()
        for order in orders { order.writeJSON(to: &writer) }
        writer.endArray()
        writer.endObject()
    }
}

extension ZhangguiAPI.Order {
    /// Keys in sorted order, `holds` to `waybill`.
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("holds", holds)
        writer.member("id", id)
        writer.member("isHighPriority", isHighPriority)
        writer.member("paidFen", paidFen)
        writer.member("platformOrderID", platformOrderID)
        writer.member("shop", shop)
        writer.member("splitSeq", splitSeq)
        writer.member("state", state)
        writer.member("waybill", waybill)
        writer.endObject()
    }
}

extension HTTPRequest {
    /// The path parameter `name` as a positive id, nil when it is not one.
    func pathID(_ name: String) -> Int64? {
        guard let text = pathParameters[name], let id = Int64(text), id > 0 else { return nil }
        return id
    }

    /// The query parameter `name` as a positive id, nil when absent or empty.
    /// - Throws: ``HTTPError`` 400 `invalid_query` when it is something else.
    func idQuery(_ name: String) throws(HTTPError) -> Int64? {
        guard let text = queryValue(name), !text.isEmpty else { return nil }
        guard let id = Int64(text), id > 0 else { throw .invalidQuery(name, "\(name) must be a positive whole number") }
        return id
    }

    /// The query parameter `name`, nil when absent or empty.
    /// - Throws: ``HTTPError`` 400 `invalid_query` when longer than 200 characters or holding control characters.
    func textQuery(_ name: String) throws(HTTPError) -> String? {
        guard let text = queryValue(name), !text.isEmpty else { return nil }
        guard text.count <= 200, !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw .invalidQuery(name, "\(name) must be at most 200 printable characters") }
        return text
    }
}
