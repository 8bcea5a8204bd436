import Foundation
import ZhangguiStore

/// `zhanggui backup --to FILE`: a consistent copy of a live SQLite database.
enum BackupCommand {
    static let command = Command(
        name: "backup",
        summary: "copy the SQLite database into a new file, while servers keep running",
        help: """
            Usage: zhanggui backup --to FILE

            Copies the SQLite database into FILE with SQLite's online backup: one consistent snapshot of what was
            committed, taken while `zhanggui serve` and other commands keep reading and writing. FILE must not
            exist; the copy is written as FILE.partial and renamed when it is whole and passes SQLite's quick
            check. The database is only read: its schema is not brought up to date first.
            To restore, stop the servers and use scripts/restore.sh FILE DATABASE (docs/DEPLOYMENT.md).
            A PostgreSQL database is backed up with pg_dump instead: scripts/backup.sh does either.
            """,
        options: ["to"],
        common: ["db"]
    ) { arguments in
        guard let target = arguments.option("to") else { throw UsageError("--to FILE is required") }
        let workspace = Workspace(arguments)
        guard case .sqlite(let path) = workspace.location else {
            throw Refusal(
                "zhanggui backup copies SQLite files; back up \(workspace.databasePath) with pg_dump "
                    + "(scripts/backup.sh DATABASE FILE does that)"
            )
        }
        let stopwatch = Stopwatch()
        let summary: SQLiteBackup.Summary
        do {
            summary = try SQLiteBackup.copy(path, to: target)
        } catch let error as DatabaseError {
            throw Refusal("backup of \(workspace.databasePath) failed: \(error.message)")
        }
        Output.line(
            "backed up \(workspace.databasePath) to \(target): \(Output.count(summary.pages)) pages, "
                + "\(Output.count(summary.bytes)) bytes in \(String(format: "%.2f", stopwatch.seconds)) s"
        )
        return 0
    }
}
