import Foundation
import ZhangguiCore
import ZhangguiSecurity
import ZhangguiServices
import ZhangguiStore

/// A fresh database file with the account service over it, and helpers that read like what people do: register a
/// company, sign in, open a session.
final class AccountBed: Sendable {
    /// 2026-01-01 00:00:00 UTC, the start of a TOTP step (1,767,225,600 = 30 × 58,907,520).
    static let t0: Int64 = 1_767_225_600
    static let password = "correct horse battery staple"
    static let address = "192.0.2.10"

    let database: SQLiteDatabase
    let directory: URL
    let service: AccountService
    let audit: AuditLog

    init(policy: AccountPolicy = AccountPolicy()) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-auth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try SQLiteDatabase(path: directory.appendingPathComponent("test.sqlite").path)
        try Migrator.migrate(database)
        service = AccountService(database: database, policy: policy)
        audit = AuditLog(database: database)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Registers a company whose first admin is `email`.
    @discardableResult
    func register(_ company: String = "示例商行", email: String = "boss@example.com", at now: Int64 = t0) throws
        -> RegisteredCompany
    {
        try service.registerCompany(
            Registration(companyName: company, adminEmail: email, adminPassword: Self.password),
            now: now
        )
    }

    /// Signs in from the usual address.
    func signIn(
        _ email: String,
        password: String = AccountBed.password,
        totp: String? = nil,
        recovery: String? = nil,
        address: String = AccountBed.address,
        at now: Int64 = t0
    ) throws -> SignedIn {
        try service.signIn(
            SignInAttempt(email: email, password: password, totpCode: totp, recoveryCode: recovery, address: address),
            now: now
        )
    }

    /// Signs in and returns the session's principal.
    func session(_ email: String, at now: Int64 = t0) throws -> Principal {
        try service.validateSession(try signIn(email, at: now).sessionToken, now: now)
    }

    /// Adds a user holding the built-in `role` of the principal's company, seeing everything.
    @discardableResult
    func addUser(_ email: String, role: BuiltInRole, of company: RegisteredCompany, by admin: Principal) throws -> Int64
    {
        try service.createUser(
            NewUser(
                email: email,
                displayName: email,
                password: Self.password,
                roleIDs: [company.roleIDs[role]!],
                scope: .everything
            ),
            by: admin,
            now: Self.t0
        )
    }

    /// The company's audit entries about `object`, read by `principal`.
    func entries(about object: AuditObject, by principal: Principal) throws -> [AuditEntry] {
        try audit.entries(about: object, principal: principal).map(\.entry)
    }
}

/// The code an authenticator app shows for a base32 secret at `time`.
func authenticatorCode(_ secret: String, at time: Int64) -> String {
    TOTP(secret: Base32.decode(secret)!).code(at: time)
}

/// Hashers with other parameters than the standard one.
enum PasswordHasherFixture {
    /// Stronger than the minimum, but not what new hashes use.
    static let older = PasswordHasher(memoryKiB: 19_456, iterations: 3, lanes: 1)
}
