import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

@Suite("A company never reaches another company's users, roles, tokens or audit log")
struct CompanyIsolationTests {
    private let t0 = AccountBed.t0

    /// Companies A and B, each with an admin, a clerk and an API token; returns A's admin and B's ids.
    private func twoCompanies() throws -> (bed: AccountBed, adminA: Principal, a: RegisteredCompany, b: Ids) {
        let bed = try AccountBed()
        let a = try bed.register("甲店", email: "a@example.com")
        let b = try bed.register("乙店", email: "b@example.com")
        let adminA = try bed.session("a@example.com")
        let adminB = try bed.session("b@example.com")
        let clerkB = try bed.addUser("clerk-b@example.com", role: .customerService, of: b, by: adminB)
        let tokenB = try bed.service.createAPIToken(
            name: "b",
            permissions: [.ordersRead],
            expiresAt: nil,
            by: adminB,
            now: t0
        )
        let shopB = try bed.database.write {
            try CompanyRecords($0).shopID(code: "B", platform: "file", companyID: b.companyID)
        }
        return (
            bed, adminA, a,
            Ids(user: clerkB, admin: b.adminUserID, role: b.roleIDs[.finance]!, token: tokenB.id, shop: shopB)
        )
    }

    struct Ids {
        let user: Int64
        let admin: Int64
        let role: Int64
        let token: Int64
        let shop: Int64
    }

    @Test("B's users are not found by A: disable, assign roles, set scope, end sessions")
    func users() throws {
        let (bed, adminA, _, b) = try twoCompanies()
        let notFound = AccountError(.notFound, detail: "user \(b.user)")

        #expect(throws: notFound) { try bed.service.disableUser(id: b.user, by: adminA, now: t0) }
        #expect(throws: notFound) { try bed.service.assignRoles([], toUser: b.user, by: adminA, now: t0) }
        #expect(throws: notFound) { try bed.service.setScope(.everything, forUser: b.user, by: adminA, now: t0) }
        #expect(throws: notFound) { try bed.service.revokeAllSessions(userID: b.user, by: adminA, now: t0) }
        #expect(try bed.service.users(by: adminA).map(\.email) == ["a@example.com"])
        #expect(throws: Never.self) { try bed.signIn("clerk-b@example.com") }
    }

    @Test("B's roles, shops and tokens are not found by A")
    func rolesShopsTokens() throws {
        let (bed, adminA, a, b) = try twoCompanies()

        #expect(throws: AccountError(.notFound, detail: "role \(b.role)")) {
            try bed.service.assignRoles([b.role], toUser: a.adminUserID, by: adminA, now: t0)
        }
        #expect(throws: AccountError(.notFound, detail: "shop \(b.shop)")) {
            try bed.service.setScope(
                DataScope(shops: .only([b.shop]), warehouses: .all),
                forUser: a.adminUserID,
                by: adminA,
                now: t0
            )
        }
        #expect(throws: AccountError(.notFound, detail: "API token \(b.token)")) {
            try bed.service.revokeAPIToken(id: b.token, by: adminA, now: t0)
        }
        #expect(Set(try bed.service.roles(by: adminA).map(\.id)) == Set(a.roleIDs.values))
        #expect(try bed.service.apiTokens(by: adminA).isEmpty)
    }

    @Test("A's audit queries return nothing of B's, by object or by user")
    func audit() throws {
        let (bed, adminA, _, b) = try twoCompanies()

        #expect(try bed.audit.entries(about: .user(b.user), principal: adminA).isEmpty)
        #expect(try bed.audit.entries(about: .apiToken(b.token), principal: adminA).isEmpty)
        #expect(try bed.audit.entries(byUser: b.admin, principal: adminA).isEmpty)
    }

    @Test("the database itself refuses to give a user a role of another company")
    func crossCompanyRowRefused() throws {
        let (bed, _, a, b) = try twoCompanies()

        let error = #expect(throws: DatabaseError.self) {
            try bed.database.write { connection in
                try connection.execute(
                    "INSERT INTO user_roles (company_id, user_id, role_id) VALUES (?, ?, ?)",
                    a.companyID,
                    a.adminUserID,
                    b.role
                )
            }
        }
        #expect(error?.kind == .foreignKeyViolation)
    }
}
