import Foundation
import ZhangguiAdapters
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

/// A fresh company in a fresh database file, with a folder for the files a test writes and imports.
final class ImportShop {
    let database: SQLiteDatabase
    let companyID: Int64
    let folder: URL

    /// A company with the warehouses `warehouses` (codes) and nothing else.
    init(warehouses: [String] = ["MAIN"]) throws {
        folder = try Fixtures.temporaryFolder()
        database = try SQLiteDatabase(path: folder.appendingPathComponent("shop.sqlite").path)
        try Migrator.migrate(database)
        let setup = CompanySetup(database: database)
        companyID = try setup.createCompany(name: "导入测试店")
        for code in warehouses {
            try setup.addWarehouse(Warehouse(code: code, name: code, priority: 1), companyID: companyID)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes `text` as UTF-8 to `name` in the shop's folder and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Data(text.utf8))
    }

    /// Writes `bytes` to `name` in the shop's folder and returns its path.
    func write(_ name: String, bytes: Data) throws -> String {
        let url = folder.appendingPathComponent(name)
        try bytes.write(to: url)
        return url.path
    }

    /// Imports the file at `path` the way `zhanggui import` does.
    func importFile(
        _ kind: ImportKind,
        _ path: String,
        shop: String = "UCI",
        sheet: String? = nil,
        dryRun: Bool = false
    ) throws -> ImportReport {
        try FileImporter(database: database, companyID: companyID, places: Self.places)
            .importFile(kind, path: path, shop: shop, sheet: sheet, dryRun: dryRun)
    }

    /// Receivers of UCI orders all land here.
    static let places = [ReceiverPlace(province: "上海市", city: "上海市", district: "黄浦区")]

    /// Every stored trade, in the order they were stored.
    func trades() throws -> [StoredTrade] {
        try database.read { connection in
            let records = TradeRecords(connection, currency: .cny)
            return try connection.query("SELECT id FROM trades WHERE company_id = ? ORDER BY id", companyID)
                .compactMap { try records.trade(id: $0.int(0), companyID: companyID) }
        }
    }

    /// The stored trade with this platform order id.
    func trade(_ platformOrderID: String) throws -> StoredTrade? {
        try trades().first { $0.platformOrderID == platformOrderID }
    }

    /// When the buyer ordered and paid, in UTC seconds, as stored for a platform order id.
    func times(_ platformOrderID: String) throws -> [Int64] {
        try database.read { connection in
            let row = try connection.queryOne(
                "SELECT ordered_at, paid_at FROM trades WHERE company_id = ? AND platform_order_id = ?",
                companyID,
                platformOrderID
            )
            return row.map { [$0.int(0), $0.int(1)] } ?? []
        }
    }

    /// How many rows of the company `table` holds.
    func count(_ table: String) throws -> Int64 {
        try database.read { connection in
            try connection.queryOne("SELECT COUNT(*) FROM \(table) WHERE company_id = ?", companyID)?.int(0) ?? 0
        }
    }

    /// Entries in the stock ledger.
    func ledgerEntryCount() throws -> Int64 {
        try database.read { try IntegrityQueries($0).ledgerEntryCount(companyID: companyID) }
    }

    /// Posted vouchers.
    func voucherCount() throws -> Int64 {
        try database.read { try IntegrityQueries($0).voucherCounts(companyID: companyID).vouchers }
    }

    /// The stock balance of `sku` in `warehouse`.
    func level(_ sku: String, in warehouse: String = "MAIN") throws -> StockLevel {
        try database.read { connection in
            let place = IntegrityQueries.Place(warehouse: warehouse, sku: sku)
            return try IntegrityQueries(connection).balances(companyID: companyID)[place] ?? StockLevel()
        }
    }

    /// The value of `sku`'s stock in fen, as the cost table holds it.
    func stockValue(_ sku: String) throws -> Int64 {
        try database.read { try IntegrityQueries($0).costs(companyID: companyID)[sku]?.value ?? 0 }
    }

    /// Debit minus credit of an account over every posted voucher, in fen.
    func accountBalance(_ code: String) throws -> Int64 {
        try database.read { try VoucherRecords($0).balances(companyID: companyID)[code] ?? 0 }
    }

    /// The catalogue as review sees it.
    func catalog() throws -> CatalogIndex {
        try database.read { try CatalogRecords($0).index(companyID: companyID, currency: .cny) }
    }

    /// The shipping weight of a product in grams, or nil when there is no such product.
    func weightGrams(_ code: String) throws -> Int64? {
        try database.read { connection in
            try connection.queryOne("SELECT weight_grams FROM skus WHERE company_id = ? AND code = ?", companyID, code)?
                .int(0)
        }
    }

    /// The parts of a product as `code*quantity`, such as `["MUG-01*1", "CUP-02*2"]` for a combo.
    func parts(of code: String) throws -> [String] {
        let catalog = try catalog()
        guard let entry = catalog.entry(forMerchantCode: code) else { return [] }
        return entry.parts.map { "\(catalog.codeByID[$0.skuID] ?? "?")*\($0.quantity)" }
    }
}

extension ImportReport {
    /// The issues as `row column: message` lines, the way a clerk reads them (the file name is checked apart).
    var problems: [String] {
        issues.map { "\($0.row) \($0.column): \($0.message)" }
    }
}
