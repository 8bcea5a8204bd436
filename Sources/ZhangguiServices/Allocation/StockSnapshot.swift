public import ZhangguiCore
public import ZhangguiStore

/// The catalogue, warehouses, available stock and costs of a company, loaded once for a batch of trades and kept
/// current as the batch reserves stock.
public struct StockSnapshot: Sendable {
    public let catalog: CatalogIndex
    public let warehouses: [(id: Int64, warehouse: Warehouse)]
    /// Available units per warehouse id and SKU id.
    public var available: [Int64: [Int64: Int64]]
    /// Moving-average cost state per SKU id.
    public let costs: [Int64: MovingAverageCost]

    /// Loads everything from the store inside the caller's transaction.
    public static func load(context: CompanyContext, connection: any DatabaseConnection) throws -> StockSnapshot {
        let book = StockBook(connection, currency: context.currency)
        return StockSnapshot(
            catalog: try CatalogRecords(connection).index(companyID: context.id, currency: context.currency),
            warehouses: try CompanyRecords(connection).warehouses(companyID: context.id),
            available: try book.available(companyID: context.id),
            costs: try book.costs(companyID: context.id)
        )
    }

    /// Loads what checking and reserving the lines with these 商家编码 needs: their catalogue entries, the SKUs their
    /// combos are made of, and those SKUs' available stock and costs. The same answers as ``load(context:connection:)``
    /// for those lines, at a fraction of the cost for one order in a large catalogue.
    public static func load(
        context: CompanyContext,
        connection: any DatabaseConnection,
        merchantCodes: Set<String>
    ) throws -> StockSnapshot {
        let catalog = try CatalogRecords(connection)
            .index(companyID: context.id, currency: context.currency, merchantCodes: merchantCodes)
        let skuIDs = Set(catalog.byID.values.flatMap { $0.parts.map(\.skuID) })
        let book = StockBook(connection, currency: context.currency)
        return StockSnapshot(
            catalog: catalog,
            warehouses: try CompanyRecords(connection).warehouses(companyID: context.id),
            available: try book.available(companyID: context.id, skuIDs: skuIDs),
            costs: try book.costs(companyID: context.id, skuIDs: skuIDs)
        )
    }

    /// The ids of the warehouses that serve `divisionCode`, in priority order.
    public func warehouseIDs(serving divisionCode: String?) -> [Int64] {
        warehouses.filter { $0.warehouse.serves(divisionCode: divisionCode) }.map(\.id)
    }

    /// Available units of `skuID` summed over `warehouseIDs`.
    public func available(skuID: Int64, in warehouseIDs: [Int64]) -> Int64 {
        warehouseIDs.reduce(0) { $0 + (available[$1]?[skuID] ?? 0) }
    }

    /// The current cost of `quantity` units of `skuID` at moving average, or nil when the SKU has no stock value.
    public func cost(skuID: Int64, quantity: Int64) -> Money? {
        costs[skuID]?.cost(of: quantity)
    }
}
