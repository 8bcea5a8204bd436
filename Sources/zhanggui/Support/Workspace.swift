import Foundation
import ZhangguiAdapters
import ZhangguiServices
import ZhangguiStore

/// Where the tool finds its database and reference data, from options or the environment.
struct Workspace {
    /// The database setting: a file path (SQLite) or a `postgres://` URL (PostgreSQL).
    let location: DatabaseLocation
    /// The database for messages: the path, or the URL without its password.
    let databasePath: String
    private let dataOption: String?

    /// `--db` or `ZHANGGUI_DATABASE` (default `zhanggui.sqlite` here); `--data` as ``DataFolder`` explains.
    init(_ arguments: Arguments) {
        let environment = ProcessInfo.processInfo.environment
        location = DatabaseLocation(arguments.option("db") ?? environment["ZHANGGUI_DATABASE"] ?? "zhanggui.sqlite")
        databasePath = location.displayName
        dataOption = arguments.option("data")
    }

    /// Whether the database exists yet: the SQLite file is there. A PostgreSQL database is created by its
    /// administrator, so it counts as existing; opening it tells.
    var databaseExists: Bool {
        guard case .sqlite(let path) = location else { return true }
        return FileManager.default.fileExists(atPath: path)
    }

    /// Opens (creating an SQLite file if needed) the database, bringing its schema up to date.
    /// - Throws: ``Refusal`` naming the database when it is a folder, not an SQLite file, or cannot be opened.
    func open() throws -> any Database {
        var isFolder: ObjCBool = false
        if case .sqlite(let path) = location, FileManager.default.fileExists(atPath: path, isDirectory: &isFolder),
            isFolder.boolValue
        {
            throw Refusal("cannot open database \(databasePath): it is a folder, not a file")
        }
        do {
            let database = try location.open()
            try Migrator.migrate(database)
            return database
        } catch let error as DatabaseError {
            throw Refusal("cannot open database \(databasePath): \(error.message)")
        }
    }

    /// Opens the database and finds its company.
    /// - Throws: ``SetupError`` when `zhanggui init` has not been run; ``Refusal`` when the file cannot be opened.
    func openCompany() throws -> (any Database, Int64) {
        guard databaseExists else {
            throw SetupError(code: .noCompany, detail: "\(databasePath) does not exist")
        }
        let database = try open()
        guard let id = try database.read({ try CompanyRecords($0).firstCompanyID() }) else {
            throw SetupError(code: .noCompany, detail: "\(databasePath) has no company")
        }
        return (database, id)
    }

    /// Removes the database file and its write-ahead log, for a database this run created and could not finish.
    /// A PostgreSQL database is left alone: it was there before.
    func removeDatabase() {
        guard case .sqlite(let path) = location else { return }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// The reference data folder.
    /// - Throws: ``Refusal`` when none is found.
    func dataDirectory() throws -> String {
        try DataFolder.locate(option: dataOption, environment: ProcessInfo.processInfo.environment)
    }

    /// The division tables, for address checks.
    func addressBook() throws -> AddressBook {
        try AddressBook(directory: try dataDirectory() + "/divisions")
    }
}
