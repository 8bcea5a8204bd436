import CSQLite
import Foundation

/// Copies a live SQLite database into a new file with SQLite's online backup (`sqlite3_backup_*`): the copy is one
/// consistent snapshot of the last committed state, taken while servers keep reading and writing the original.
///
/// The copy is written next to the target as `TARGET.partial` and renamed into place only when it is whole and
/// passes `PRAGMA quick_check`, so a failed backup never leaves a file that looks like a good one.
public enum SQLiteBackup {
    /// What a finished backup holds.
    public struct Summary: Sendable, Equatable {
        /// Pages of the database copied.
        public let pages: Int
        /// The copy's size in bytes.
        public let bytes: Int64
    }

    /// Copies the database at `source` into the new file `target`.
    /// - Throws: ``DatabaseError`` of kind `cannotOpen` when the source is missing or not a database, or when
    ///   `target` (or its `.partial`) exists already; other kinds when the copy fails. Nothing is left at `target`
    ///   on failure.
    @discardableResult
    public static func copy(_ source: String, to target: String) throws -> Summary {
        let files = FileManager.default
        guard files.fileExists(atPath: source) else { throw refusal("no database at \(source)") }
        let partial = target + ".partial"
        for path in [target, partial] where files.fileExists(atPath: path) {
            throw refusal("\(path) exists already; a backup never overwrites a file")
        }
        do {
            let pages = try copyPages(from: source, to: partial)
            try files.moveItem(atPath: partial, toPath: target)
            let size = (try? files.attributesOfItem(atPath: target)[.size] as? NSNumber)?.int64Value ?? 0
            return Summary(pages: pages, bytes: size)
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? files.removeItem(atPath: partial + suffix) }
            throw error
        }
    }

    /// Runs the backup from a read-only connection to the source into a new file, in one step, and checks it.
    private static func copyPages(from source: String, to partial: String) throws -> Int {
        let reader = try SQLiteConnection(path: source, readOnly: true)
        defer { reader.close() }
        let copy = try SQLiteConnection(path: partial, readOnly: false)
        defer { copy.close() }
        guard let backup = sqlite3_backup_init(copy.handle, "main", reader.handle, "main") else {
            throw DatabaseError(
                kind: .other,
                engineCode: String(sqlite3_extended_errcode(copy.handle)),
                message: String(cString: sqlite3_errmsg(copy.handle))
            )
        }
        // One step copies every page under one read transaction: a consistent snapshot, however busy the writer.
        let status = sqlite3_backup_step(backup, -1)
        let pages = Int(sqlite3_backup_pagecount(backup))
        let finished = sqlite3_backup_finish(backup)
        guard status == SQLITE_DONE, finished == SQLITE_OK else {
            throw DatabaseError(
                kind: status == SQLITE_BUSY || status == SQLITE_LOCKED ? .busy : .other,
                engineCode: String(status == SQLITE_DONE ? finished : status),
                message: "the backup stopped: "
                    + String(cString: sqlite3_errstr(status == SQLITE_DONE ? finished : status))
            )
        }
        let check = try copy.query("PRAGMA quick_check", []).first?.string(0)
        guard check == "ok" else {
            throw DatabaseError(
                kind: .other,
                engineCode: "quick_check",
                message: "the copy failed its check: \(check ?? "")"
            )
        }
        return pages
    }

    private static func refusal(_ message: String) -> DatabaseError {
        DatabaseError(kind: .cannotOpen, engineCode: "backup", message: message)
    }
}
