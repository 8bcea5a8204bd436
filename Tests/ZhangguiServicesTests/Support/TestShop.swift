import Foundation
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

/// A fresh company in a fresh database of one engine, with helpers that read like the steps of a seller's day.
final class TestShop: Sendable {
    let database: TestDatabase
    let companyID: Int64
    let setup: CompanySetup

    /// Every receiver resolves to 上海市黄浦区 unless a test says otherwise.
    static let anywhere: AddressChecker = { _, _, _ in .valid(divisionCode: "310101") }

    init(_ engine: Engine) throws {
        database = try engine.makeDatabase()
        try Migrator.migrate(database)
        setup = CompanySetup(database: database)
        companyID = try setup.createCompany(name: "测试店")
        try setup.setWaybillRange(courierCode: "ZG", prefix: "ZG", first: 1, last: 999_999, companyID: companyID)
    }

    var review: ReviewService { ReviewService(database: database, checkAddress: Self.anywhere) }

    @discardableResult
    func addWarehouse(_ code: String, priority: Int = 1, regions: [String] = []) throws -> Int64 {
        try setup.addWarehouse(
            Warehouse(code: code, name: code, priority: priority, regions: regions),
            companyID: companyID
        )
    }

    /// Adds SKUs with a list price of 10.00 each.
    func addSKUs(_ codes: String...) throws {
        try database.write { connection in
            var report = ImportReport(kind: "products", file: "test")
            let drafts = codes.enumerated().map { index, code in
                ProductDraft(row: index + 2, sku: SKU(code: code, name: code, listPrice: Money(fen: 1000)))
            }
            try CatalogService().add(drafts, into: &report, companyID: companyID, connection: connection)
        }
    }

    /// Brings `quantity` units at `unitCost` fen into a warehouse as opening stock.
    @discardableResult
    func stock(_ sku: String, _ quantity: Int64, at unitCost: Int64 = 1000, in warehouse: String = "MAIN") throws
        -> ImportReport
    {
        try database.write { connection in
            let context = try CompanyContext.load(companyID, from: connection)
            var report = ImportReport(kind: "opening", file: "test")
            let line = OpeningStockLine(
                row: 2,
                warehouseCode: warehouse,
                skuCode: sku,
                quantity: quantity,
                unitCost: Money(fen: unitCost)
            )
            try OpeningStockService().receive([line], into: &report, context: context, connection: connection)
            return report
        }
    }

    /// Stores trades as if imported from a file.
    @discardableResult
    func ingest(_ trades: [Trade]) throws -> IntakeResult {
        try database.write { connection in
            let context = try CompanyContext.load(companyID, from: connection)
            return try OrderIntake().ingest(trades, source: "test", context: context, connection: connection)
        }
    }

    func tradeID(_ platformOrderID: String) throws -> Int64 {
        try database.read { connection in
            try TradeRecords(connection, currency: .cny).ids(platformOrderID: platformOrderID, companyID: companyID)[0]
        }
    }

    func trade(_ id: Int64) throws -> StoredTrade {
        try database.read { connection in
            try TradeRecords(connection, currency: .cny).trade(id: id, companyID: companyID)!
        }
    }

    func level(_ sku: String, in warehouse: String = "MAIN") throws -> StockLevel {
        try database.read { connection in
            let place = IntegrityQueries.Place(warehouse: warehouse, sku: sku)
            return try IntegrityQueries(connection).balances(companyID: companyID)[place] ?? StockLevel()
        }
    }

    /// Runs review, allocation, waybilling and shipping once each.
    func runMainJob() throws -> (ReviewSummary, AllocationSummary, Int, ShippingSummary) {
        let reviewed = try review.reviewPending(companyID: companyID)
        let allocated = try AllocationService(database: database).allocateApproved(companyID: companyID)
        let waybilled = try WaybillService(database: database, courier: OfflineRangeCourier(code: "ZG"))
            .waybillAllocated(companyID: companyID)
        let shipped = try ShippingService(database: database).shipWaybilled(companyID: companyID)
        return (reviewed, allocated, waybilled, shipped)
    }
}

/// A trade to one receiver with lines of (SKU, quantity, unit price in fen).
func makeTrade(
    _ id: String,
    lines: [(String, Int64, Int64)],
    receiver: String = "张示例",
    phone: String = "13800138000",
    address: String = "示例路1号",
    discount: Int64 = 0,
    freight: Int64 = 0,
    buyerNote: String = ""
) -> Trade {
    Trade(
        platformOrderID: id,
        shopCode: "SHOP",
        orderedAt: 1_700_000_000,
        paidAt: 1_700_000_060,
        receiver: Receiver(
            name: receiver,
            phone: phone,
            province: "上海",
            city: "上海市",
            district: "黄浦区",
            address: address
        ),
        lines: lines.map { TradeLine(merchantCode: $0.0, quantity: $0.1, unitPrice: Money(fen: $0.2)) },
        discount: Money(fen: discount),
        freight: Money(fen: freight),
        buyerNote: buyerNote
    )
}
