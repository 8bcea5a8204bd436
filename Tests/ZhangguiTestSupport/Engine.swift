import Foundation
public import Testing
import ZhangguiStore

/// The database engines the store and service tests run against, one test case each.
///
/// SQLite always runs. PostgreSQL runs when `ZHANGGUI_TEST_POSTGRES_URL` names a server to create throwaway
/// databases on (`scripts/with-postgres.sh` starts one and sets it); without it, the PostgreSQL cases are skipped
/// with the reason printed.
public enum Engine: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    /// Every engine, for `@Test(arguments: Engine.all)`.
    public static let all = Engine.allCases

    public var testDescription: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }

    /// A fresh, empty database of this engine for one test, removed when the test lets go of it: an SQLite file
    /// in a temporary folder, or a PostgreSQL database `test_<uuid>` on the test server.
    /// - Throws: the cancellation that skips the test case when no PostgreSQL server is configured.
    public func makeDatabase() throws -> TestDatabase {
        switch self {
        case .sqlite: return try TestDatabase(sqliteIn: FileManager.default.temporaryDirectory)
        case .postgres:
            guard let serverURL = Self.postgresServerURL else {
                Self.printSkipReasonOnce()
                try Test.cancel(Comment(rawValue: Self.skipReason))
            }
            return try TestDatabase(postgresOn: serverURL)
        }
    }

    private static let skipReason =
        "PostgreSQL cases skipped: ZHANGGUI_TEST_POSTGRES_URL is not set (scripts/with-postgres.sh sets it)"

    /// Swift Testing does not print why a test case was cancelled, so the reason goes to standard error, once.
    private static let printSkipReason: Void = FileHandle.standardError.write(Data((skipReason + "\n").utf8))

    private static func printSkipReasonOnce() {
        _ = printSkipReason
    }

    /// The server URL for PostgreSQL test databases, from the environment.
    public static var postgresServerURL: String? {
        guard let url = ProcessInfo.processInfo.environment["ZHANGGUI_TEST_POSTGRES_URL"], !url.isEmpty else {
            return nil
        }
        return url
    }
}
