import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

@Suite("Registering a company creates its first admin")
struct RegistrationTests {
    @Test("the first user is an admin of the new company who may do everything and sees every shop")
    func firstAdmin() throws {
        let bed = try AccountBed()
        let company = try bed.register()

        let admin = try bed.session("boss@example.com")

        #expect(admin.companyID == company.companyID)
        #expect(admin.userID == company.adminUserID)
        #expect(admin.permissions == Set(Permission.allCases))
        #expect(admin.scope == .everything)
        #expect(admin.tokenID == nil)
    }

    @Test("the company starts with the four built-in roles, named in Chinese")
    func builtInRoles() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let admin = try bed.session("boss@example.com")

        let roles = try bed.service.roles(by: admin)

        #expect(roles.map(\.role.name) == ["管理员", "财务", "仓储", "客服"])
        #expect(roles.map(\.role.builtIn) == [.admin, .finance, .warehouse, .customerService])
        #expect(Set(roles.map(\.id)) == Set(company.roleIDs.values))
        #expect(roles[1].role.permissions == [.booksRead, .ordersRead, .stockRead, .catalogueRead, .auditRead])
    }

    @Test("the company gets warehouse MAIN and the standard settings, like any company set up")
    func standardPlan() throws {
        let bed = try AccountBed()
        let company = try bed.register()

        let warehouses = try bed.database.read { try CompanyRecords($0).warehouses(companyID: company.companyID) }
        let context = try bed.database.read { try CompanyContext.load(company.companyID, from: $0) }

        #expect(warehouses.map(\.warehouse.code) == ["MAIN"])
        #expect(context.company.name == "示例商行")
        #expect(context.company.timeZone == "Asia/Shanghai")
    }

    @Test("registration is audited: the company and the admin, as the admin, at the time given")
    func audited() throws {
        let bed = try AccountBed()
        let company = try bed.register()
        let admin = try bed.session("boss@example.com")

        let companyEntries = try bed.entries(about: .company(company.companyID), by: admin)
        let userEntries = try bed.entries(about: .user(company.adminUserID), by: admin)

        #expect(companyEntries.map(\.action) == ["company.register"])
        #expect(companyEntries[0].afterJSON == #"{"name":"示例商行","timeZone":"Asia/Shanghai"}"#)
        #expect(companyEntries[0].userID == company.adminUserID)
        #expect(companyEntries[0].at == AccountBed.t0)
        let created = try #require(userEntries.last)
        #expect(created.action == "user.create")
        #expect(created.beforeJSON == nil)
        #expect(
            created.afterJSON
                == #"{"disabled":false,"displayName":"boss@example.com","email":"boss@example.com","#
                + #""roles":["管理员"],"shops":"all","totpEnabled":false,"warehouses":"all"}"#
        )
    }

    @Test("an email used by any company cannot register again, and nothing of the second company is left")
    func emailTakenAcrossCompanies() throws {
        let bed = try AccountBed()
        try bed.register("甲店", email: "boss@example.com")

        #expect(throws: AccountError(.emailTaken)) { try bed.register("乙店", email: "BOSS@example.com") }

        let companies = try bed.database.read { try $0.queryOne("SELECT COUNT(*) FROM companies")?.int(0) }
        #expect(companies == 1)
    }

    @Test("an unknown time zone, a bad email or a short password creates nothing")
    func refusals() throws {
        let bed = try AccountBed()
        let service = bed.service

        #expect(throws: SetupError(code: .unknownTimeZone, detail: "Mars/Olympus")) {
            try service.registerCompany(
                Registration(
                    companyName: "甲",
                    adminEmail: "a@example.com",
                    adminPassword: AccountBed.password,
                    timeZone: "Mars/Olympus"
                ),
                now: AccountBed.t0
            )
        }
        #expect(throws: AccountError(.invalidInput, detail: "email")) {
            try service.registerCompany(
                Registration(companyName: "甲", adminEmail: "not-an-email", adminPassword: AccountBed.password),
                now: AccountBed.t0
            )
        }
        #expect(throws: AccountError(.weakPassword, detail: "must have at least 12 characters")) {
            try service.registerCompany(
                Registration(companyName: "甲", adminEmail: "a@example.com", adminPassword: "short"),
                now: AccountBed.t0
            )
        }
        let users = try bed.database.read { try $0.queryOne("SELECT COUNT(*) FROM users")?.int(0) }
        #expect(users == 0)
    }
}
