import Foundation
public import ZhangguiStore

/// A throwaway database for one test: usable as any ``Database``, and removed with everything in it when the
/// last reference goes.
public final class TestDatabase: Database, Sendable {
    /// The engine's database itself.
    public let database: any Database
    /// Where it is, to open it a second time as another process would.
    public let location: DatabaseLocation
    private let remove: @Sendable () -> Void

    public var dialect: SQLDialect { database.dialect }

    /// A new SQLite file in a fresh folder under `folder`.
    init(sqliteIn folder: URL) throws {
        let directory = folder.appendingPathComponent("zhanggui-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        location = .sqlite(path: directory.appendingPathComponent("test.sqlite").path)
        database = try location.open()
        remove = { try? FileManager.default.removeItem(at: directory) }
    }

    /// A new database `test_<uuid>` on the server `serverURL` names; `serverURL` must be allowed to create and drop
    /// databases.
    init(postgresOn serverURL: String) throws {
        let name = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let server = try PostgresDatabase(url: serverURL, maximumConnections: 1)
        try server.executeOutsideTransaction("CREATE DATABASE \(name)")
        location = .postgres(url: Self.url(serverURL, database: name))
        let opened = try PostgresDatabase(url: Self.url(serverURL, database: name))
        database = opened
        remove = {
            opened.closeIdleConnections()
            try? server.executeOutsideTransaction("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
    }

    deinit {
        remove()
    }

    @discardableResult
    public func write<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T {
        try database.write(body)
    }

    public func read<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T {
        try database.read(body)
    }

    /// `url` naming the database `name` instead of its own: the path after the host is replaced.
    static func url(_ url: String, database name: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let pathStart = rest.firstIndex(where: { "/?".contains($0) }) ?? rest.endIndex
        let queryStart = rest[pathStart...].firstIndex(of: "?") ?? rest.endIndex
        return String(url[..<pathStart]) + "/" + name + rest[queryStart...]
    }
}
