import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension ZhangguiAPI {
    struct ReorderPointBody: JSONBody {
        let sku: String
        let warehouse: String
        let quantity: Int64

        enum CodingKeys: String, CodingKey, CaseIterable { case sku, warehouse, quantity }
    }

    struct ReorderPointList: Encodable {
        let reorderPoints: [ReorderPointAnswer]
    }

    /// A reorder point (再订货点) and the stock available now where it watches.
    struct ReorderPointAnswer: Encodable {
        let sku: String
        let warehouse: String
        let quantity: Int64
        let available: Int64
    }

    /// `GET /api/v1/reorder-points`: by SKU code then warehouse code, in the principal's warehouses.
    func reorderPoints(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let levels = try AlertService(database: database).reorderLevels(companyID: principal.companyID)
        let visible = levels.filter { principal.scope.admits(warehouse: $0.warehouseID) }
        return try .json(ReorderPointList(reorderPoints: visible.map(Self.answer)))
    }

    /// `PUT /api/v1/reorder-points` `{"sku","warehouse","quantity"}`: sets (or replaces) the point, in the audit log
    /// as `stock.setReorderPoint`. A code the company lacks, or a warehouse outside the principal's scope, is 400
    /// `invalid_value` on its field, as is a quantity outside 0–10,000,000.
    func setReorderPoint(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let body = try request.decodeJSON(ReorderPointBody.self)
        let warehouses = try database.read { try CompanyRecords($0).warehouses(companyID: principal.companyID) }
        let warehouse = warehouses.first { $0.warehouse.code == body.warehouse }
        guard let warehouse, principal.scope.admits(warehouse: warehouse.id) else {
            let refusal = ReorderPointError(code: .unknownWarehouse, value: body.warehouse)
            throw HTTPError(.badRequest, code: .invalidValue, message: refusal.description, field: refusal.field)
        }
        let service = AlertService(database: database)
        let level: ReorderLevel
        do {
            level = try service.setReorderPoint(
                skuCode: body.sku,
                warehouseCode: body.warehouse,
                quantity: body.quantity,
                companyID: principal.companyID,
                now: now,
                audit: AuditContext(actor: principal.actor, at: now)
            )
        } catch let refusal as ReorderPointError {
            throw HTTPError(.badRequest, code: .invalidValue, message: refusal.description, field: refusal.field)
        }
        return try .json(Self.answer(level))
    }

    private static func answer(_ level: ReorderLevel) -> ReorderPointAnswer {
        ReorderPointAnswer(
            sku: level.skuCode,
            warehouse: level.warehouseCode,
            quantity: level.reorderPoint,
            available: level.available
        )
    }
}
