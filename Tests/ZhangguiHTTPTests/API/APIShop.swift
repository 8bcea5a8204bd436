import Foundation
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiServices
import ZhangguiStore

/// A fresh company in a fresh database file with one warehouse, two SKUs in stock and two orders waiting for
/// review, served by the API on a free port.
final class APIShop {
    let directory: URL
    let database: SQLiteDatabase
    let companyID: Int64
    let test: TestServer

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try SQLiteDatabase(path: directory.appendingPathComponent("test.sqlite").path)
        let schema = try Migrator.migrate(database)
        let setup = CompanySetup(database: database)
        companyID = try setup.createCompany(name: "测试店")
        try setup.addWarehouse(Warehouse(code: "MAIN", name: "主仓", priority: 1, regions: []), companyID: companyID)
        try Self.stock(database, companyID: companyID, [("MUG", 12), ("CUP", 3)])
        try Self.ingest(database, companyID: companyID, orders: ["A1", "A2"])
        let api = ZhangguiAPI(database: database, companyID: companyID, schemaVersion: schema)
        test = try TestServer { router in router = api.router }
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    var server: HTTPServer { test.server }

    private static func stock(_ database: SQLiteDatabase, companyID: Int64, _ quantities: [(String, Int64)]) throws {
        try database.write { connection in
            var report = ImportReport(kind: "products", file: "test")
            let drafts = quantities.enumerated().map { index, item in
                ProductDraft(row: index + 2, sku: SKU(code: item.0, name: item.0, listPrice: Money(fen: 1000)))
            }
            try CatalogService().add(drafts, into: &report, companyID: companyID, connection: connection)
            let context = try CompanyContext.load(companyID, from: connection)
            let lines = quantities.enumerated().map { index, item in
                OpeningStockLine(
                    row: index + 2,
                    warehouseCode: "MAIN",
                    skuCode: item.0,
                    quantity: item.1,
                    unitCost: Money(fen: 500)
                )
            }
            try OpeningStockService().receive(lines, into: &report, context: context, connection: connection)
        }
    }

    private static func ingest(_ database: SQLiteDatabase, companyID: Int64, orders: [String]) throws {
        let trades = orders.map { id in
            Trade(
                platformOrderID: id,
                shopCode: "SHOP",
                orderedAt: 1_700_000_000,
                paidAt: 1_700_000_060,
                receiver: Receiver(
                    name: "张示例",
                    phone: "13800138000",
                    province: "上海",
                    city: "上海市",
                    district: "黄浦区",
                    address: "示例路1号"
                ),
                lines: [TradeLine(merchantCode: "MUG", quantity: 2, unitPrice: Money(fen: 1290))],
                discount: Money(fen: 0),
                freight: Money(fen: 0),
                buyerNote: ""
            )
        }
        try database.write { connection in
            let context = try CompanyContext.load(companyID, from: connection)
            _ = try OrderIntake().ingest(trades, source: "test", context: context, connection: connection)
        }
    }
}
