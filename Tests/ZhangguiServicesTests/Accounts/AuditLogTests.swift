import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

@Suite("The audit log records who changed what, and cannot be changed itself")
struct AuditLogTests {
    private let t0 = AccountBed.t0

    @Test("entries about an object come newest first, limited when asked")
    func newestFirst() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let admin = try bed.session("boss@example.com")
        let userID = try bed.addUser("clerk@example.com", role: .customerService, of: company, by: admin)
        try bed.service.assignRoles([company.roleIDs[.finance]!], toUser: userID, by: admin, now: t0 + 100)
        try bed.service.setScope(
            DataScope(shops: .only([]), warehouses: .all),
            forUser: userID,
            by: admin,
            now: t0 + 200
        )

        let all = try bed.audit.entries(about: .user(userID), principal: admin)
        let latest = try bed.audit.entries(about: .user(userID), principal: admin, limit: 1)

        #expect(all.map(\.entry.action) == ["user.setScope", "user.assignRoles", "user.create"])
        #expect(all.map(\.entry.at) == [t0 + 200, t0 + 100, t0])
        #expect(all.allSatisfy { $0.entry.companyID == company.companyID && $0.entry.userID == admin.userID })
        #expect(latest.map(\.entry.action) == ["user.setScope"])
        #expect(all[0].entry.beforeJSON?.contains(#""shops":"all""#) == true)
        #expect(all[0].entry.afterJSON?.contains(#""shops":[]"#) == true)
    }

    @Test("every account change an admin makes leaves an entry, in order")
    func everyChange() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let service = bed.service
        let token = try bed.signIn("boss@example.com").sessionToken
        let admin = try service.validateSession(token, now: t0)

        let role = try service.createRole(name: "打包员", permissions: [.ordersFulfil], by: admin, now: t0 + 1)
        let clerk = try bed.addUser("clerk@example.com", role: .customerService, of: company, by: admin)  // at t0
        try service.assignRoles([role], toUser: clerk, by: admin, now: t0 + 3)
        try service.setScope(.everything, forUser: clerk, by: admin, now: t0 + 4)
        let issued = try service.createAPIToken(
            name: "a",
            permissions: [.ordersRead],
            expiresAt: nil,
            by: admin,
            now: t0 + 5
        )
        try service.revokeAPIToken(id: issued.id, by: admin, now: t0 + 6)
        let enrolment = try service.startTOTPEnrolment(by: admin, now: t0 + 7)
        _ = try service.confirmTOTP(code: authenticatorCode(enrolment.secret, at: t0 + 8), by: admin, now: t0 + 8)
        try service.changePassword(current: AccountBed.password, new: "another long passphrase", by: admin, now: t0 + 9)
        try service.disableUser(id: clerk, by: admin, now: t0 + 10)
        try service.revokeAllSessions(userID: clerk, by: admin, now: t0 + 11)
        try service.revokeSession(token, now: t0 + 12)

        let again = try service.signIn(
            SignInAttempt(
                email: "boss@example.com",
                password: "another long passphrase",
                totpCode: authenticatorCode(enrolment.secret, at: t0 + 60),
                address: AccountBed.address
            ),
            now: t0 + 60
        )
        let reader = try service.validateSession(again.sessionToken, now: t0 + 60)
        let actions = try bed.audit.entries(byUser: company.adminUserID, principal: reader).map(\.entry.action)

        // Newest first; the four entries at t0 (registration, sign-in, the clerk) by the order they were made.
        #expect(
            actions == [
                "session.signIn", "session.revoke", "session.revokeAll", "user.disable", "user.changePassword",
                "user.enableTOTP", "user.startTOTPEnrolment", "apiToken.revoke", "apiToken.create", "user.setScope",
                "user.assignRoles", "role.create", "user.create", "session.signIn", "user.create", "company.register",
            ]
        )
    }

    @Test("entries by a user list what that user did")
    func byUser() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let admin = try bed.session("boss@example.com")
        try bed.addUser("clerk@example.com", role: .customerService, of: company, by: admin)
        let clerk = try bed.session("clerk@example.com", at: t0 + 50)

        let byClerk = try bed.audit.entries(byUser: clerk.userID, principal: admin)

        #expect(byClerk.map(\.entry.action) == ["session.signIn"])
        #expect(
            byClerk[0].entry.afterJSON
                == "{\"address\":\"192.0.2.10\",\"expiresAt\":\(t0 + 50 + 604_800),\"secondFactor\":false}"
        )
    }

    @Test("no entry holds a password hash")
    func noSecrets() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let admin = try bed.session("boss@example.com")
        try bed.addUser("clerk@example.com", role: .customerService, of: company, by: admin)

        let texts = try bed.database.read { connection in
            try connection.query("SELECT COALESCE(before_json, ''), COALESCE(after_json, '') FROM audit_log")
                .flatMap { [$0.string(0), $0.string(1)] }
        }
        #expect(!texts.isEmpty)
        #expect(!texts.contains { $0.contains("argon2") || $0.contains("password_hash") })
    }

    @Test("reading the audit log needs audit.read: finance may, the warehouse may not")
    func needsAuditRead() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let admin = try bed.session("boss@example.com")
        try bed.addUser("money@example.com", role: .finance, of: company, by: admin)
        try bed.addUser("store@example.com", role: .warehouse, of: company, by: admin)

        #expect(throws: Never.self) {
            try bed.audit.entries(about: .company(company.companyID), principal: try bed.session("money@example.com"))
        }
        #expect(throws: AccountError(.forbidden, detail: "needs audit.read")) {
            try bed.audit.entries(about: .company(company.companyID), principal: try bed.session("store@example.com"))
        }
    }

    @Test("an entry cannot be changed or deleted, even with SQL")
    func appendOnly() throws {
        let bed = try AccountBed()
        try bed.register()

        for statement in ["UPDATE audit_log SET action = 'nothing'", "DELETE FROM audit_log"] {
            let error = #expect(throws: DatabaseError.self) {
                try bed.database.write { try $0.execute(statement) }
            }
            #expect(error?.kind == .refusedByTrigger)
        }
    }

    @Test("other services record with their own actor and object, inside their own transaction")
    func recordFromElsewhere() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let admin = try bed.session("boss@example.com")

        try bed.database.write { connection in
            try AuditLog.record(
                "trade.approve",
                object: AuditObject(type: "trade", id: "17"),
                before: ["state": "onHold"],
                after: ["state": "approved"],
                by: admin.actor,
                at: t0 + 9,
                in: connection
            )
        }

        let entry = try #require(try bed.entries(about: AuditObject(type: "trade", id: "17"), by: admin).first)
        #expect(entry.companyID == company.companyID)
        #expect(entry.beforeJSON == #"{"state":"onHold"}"#)
        #expect(entry.afterJSON == #"{"state":"approved"}"#)
    }
}
