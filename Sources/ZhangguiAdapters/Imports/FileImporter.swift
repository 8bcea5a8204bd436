import ZhangguiCore
public import ZhangguiServices
public import ZhangguiStore

/// The kinds of file Zhanggui imports.
public enum ImportKind: String, Sendable, CaseIterable {
    /// 商品资料.
    case products
    /// 期初库存.
    case openingStock = "stock"
    /// Orders, in the Chinese template or the UCI Online Retail layout (detected from the header).
    case orders
}

/// Imports seller files (CSV, gzip CSV, XLSX) into the store: reads them, reports every bad row with file, row
/// and column, and stores the good rows in one transaction — or, in a dry run, reports the same and stores
/// nothing. Importing the same file again stores nothing twice.
public struct FileImporter: Sendable {
    let database: any Database
    let companyID: Int64
    /// Made-up receiver places for files without receivers (the UCI layout).
    let places: [ReceiverPlace]

    public init(database: any Database, companyID: Int64, places: [ReceiverPlace] = []) {
        self.database = database
        self.companyID = companyID
        self.places = places
    }

    /// Imports the file at `path`.
    /// - Parameters:
    ///   - shop: the shop code for files whose rows do not name one (UCI layout); default `UCI`.
    ///   - sheet: for XLSX, the sheet to read (default the first).
    ///   - audit: who imports; unless `dryRun`, `import.<kind>` is written with the counts in the import's
    ///     transaction, its object the file's name.
    ///   - progress: hears how far the import got: bytes of the file every ``rowsPerProgressReport`` rows while
    ///     reading, then each record written. It is called inside the import's write transaction, so it must not
    ///     write to the database itself (a task keeps the figures in memory: `BackgroundTaskRunner.Progress`).
    /// - Throws: ``TableFileError`` when the file cannot be read at all; row problems are in the report instead.
    public func importFile(
        _ kind: ImportKind,
        path: String,
        shop: String = "UCI",
        sheet: String? = nil,
        dryRun: Bool = false,
        audit: AuditContext? = nil,
        progress: @escaping (ImportProgress) -> Void = { _ in }
    ) throws -> ImportReport {
        var unread: (any TableReader)? = try TableFiles.open(path: path, sheet: sheet)
        let fileName = unread?.fileName ?? path
        return try ImportTransaction(database: database).run(companyID: companyID, dryRun: dryRun) { connection in
            // A write may run again after a conflict with another writer; each attempt reads the file from the start.
            var reader: any TableReader = ProgressTableReader(
                try unread.take() ?? TableFiles.open(path: path, sheet: sheet),
                rowsPerReport: Self.rowsPerProgressReport,
                report: progress
            )
            let written = { (done: Int, total: Int) in progress(ImportProgress(.writing, done: done, total: total)) }
            let context = try CompanyContext.load(companyID, from: connection)
            var report = ImportReport(kind: kind.rawValue, file: fileName)
            switch kind {
            case .products:
                let drafts = try ProductFile.read(&reader, currency: context.currency, report: &report)
                try CatalogService().add(drafts, into: &report, companyID: companyID, connection: connection) {
                    written($0, drafts.count)
                }
            case .openingStock:
                let lines = try OpeningStockFile.read(&reader, currency: context.currency, report: &report)
                try OpeningStockService().receive(lines, into: &report, context: context, connection: connection) {
                    written($0, lines.count)
                }
            case .orders:
                let trades = try readOrders(&reader, shop: shop, context: context, report: &report)
                let result = try OrderIntake().ingest(
                    trades,
                    source: fileName,
                    context: context,
                    connection: connection
                ) { written($0, trades.count) }
                report.imported = result.imported
                report.cancelled = result.cancelled
                report.duplicates = result.duplicates
            }
            if !dryRun {
                let counts = ImportCounts(
                    rowsRead: report.rowsRead,
                    imported: report.imported,
                    rowsFailed: report.rowsFailed
                )
                let action = "import.\(kind.rawValue)"
                try audit?.record(action, object: .importedFile(fileName), after: counts, in: connection)
            }
            return report
        }
    }

    /// Rows read between two reports of the reading phase.
    public static let rowsPerProgressReport = 500

    private func readOrders(
        _ reader: inout any TableReader,
        shop: String,
        context: CompanyContext,
        report: inout ImportReport
    ) throws -> [Trade] {
        if OnlineRetailFile.matches(reader.header) {
            return try OnlineRetailFile.read(&reader, shop: shop, places: places, context: context, report: &report)
        }
        if OrderTemplateFile.matches(reader.header) {
            return try OrderTemplateFile.read(&reader, context: context, report: &report)
        }
        report.issues.append(
            ImportIssue(
                file: reader.fileName,
                row: 1,
                column: "",
                message: "the header is neither the order template (订单编号, 店铺, …) nor the UCI Online Retail layout"
            )
        )
        return []
    }
}

/// What an import stored, as the audit log keeps it.
private struct ImportCounts: Encodable {
    let rowsRead: Int
    let imported: Int
    let rowsFailed: Int
}
