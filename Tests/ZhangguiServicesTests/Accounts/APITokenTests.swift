import Testing
import ZhangguiCore
import ZhangguiSecurity
import ZhangguiServices
import ZhangguiStore

@Suite("API tokens for integrations")
struct APITokenTests {
    private let t0 = AccountBed.t0

    @Test("a token is shown once as zg_ and 43 characters, and only its digest and prefix are stored")
    func shownOnce() throws {
        let bed = try AccountBed()
        try bed.register()
        let admin = try bed.session("boss@example.com")

        let issued = try bed.service.createAPIToken(
            name: "ERP 对接",
            permissions: [.ordersRead],
            expiresAt: nil,
            by: admin,
            now: t0
        )

        #expect(issued.token.hasPrefix("zg_"))
        #expect(issued.token.count == 46)
        #expect(issued.prefix == String(issued.token.prefix(9)))
        let row = try #require(try bed.database.read { try $0.queryOne("SELECT token_hash, prefix FROM api_tokens") })
        #expect(row.string(0) == SecretDigest.sha256Hex(issued.token))
        #expect(row.string(1) == issued.prefix)
        let listed = try bed.service.apiTokens(by: admin)
        #expect(listed.map(\.name) == ["ERP 对接"])
        #expect(listed.map(\.prefix) == [issued.prefix])
    }

    @Test("a token acts for its company with exactly its permissions, and its creator's scope")
    func verified() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let admin = try bed.session("boss@example.com")
        let issued = try bed.service.createAPIToken(
            name: "feed",
            permissions: [.ordersRead, .stockRead],
            expiresAt: nil,
            by: admin,
            now: t0
        )

        let principal = try bed.service.verifyAPIToken(issued.token, now: t0 + 10)

