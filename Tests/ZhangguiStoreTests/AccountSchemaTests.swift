import Testing
import ZhangguiCore
import ZhangguiStore

@Suite("Migration 2 keeps accounts apart and the audit log append-only")
struct AccountSchemaTests {
    private let now: Int64 = 1_767_225_600

    /// A migrated in-memory database with two companies, a user in each.
    private func database() throws -> (SQLiteDatabase, [Int64], [Int64]) {
        let database = try SQLiteDatabase(path: ":memory:")
        try Migrator.migrate(database)
        let ids = try database.write { connection -> ([Int64], [Int64]) in
            var companies: [Int64] = []
            var users: [Int64] = []
            for name in ["甲", "乙"] {
                let company = try CompanyRecords(connection).create(name: name, timeZone: "Asia/Shanghai")
                companies.append(company)
                users.append(
                    try UserRecords(connection).insert(
                        email: "\(company)@example.com",
                        passwordHash: "x",
                        displayName: name,
                        scope: .everything,
                        companyID: company,
                        now: now
                    )
                )
            }
            return (companies, users)
        }
        return (database, ids.0, ids.1)
    }

    @Test("the accounts migration is version 2, named for accounts and the audit log")
    func version() throws {
        let (database, _, _) = try database()

        #expect(try Migrator.version(of: database) == Migrator.latestVersion)
        #expect(Migrator.migrations[1].version == 2)
        #expect(Migrator.migrations[1].name == "accounts and audit log")
    }

    @Test("the audit log's guards exist under the names the check will look for")
    func guardsExist() throws {
        let (database, _, _) = try database()

        let triggers = try database.read { connection in
            Set(try connection.query("SELECT name FROM sqlite_master WHERE type = 'trigger'").map { $0.string(0) })
        }
        #expect(Migrator.accountGuards(.sqlite) == ["audit_log_no_update", "audit_log_no_delete"])
        #expect(Set(Migrator.accountGuards(.sqlite)).isSubset(of: triggers))
        #expect(Migrator.accountGuards(.postgres) == ["audit_log_append_only"])
    }

    @Test("an email is unique across companies")
    func emailUnique() throws {
        let (database, companies, _) = try database()

        let error = #expect(throws: DatabaseError.self) {
            try database.write { connection in
                try UserRecords(connection).insert(
                    email: "\(companies[0])@example.com",
                    passwordHash: "x",
                    displayName: "again",
                    scope: .everything,
                    companyID: companies[1],
                    now: now
                )
            }
        }
        #expect(error?.kind == .uniqueViolation)
    }

    @Test("a session cannot name a user of another company")
    func sessionCompanyMatchesUser() throws {
        let (database, companies, users) = try database()

        let error = #expect(throws: DatabaseError.self) {
            try database.write { connection in
                try SessionRecords(connection).insert(
                    SessionRecord(
                        id: "digest",
                        companyID: companies[1],
                        userID: users[0],
                        createdAt: now,
                        expiresAt: now + 60,
                        lastSeenAt: now,
                        revokedAt: nil,
                        csrfTokenHash: "c",
                        address: ""
                    )
                )
            }
        }
        #expect(error?.kind == .foreignKeyViolation)
    }

    @Test("a user's records read as absent from another company")
    func recordsFilterByCompany() throws {
        let (database, companies, users) = try database()

        let (foreign, own) = try database.read { connection in
            (
                try UserRecords(connection).user(id: users[0], companyID: companies[1]),
                try UserRecords(connection).user(id: users[0], companyID: companies[0])
            )
        }

        #expect(foreign == nil)
        #expect(own?.displayName == "甲")
    }

    @Test("a scope is stored closed by default: no flag and no id admits nothing")
    func scopes() throws {
        let (database, companies, users) = try database()
        let scope = DataScope(shops: .only([3, 1]), warehouses: .all)

        let stored = try database.write { connection in
            try UserRecords(connection).setScope(scope, userID: users[0], companyID: companies[0])
            return try UserRecords(connection).scope(userID: users[0], companyID: companies[0])
        }
        let foreign = try database.read { try UserRecords($0).scope(userID: users[0], companyID: companies[1]) }

        #expect(stored == scope)
        #expect(foreign == DataScope(shops: .only([]), warehouses: .only([])))
    }

    @Test("sign-in attempts older than every window can be pruned")
    func prune() throws {
        let (database, _, _) = try database()

        let removed = try database.write { connection in
            let attempts = SignInAttemptRecords(connection)
            try attempts.record(account: "a", address: "x", companyID: nil, succeeded: false, at: now - 7200)
            try attempts.record(account: "a", address: "x", companyID: nil, succeeded: false, at: now)
            return try attempts.prune(before: now - 3600)
        }
        let left = try database.read { try SignInAttemptRecords($0).failures(account: "a", since: 0) }

        #expect(removed == 1)
        #expect(left == [now])
    }
}
