public import ZhangguiStore

/// Runs an import in one transaction; a dry run does all the work, reports it, and rolls everything back.
public struct ImportTransaction: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    private struct DryRunRollback: Error {}

    /// Runs `body` in a write transaction and records the run in `import_runs` unless `dryRun`, in which case
    /// nothing `body` wrote is kept.
    public func run(
        companyID: Int64,
        dryRun: Bool,
        _ body: (any DatabaseConnection) throws -> ImportReport
    ) throws -> ImportReport {
        var report: ImportReport?
        do {
            try database.write { connection in
                var result = try body(connection)
                result.isDryRun = dryRun
                report = result
                if dryRun { throw DryRunRollback() }
                try connection.execute(
                    """
                    INSERT INTO import_runs (company_id, kind, file_name, rows_read, rows_imported, rows_skipped,
                                             rows_failed, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    companyID,
                    result.kind,
                    result.file,
                    result.rowsRead,
                    result.imported,
                    result.duplicates,
                    result.rowsFailed,
                    Clock.nowSeconds()
                )
            }
        } catch is DryRunRollback {}
        guard let report else { preconditionFailure("an import transaction returned no report") }
        return report
    }
}
