import Foundation
import ZhangguiAdapters
import ZhangguiServices
import ZhangguiStore

/// Where the tool finds its database and reference data, from options or the environment.
struct Workspace {
    let databasePath: String
    let dataDirectory: String

    /// `--db` or `ZHANGGUI_DATABASE` (default `zhanggui.sqlite` here); `--data` or `ZHANGGUI_DATA` (default `Data`).
    init(_ arguments: Arguments) {
        let environment = ProcessInfo.processInfo.environment
        databasePath = arguments.option("db") ?? environment["ZHANGGUI_DATABASE"] ?? "zhanggui.sqlite"
        dataDirectory = arguments.option("data") ?? environment["ZHANGGUI_DATA"] ?? "Data"
    }

    /// Opens the database, bringing its schema up to date.
    func open() throws -> SQLiteDatabase {
        let database = try SQLiteDatabase(path: databasePath)
        try Migrator.migrate(database)
        return database
    }

    /// Opens the database and finds its company.
    /// - Throws: ``SetupError`` when `zhanggui init` has not been run.
    func openCompany() throws -> (SQLiteDatabase, Int64) {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw SetupError(code: .noCompany, detail: "\(databasePath) does not exist")
        }
        let database = try open()
        guard let id = try database.read({ try CompanyRecords($0).firstCompanyID() }) else {
            throw SetupError(code: .noCompany, detail: "\(databasePath) has no company")
        }
        return (database, id)
    }

    /// The division tables, for address checks.
    func addressBook() throws -> AddressBook {
        try AddressBook(directory: dataDirectory + "/divisions")
    }
}
