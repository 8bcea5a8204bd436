import ZhangguiCore
import ZhangguiServices
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

    struct LedgerList: Encodable {
        let sku: String
        let entries: [LedgerEntry]
    }

    /// One change of a balance: the deltas, the value moved in fen, why, and the document behind it.
    struct LedgerEntry: Encodable {
        let warehouse: String
        let onHandDelta: Int64
        let reservedDelta: Int64
        let frozenDelta: Int64
        let valueDeltaFen: Int64
        let reason: String
        let document: String
    }

    /// `GET /api/v1/stock?sku=&limit=`: stock by SKU code then warehouse priority, for one SKU (商家编码) when
    /// `sku` is given; `limit` 1–10000 (default 1000).
    func stock(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let sku = try request.textQuery("sku")
        let limit = try request.integerQuery("limit", default: 1000, in: 1...10_000)
        let (levels, visible) = try database.read { connection in
            (
                try ReportQueries(connection).stockLevels(companyID: principal.companyID, skuCode: sku),
                try visibleWarehouses(principal, connection)
            )
        }
        let places = levels.filter { visible.contains($0.warehouse) }.prefix(limit).map { row in
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

    /// `GET /api/v1/stock/{sku}/ledger?limit=`: the SKU's ledger in the principal's warehouses, oldest first; 404
    /// for a code the company does not have or that is stocked in none of those warehouses; `limit` 1–10000 (default
    /// 1000).
    func ledger(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let limit = try request.integerQuery("limit", default: 1000, in: 1...10_000)
        let code = request.pathParameters["sku"] ?? ""
        let entries = try database.read { connection -> [LedgerEntry]? in
            let warehouses = principal.scope.warehouses.ids
            let queries = APIQueries(connection)
            guard try queries.productID(code: code, companyID: principal.companyID, warehouseIDs: warehouses) != nil
            else { return nil }
            let rows = try ReportQueries(connection).ledger(
                companyID: principal.companyID,
                skuCode: code,
                limit: limit,
                warehouseIDs: warehouses
            )
            return rows.map {
                LedgerEntry(
                    warehouse: $0.warehouse,
                    onHandDelta: $0.onHand,
                    reservedDelta: $0.reserved,
                    frozenDelta: $0.frozen,
                    valueDeltaFen: $0.value,
                    reason: $0.reason,
                    document: $0.document
                )
            }
        }
        guard let entries else { throw HTTPError.objectNotFound("SKU") }
        return try .json(LedgerList(sku: code, entries: entries))
    }

    /// The codes of the company's warehouses that the principal's data scope admits.
    func visibleWarehouses(_ principal: Principal, _ connection: any DatabaseConnection) throws -> Set<String> {
        let warehouses = try CompanyRecords(connection).warehouses(companyID: principal.companyID)
        return Set(warehouses.filter { principal.scope.admits(warehouse: $0.id) }.map(\.warehouse.code))
    }
}
