import ZhangguiCore
public import ZhangguiStore

/// Reorder points and the alerts the scheduled jobs raise, for the API and the command-line tool.
public struct AlertService: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Sets the reorder point (再订货点) of the SKU `skuCode` in the warehouse `warehouseCode`: the low-stock job
    /// alerts when available stock there falls to `quantity` or below. Replaces an earlier point.
    /// With `audit`, the change is in the audit log as `stock.setReorderPoint`, written in its transaction.
    /// - Returns: the point with the stock it watches now.
    /// - Throws: ``ReorderPointError`` for an unknown code, a combo, or a quantity outside 0…10,000,000.
    @discardableResult
    public func setReorderPoint(
        skuCode: String,
        warehouseCode: String,
        quantity: Int64,
        companyID: Int64,
        now: Int64,
        audit: AuditContext? = nil
    ) throws -> ReorderLevel {
        guard (0...Limits.quantity).contains(quantity) else {
            throw ReorderPointError(code: .badQuantity, value: String(quantity))
        }
        return try database.write { connection in
            guard let sku = try CatalogRecords(connection).find(code: skuCode, companyID: companyID) else {
                throw ReorderPointError(code: .unknownSKU, value: skuCode)
            }
            guard !sku.isCombo else { throw ReorderPointError(code: .combo, value: skuCode) }
            let warehouses = try CompanyRecords(connection).warehouses(companyID: companyID)
            guard let warehouse = warehouses.first(where: { $0.warehouse.code == warehouseCode }) else {
                throw ReorderPointError(code: .unknownWarehouse, value: warehouseCode)
            }
            let points = ReorderPointRecords(connection)
            let before = try points.levels(companyID: companyID).first {
                $0.warehouseID == warehouse.id && $0.skuID == sku.id
            }
            try points.set(warehouseID: warehouse.id, skuID: sku.id, quantity: quantity, companyID: companyID, at: now)
            let levels = try points.levels(companyID: companyID)
            guard let level = levels.first(where: { $0.warehouseID == warehouse.id && $0.skuID == sku.id }) else {
                throw ReorderPointError(code: .unknownSKU, value: skuCode)
            }
            try audit?.record(
                "stock.setReorderPoint",
                object: AuditObject(type: "reorderPoint", id: "\(warehouseCode)/\(skuCode)"),
                before: before.map(ReorderPointSnapshot.init),
                after: ReorderPointSnapshot(level),
                in: connection
            )
            return level
        }
    }

    /// Every reorder point of the company with the stock it watches.
    public func reorderLevels(companyID: Int64) throws -> [ReorderLevel] {
        try database.read { try ReorderPointRecords($0).levels(companyID: companyID) }
    }

    /// The company's alerts, newest first: open ones unless `includeCleared`; of one kind when `kind` is given.
    public func alerts(companyID: Int64, kind: AlertKind? = nil, includeCleared: Bool = false, limit: Int = 100)
        throws -> [AlertRecord]
    {
        try database.read {
            try AlertRecords($0).list(companyID: companyID, kind: kind, includeCleared: includeCleared, limit: limit)
        }
    }

    /// The company's latest scheduled job runs, newest first; only unfinished ones with `unfinishedOnly`.
    public func jobRuns(companyID: Int64, limit: Int = 20, unfinishedOnly: Bool = false) throws -> [JobRunRecord] {
        try database.read {
            try JobRunRecords($0).recent(companyID: companyID, limit: limit, unfinishedOnly: unfinishedOnly)
        }
    }
}

/// A reorder point as the audit log keeps it.
private struct ReorderPointSnapshot: Encodable {
    let sku: String
    let warehouse: String
    let quantity: Int64
    let available: Int64

    init(_ level: ReorderLevel) {
        sku = level.skuCode
        warehouse = level.warehouseCode
        quantity = level.reorderPoint
        available = level.available
    }
}
