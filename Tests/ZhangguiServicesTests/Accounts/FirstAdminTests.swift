import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

@Suite("A company set up without accounts gets its first admin")
struct FirstAdminTests {
    /// A company made by `zhanggui init`: warehouses and settings, no roles, no users.
    static func companyWithoutAccounts(_ bed: AccountBed) throws -> Int64 {
        try CompanySetup(database: bed.database).create(CompanyPlan(name: "初始化的店"))
    }

    @Test("the admin signs in with every permission over every shop, and the built-in roles exist")
    func created() throws {
        let bed = try AccountBed()
        let companyID = try Self.companyWithoutAccounts(bed)

        let userID = try bed.service.createFirstAdmin(
            companyID: companyID,
            email: "Owner@Example.com",
            password: AccountBed.password,
            now: AccountBed.t0
        )
        let admin = try bed.session("owner@example.com")

        #expect(admin.userID == userID)
        #expect(admin.companyID == companyID)
        #expect(admin.permissions == Set(Permission.allCases))
        #expect(admin.scope == .everything)
        #expect(try bed.service.roles(by: admin).map(\.role.name) == ["管理员", "财务", "仓储", "客服"])
        #expect(try bed.entries(about: .user(userID), by: admin).map(\.action).contains("user.create"))
    }

    @Test("a second first admin, an unknown company or a weak password is refused and writes nothing")
    func refusals() throws {
        let bed = try AccountBed()
        let companyID = try Self.companyWithoutAccounts(bed)
        _ = try bed.service.createFirstAdmin(
            companyID: companyID,
            email: "owner@example.com",
            password: AccountBed.password,
            now: AccountBed.t0
        )

        #expect(throws: AccountError.self) {
            try bed.service.createFirstAdmin(
                companyID: companyID,
                email: "second@example.com",
                password: AccountBed.password,
                now: AccountBed.t0
            )
        }
        #expect(throws: AccountError.self) {
            try bed.service.createFirstAdmin(
                companyID: 999,
                email: "ghost@example.com",
                password: AccountBed.password,
                now: AccountBed.t0
            )
        }
        let other = try Self.companyWithoutAccounts(bed)
        #expect(throws: AccountError.self) {
            try bed.service.createFirstAdmin(companyID: other, email: "a@example.com", password: "short", now: 0)
        }
        let users = try bed.database.read { connection in
            try [companyID, other].map { try UserRecords(connection).users(companyID: $0).count }
        }
        #expect(users == [1, 0])
        #expect(try bed.database.read { try RoleRecords($0).roles(companyID: other) }.isEmpty)
    }
}
