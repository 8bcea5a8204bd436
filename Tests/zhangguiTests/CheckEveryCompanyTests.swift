import Foundation
import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

@Suite("zhanggui check proves every company of the database, not only the first")
struct CheckEveryCompanyTests {
    @Test("stock put in by hand, without a ledger entry, in the second company fails the check")
    func secondCompany() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-check-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("shop.sqlite").path
        let second: Int64
        do {
            let database = try SQLiteDatabase(path: path)
            try Migrator.migrate(database)
            _ = try CompanySetup(database: database).create(CompanyPlan(name: "第一家"))
            second = try CompanySetup(database: database).create(CompanyPlan(name: "第二家"))
        }
        let log = folder.appendingPathComponent("check.log")

        let clean = try BuiltTool.run(["check", "--db", path], log: log)
        let database = try SQLiteDatabase(path: path)
        try database.write { connection in
            let sku = SKU(code: "A", name: "A", listPrice: Money(fen: 100))
            let skuID = try #require(try CatalogRecords(connection).insert(sku, companyID: second))
            let warehouseID = try #require(try CompanyRecords(connection).warehouses(companyID: second).first?.id)
            try connection.execute(
                "INSERT INTO stock_balances (company_id, warehouse_id, sku_id, on_hand) VALUES (?, ?, ?, 7)",
                second,
                warehouseID,
                skuID
            )
        }
        let tampered = try BuiltTool.run(["check", "--db", path], log: log)

        #expect(clean.status == 0)
        #expect(clean.output.contains("company \(second) (第二家):"))
        #expect(tampered.status == 1)
    }
}