        #expect(principal.companyID == company.companyID)
        #expect(principal.userID == company.adminUserID)
        #expect(principal.tokenID == issued.id)
        #expect(principal.permissions == [.ordersRead, .stockRead])
        #expect(principal.scope == .everything)
        #expect(!principal.can(.ordersReview))
    }

    @Test("a revoked token, an expired token and a made-up token are all refused")
    func refused() throws {
        let bed = try AccountBed()
        try bed.register()
        let admin = try bed.session("boss@example.com")
        let revoked = try bed.service.createAPIToken(
            name: "a",
            permissions: [.ordersRead],
            expiresAt: nil,
            by: admin,
            now: t0
        )
        let expiring = try bed.service.createAPIToken(
            name: "b",
            permissions: [.ordersRead],
            expiresAt: t0 + 3600,
            by: admin,
            now: t0
        )

        try bed.service.revokeAPIToken(id: revoked.id, by: admin, now: t0 + 60)

        #expect(throws: AccountError(.tokenInvalid)) { try bed.service.verifyAPIToken(revoked.token, now: t0 + 61) }
        #expect(throws: Never.self) { try bed.service.verifyAPIToken(expiring.token, now: t0 + 3599) }
        #expect(throws: AccountError(.tokenInvalid)) { try bed.service.verifyAPIToken(expiring.token, now: t0 + 3600) }
        #expect(throws: AccountError(.tokenInvalid)) { try bed.service.verifyAPIToken("zg_made-up", now: t0) }
        #expect(throws: AccountError(.tokenInvalid)) { try bed.service.verifyAPIToken("", now: t0) }
    }

    @Test("a token cannot have a permission its creator lacks")
    func scopedToCreator() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let admin = try bed.session("boss@example.com")
        try bed.addUser("store@example.com", role: .warehouse, of: company, by: admin)
        let keeper = try bed.session("store@example.com")

        #expect(throws: AccountError(.forbidden, detail: "the token cannot have books.read")) {
            try bed.service.createAPIToken(
                name: "x",
                permissions: [.stockRead, .booksRead],
                expiresAt: nil,
                by: keeper,
                now: t0
            )
        }
        #expect(throws: AccountError(.invalidInput, detail: "permissions: none given")) {
            try bed.service.createAPIToken(name: "x", permissions: [], expiresAt: nil, by: keeper, now: t0)
        }
    }

    @Test("a token cannot make more tokens")
    func noTokensFromTokens() throws {
        let bed = try AccountBed()
        try bed.register()
        let admin = try bed.session("boss@example.com")
        let issued = try bed.service.createAPIToken(
            name: "a",
            permissions: [.usersManage],
            expiresAt: nil,
            by: admin,
            now: t0
        )
        let token = try bed.service.verifyAPIToken(issued.token, now: t0)

        let refusal = #expect(throws: AccountError.self) {
            try bed.service.createAPIToken(name: "b", permissions: [.usersManage], expiresAt: nil, by: token, now: t0)
        }
        #expect(refusal?.code == .forbidden)
    }

    @Test("demoting the creator narrows the token; disabling the creator stops it")
    func followsCreator() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let admin = try bed.session("boss@example.com")
        let clerkID = try bed.addUser("clerk@example.com", role: .customerService, of: company, by: admin)
        let clerk = try bed.session("clerk@example.com")
        let issued = try bed.service.createAPIToken(
            name: "review bot",
            permissions: [.ordersRead, .ordersReview],
            expiresAt: nil,
            by: clerk,
            now: t0
        )

        try bed.service.assignRoles([company.roleIDs[.finance]!], toUser: clerkID, by: admin, now: t0 + 10)
        #expect(try bed.service.verifyAPIToken(issued.token, now: t0 + 20).permissions == [.ordersRead])

        try bed.service.disableUser(id: clerkID, by: admin, now: t0 + 30)
        #expect(throws: AccountError(.tokenInvalid)) { try bed.service.verifyAPIToken(issued.token, now: t0 + 40) }
    }

    @Test("only the creator or users.manage may revoke a token; creating and revoking are audited")
    func revokeRights() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let admin = try bed.session("boss@example.com")
        try bed.addUser("clerk@example.com", role: .customerService, of: company, by: admin)
        let clerk = try bed.session("clerk@example.com")
        let issued = try bed.service.createAPIToken(
            name: "a",
            permissions: [.ordersRead],
            expiresAt: nil,
            by: admin,
            now: t0
        )

        let refusal = "revoking another user's token needs users.manage and every permission the token holds"
        #expect(throws: AccountError(.forbidden, detail: refusal)) {
            try bed.service.revokeAPIToken(id: issued.id, by: clerk, now: t0)
        }
        // A user manager who lacks a permission of the admin's token may not revoke it either.
        let powerful = try bed.service.createAPIToken(
            name: "b",
            permissions: [.ordersRead, .booksRead],
            expiresAt: nil,
            by: admin,
            now: t0
        )
        let managers = try bed.service.createRole(
            name: "用户管理",
            permissions: [.usersManage, .ordersRead],
            by: admin,
            now: t0
        )
        _ = try bed.service.createUser(
            NewUser(
                email: "hr@example.com",
                displayName: "hr",
                password: AccountBed.password,
                roleIDs: [managers],
                scope: .everything
            ),
            by: admin,
            now: t0
        )
        let manager = try bed.session("hr@example.com")
        #expect(throws: AccountError(.forbidden, detail: refusal)) {
            try bed.service.revokeAPIToken(id: powerful.id, by: manager, now: t0)
        }
        try bed.service.revokeAPIToken(id: issued.id, by: admin, now: t0 + 60)

        let entries = try bed.entries(about: .apiToken(issued.id), by: admin)
        #expect(entries.map(\.action) == ["apiToken.revoke", "apiToken.create"])
        let prefix = issued.prefix
        #expect(
            entries[0].afterJSON == #"{"name":"a","permissions":["orders.read"],"prefix":""# + prefix
                + #"","revokedAt":\#(t0 + 60)}"#
        )
        #expect(entries[0].beforeJSON == #"{"name":"a","permissions":["orders.read"],"prefix":""# + prefix + #""}"#)
        #expect(!entries.contains { ($0.afterJSON ?? "").contains(issued.token) })
    }

    @Test("a token's actions are audited under its creator and the token")
    func auditedAsToken() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let admin = try bed.session("boss@example.com")
        let issued = try bed.service.createAPIToken(
            name: "hr",
            permissions: [.usersManage],
            expiresAt: nil,
            by: admin,
            now: t0
        )
        let token = try bed.service.verifyAPIToken(issued.token, now: t0)

        let userID = try bed.service.createUser(
            NewUser(
                email: "new@example.com",
                displayName: "新人",
                password: AccountBed.password,
                roleIDs: [],
                scope: .everything
            ),
            by: token,
            now: t0 + 5
        )

        let entry = try #require(try bed.entries(about: .user(userID), by: admin).first)
        #expect(entry.userID == company.adminUserID)
        #expect(entry.tokenID == issued.id)
    }
}
