import Foundation
import Testing
import ZhangguiAdapters
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("an import and its audit entry are stored together or not at all")
struct ImportAuditTests {
    /// A products file of two rows in a fresh folder; removed with the folder afterwards.
    private func productsFile() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-audit-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("products.csv")
        let text = "商家编码,商品名称,吊牌价,条码,规格,重量(克),组合明细\nMUG-01,保温杯,129.00,,,350,\nCUP-02,马克杯,45.50,,,280,\n"
        try Data(text.utf8).write(to: file)
        return file
    }

    private func entries(_ shop: TestShop) throws -> [AuditEntry] {
        try shop.database.read { connection in
            try AuditRecords(connection)
                .entries(objectType: "import", objectID: "products.csv", companyID: shop.companyID, limit: 10)
                .map(\.entry)
        }
    }

    private func hasMug(_ shop: TestShop) throws -> Bool {
        try shop.database.read { try CatalogRecords($0).id(ofCode: "MUG-01", companyID: shop.companyID) } != nil
    }

    @Test("an import records its counts under the file's name; a dry run records nothing", arguments: Engine.all)
    func recordsImport(engine: Engine) throws {
        let shop = try TestShop(engine)
        let file = try productsFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let audit = AuditContext(actor: AuditActor(companyID: shop.companyID, userID: nil), at: 1_800_000_000)
        let importer = FileImporter(database: shop.database, companyID: shop.companyID)

        _ = try importer.importFile(.products, path: file.path, dryRun: true, audit: audit)
        #expect(try entries(shop).isEmpty)
        _ = try importer.importFile(.products, path: file.path, audit: audit)

        let recorded = try entries(shop).map { [$0.action, $0.afterJSON] }
        #expect(recorded == [["import.products", #"{"imported":2,"rowsFailed":0,"rowsRead":2}"#]])
        #expect(try hasMug(shop))
    }

    @Test("an entry that cannot be written undoes the import", arguments: Engine.all)
    func failedEntryUndoesImport(engine: Engine) throws {
        let shop = try TestShop(engine)
        let file = try productsFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let broken = AuditContext(actor: AuditActor(companyID: shop.companyID, userID: 999_999), at: 1_800_000_000)

        #expect(throws: DatabaseError.self) {
            try FileImporter(database: shop.database, companyID: shop.companyID)
                .importFile(.products, path: file.path, audit: broken)
        }

        #expect(try !hasMug(shop))
        #expect(try entries(shop).isEmpty)
    }
}
