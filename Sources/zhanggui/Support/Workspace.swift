import Foundation
import ZhangguiAdapters
import ZhangguiServices
import ZhangguiStore

/// Where the tool finds its database and reference data, from options or the environment.
struct Workspace {
    let databasePath: String
    private let dataOption: String?

    /// `--db` or `ZHANGGUI_DATABASE` (default `zhanggui.sqlite` here); `--data` as ``DataFolder`` explains.
    init(_ arguments: Arguments) {
        let environment = ProcessInfo.processInfo.environment
        databasePath = arguments.option("db") ?? environment["ZHANGGUI_DATABASE"] ?? "zhanggui.sqlite"
        dataOption = arguments.option("data")
    }

    /// Whether the database file exists yet.
    var databaseExists: Bool {
        FileManager.default.fileExists(atPath: databasePath)
    }

    /// Opens (creating if needed) the database, bringing its schema up to date.
    /// - Throws: ``Refusal`` naming the path when it is a folder, not an SQLite file, or cannot be opened.
    func open() throws -> SQLiteDatabase {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: databasePath, isDirectory: &isFolder), isFolder.boolValue {
            throw Refusal("cannot open database \(databasePath): it is a folder, not a file")
        }
        do {
            let database = try SQLiteDatabase(path: databasePath)
            try Migrator.migrate(database)
            return database
        } catch let error as DatabaseError {
            throw Refusal("cannot open database \(databasePath): \(error.message)")
        }
    }

    /// Opens the database and finds its company.
    /// - Throws: ``SetupError`` when `zhanggui init` has not been run; ``Refusal`` when the file cannot be opened.
    func openCompany() throws -> (SQLiteDatabase, Int64) {
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
    func removeDatabase() {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) }
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
