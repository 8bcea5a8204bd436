import ZhangguiCore
import ZhangguiStore

extension ZhangguiAPI {
    struct OrderList: Encodable {
        let orders: [Order]
    }

    /// One trade: amounts are whole fen in the company's currency.
    struct Order: Encodable {
        let id: Int64
        let platformOrderID: String
        /// 0 for a whole order, 1… for the parts of a split one.
        let splitSeq: Int64
        let state: String
        let paidFen: Int64
        let isHighPriority: Bool
        let waybill: String?
        /// Open holds as `reason(check): detail`, joined by `; `; absent when there are none.
        let holds: String?

        init(_ row: ReportQueries.OrderListRow) {
            id = row.tradeID
            platformOrderID = row.platformOrderID
            splitSeq = row.splitSeq
            state = row.state
            paidFen = row.paidFen
            isHighPriority = row.isHighPriority
            waybill = row.waybill
            holds = row.holds.isEmpty ? nil : row.holds
        }
    }

    /// `GET /api/v1/orders?state=&limit=`: trades oldest first; `state` is a ``TradeState`` name, `limit` 1–1000
    /// (default 50).
    func orders(_ request: HTTPRequest) throws -> HTTPResponse {
        let state = try request.enumQuery("state", as: TradeState.self)
        let limit = try request.integerQuery("limit", default: 50, in: 1...1000)
        let rows = try database.read { connection in
            try ReportQueries(connection).orderList(companyID: companyID, state: state?.rawValue, limit: limit)
        }
        return try .json(OrderList(orders: rows.map(Order.init)))
    }
}
