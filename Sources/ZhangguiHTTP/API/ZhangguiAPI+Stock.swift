import ZhangguiCore
import ZhangguiStore

extension ZhangguiAPI {
    struct StockList: Encodable {
        let stock: [Place]
    }

    /// One SKU in one warehouse; available = on hand − reserved − frozen.
    struct Place: Encodable {
        let warehouse: String
        let sku: String
        let onHand: Int64
        let reserved: Int64
        let frozen: Int64
        let available: Int64
    }

    /// `GET /api/v1/stock?sku=&limit=`: stock by SKU code then warehouse priority, for one SKU (商家编码) when
    /// `sku` is given; `limit` 1–10000 (default 1000).
    func stock(_ request: HTTPRequest) throws -> HTTPResponse {
        let sku = request.queryValue("sku").flatMap { $0.isEmpty ? nil : $0 }
        let limit = try request.integerQuery("limit", default: 1000, in: 1...10_000)
        let levels = try database.read { connection in
            try ReportQueries(connection).stockLevels(companyID: companyID, skuCode: sku)
        }
        let places = levels.prefix(limit).map { row in
            let level = StockLevel(onHand: row.onHand, reserved: row.reserved, frozen: row.frozen)
            return Place(
                warehouse: row.warehouse,
                sku: row.sku,
                onHand: level.onHand,
                reserved: level.reserved,
                frozen: level.frozen,
                available: level.available
            )
        }
        return try .json(StockList(stock: places))
    }
}
