import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

@Suite("Users, roles and data scopes")
struct UserAdministrationTests {
    private let t0 = AccountBed.t0

    @Test(
        "each built-in role gives its holder exactly its permissions",
        arguments: [BuiltInRole.finance, .warehouse, .customerService]
    )
    func builtInRoles(role: BuiltInRole) throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let admin = try bed.session("boss@example.com")
        try bed.addUser("staff@example.com", role: role, of: company, by: admin)

        let staff = try bed.session("staff@example.com")

        #expect(staff.permissions == role.permissions)
    }

    @Test("a warehouse hand scoped to MAIN sees MAIN only")
    func scopedToOneWarehouse() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let admin = try bed.session("boss@example.com")
        let main = try bed.database.read { try CompanyRecords($0).warehouses(companyID: company.companyID)[0].id }
        _ = try bed.service.createUser(
            NewUser(
                email: "store@example.com",
                displayName: "仓管",
                password: AccountBed.password,
                roleIDs: [company.roleIDs[.warehouse]!],
                scope: DataScope(shops: .only([]), warehouses: .only([main]))
            ),
            by: admin,
            now: t0
        )

        let keeper = try bed.session("store@example.com")

        #expect(keeper.scope.admits(warehouse: main))
        #expect(!keeper.scope.admits(warehouse: main + 1))
        #expect(!keeper.scope.admits(shop: 1))
    }

    @Test("a custom role built from permissions gives just those")
    func customRole() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let admin = try bed.session("boss@example.com")

        let packer = try bed.service.createRole(
            name: "打包员",
            permissions: [.ordersRead, .ordersFulfil],
            by: admin,
            now: t0
        )
        let userID = try bed.addUser("pack@example.com", role: .customerService, of: company, by: admin)
        try bed.service.assignRoles([packer], toUser: userID, by: admin, now: t0 + 1)

        #expect(try bed.session("pack@example.com").permissions == [.ordersRead, .ordersFulfil])
        let entry = try #require(try bed.entries(about: .role(packer), by: admin).first)
        #expect(entry.afterJSON == #"{"name":"打包员","permissions":["orders.fulfil","orders.read"]}"#)
    }

    @Test("a role name taken by a built-in or another custom role is refused")
    func roleNames() throws {
        let bed = try AccountBed()
        try bed.register()
        let admin = try bed.session("boss@example.com")
        _ = try bed.service.createRole(name: "打包员", permissions: [.ordersRead], by: admin, now: t0)

        #expect(throws: AccountError(.invalidInput, detail: "role name: taken")) {
            try bed.service.createRole(name: "客服", permissions: [.ordersRead], by: admin, now: t0)
        }
        #expect(throws: AccountError(.invalidInput, detail: "role name: taken")) {
            try bed.service.createRole(name: "打包员", permissions: [.stockRead], by: admin, now: t0)
        }
    }

    @Test("assigning roles is audited with the roles before and after")
    func assignAudited() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let admin = try bed.session("boss@example.com")
        let userID = try bed.addUser("staff@example.com", role: .customerService, of: company, by: admin)

        try bed.service.assignRoles(
            [company.roleIDs[.finance]!, company.roleIDs[.warehouse]!],
            toUser: userID,
            by: admin,
            now: t0 + 1
        )

        let entry = try #require(try bed.entries(about: .user(userID), by: admin).first)
        #expect(entry.action == "user.assignRoles")
        #expect(entry.beforeJSON?.contains(#""roles":["客服"]"#) == true)
        #expect(entry.afterJSON?.contains(#""roles":["仓储","财务"]"#) == true)
    }

    @Test("someone who manages users cannot hand out, or take away, more than they hold")
    func noEscalation() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let admin = try bed.session("boss@example.com")
        let hr = try bed.service.createRole(name: "人事", permissions: [.usersManage, .ordersRead], by: admin, now: t0)
        let hrUser = try bed.addUser("hr@example.com", role: .customerService, of: company, by: admin)
        try bed.service.assignRoles([hr], toUser: hrUser, by: admin, now: t0)
        let manager = try bed.session("hr@example.com")
        let clerk = try bed.addUser("clerk@example.com", role: .customerService, of: company, by: admin)

        // The admin role holds all 13 permissions; the manager holds users.manage and orders.read.
        let beyond =
            "alerts.read,audit.read,books.read,catalogue.read,catalogue.write,imports.run,orders.fulfil,orders.review,"
            + "settings.manage,stock.read,stock.write"
        #expect(throws: AccountError(.forbidden, detail: "cannot grant " + beyond)) {
            try bed.service.assignRoles([company.roleIDs[.admin]!], toUser: hrUser, by: manager, now: t0)
        }
        #expect(throws: AccountError(.forbidden, detail: "cannot grant settings.manage")) {
            try bed.service.createRole(name: "x", permissions: [.settingsManage], by: manager, now: t0)
        }
        #expect(
            throws: AccountError(
                .forbidden,
                detail: "the user holds alerts.read,catalogue.read,orders.review,stock.read"
            )
        ) {
            try bed.service.disableUser(id: clerk, by: manager, now: t0)
        }
        #expect(throws: AccountError(.forbidden, detail: "the user holds " + beyond)) {
            try bed.service.disableUser(id: company.adminUserID, by: manager, now: t0)
        }
    }

    @Test("a scope wider than the manager's own cannot be granted")
    func noWiderScope() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let admin = try bed.session("boss@example.com")
        let shop = try bed.database.write {
            try CompanyRecords($0).shopID(code: "TM", platform: "tmall", companyID: company.companyID)
        }
        let hr = try bed.service.createRole(name: "人事", permissions: [.usersManage], by: admin, now: t0)
        _ = try bed.service.createUser(
            NewUser(
                email: "hr@example.com",
                displayName: "人事",
                password: AccountBed.password,
                roleIDs: [hr],
                scope: DataScope(shops: .only([shop]), warehouses: .only([]))
            ),
            by: admin,
            now: t0
        )
        let manager = try bed.session("hr@example.com")

        #expect(throws: AccountError(.forbidden, detail: "cannot grant a data scope wider than your own")) {
            try bed.service.createUser(
                NewUser(
                    email: "x@example.com",
                    displayName: "x",
                    password: AccountBed.password,
                    roleIDs: [],
                    scope: .everything
                ),
                by: manager,
                now: t0
            )
        }
    }

    @Test("the company always keeps an enabled admin, and nobody disables themselves")
    func lastAdmin() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let admin = try bed.session("boss@example.com")

        #expect(throws: AccountError(.lastAdmin)) {
            try bed.service.assignRoles([company.roleIDs[.finance]!], toUser: company.adminUserID, by: admin, now: t0)
        }
        #expect(throws: AccountError(.forbidden, detail: "cannot disable yourself")) {
            try bed.service.disableUser(id: company.adminUserID, by: admin, now: t0)
        }
        #expect(try bed.session("boss@example.com").permissions == Set(Permission.allCases))
    }

    @Test("disabling is audited with disabled false before and true after, and ends the user's sessions")
    func disableAudited() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let admin = try bed.session("boss@example.com")
        let userID = try bed.addUser("clerk@example.com", role: .customerService, of: company, by: admin)
        _ = try bed.signIn("clerk@example.com")

        try bed.service.disableUser(id: userID, by: admin, now: t0 + 5)

        let entry = try #require(try bed.entries(about: .user(userID), by: admin).first)
        #expect(entry.action == "user.disable")
        #expect(entry.beforeJSON?.contains(#""disabled":false"#) == true)
        #expect(entry.afterJSON?.contains(#""disabled":true"#) == true)
        let open = try bed.database.read {
            try SessionRecords($0).openSessions(userID: userID, companyID: company.companyID)
        }
        #expect(open == 0)
    }

    @Test("without users.manage, users and roles are out of reach")
    func needsUsersManage() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let admin = try bed.session("boss@example.com")
        try bed.addUser("money@example.com", role: .finance, of: company, by: admin)
        let finance = try bed.session("money@example.com")
        let forbidden = AccountError(.forbidden, detail: "needs users.manage")

        #expect(throws: forbidden) { try bed.service.users(by: finance) }
        #expect(throws: forbidden) { try bed.service.roles(by: finance) }
        #expect(throws: forbidden) {
            try bed.service.createRole(name: "x", permissions: [.ordersRead], by: finance, now: t0)
        }
        #expect(throws: forbidden) {
            try bed.service.createUser(
                NewUser(
                    email: "x@example.com",
                    displayName: "x",
                    password: AccountBed.password,
                    roleIDs: [],
                    scope: .everything
                ),
                by: finance,
                now: t0
            )
        }
    }
}
