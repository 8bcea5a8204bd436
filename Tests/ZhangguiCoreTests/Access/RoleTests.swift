import Testing
import ZhangguiCore

@Suite("Built-in roles, custom roles and permissions")
struct RoleTests {
    @Test("管理员 may do everything")
    func admin() {
        #expect(BuiltInRole.admin.permissions == Set(Permission.allCases))
        #expect(Permission.allCases.count == 13)
    }

    @Test("财务 reads the books, orders, stock, catalogue and the audit log, and changes nothing")
    func finance() {
        let expected: Set<Permission> = [.booksRead, .ordersRead, .stockRead, .catalogueRead, .auditRead]
        #expect(BuiltInRole.finance.permissions == expected)
    }

    @Test("仓储 keeps stock, fulfils orders, runs imports and sees alerts, but does not review or see the books")
    func warehouse() {
        let expected: Set<Permission> = [
            .stockRead, .stockWrite, .ordersRead, .ordersFulfil, .catalogueRead, .importsRun, .alertsRead,
        ]
        #expect(BuiltInRole.warehouse.permissions == expected)
        #expect(!BuiltInRole.warehouse.permissions.contains(.ordersReview))
    }

    @Test("客服 reviews orders with the catalogue, stock and alerts in view")
    func customerService() {
        let expected: Set<Permission> = [.ordersRead, .ordersReview, .catalogueRead, .stockRead, .alertsRead]
        #expect(BuiltInRole.customerService.permissions == expected)
    }

    @Test("the Chinese names are those sellers use")
    func names() {
        #expect(BuiltInRole.allCases.map(\.chineseName) == ["管理员", "财务", "仓储", "客服"])
    }

    @Test("only the admin role manages users, settings or reads the audit log besides finance")
    func sensitivePermissions() {
        let managers = BuiltInRole.allCases.filter { $0.permissions.contains(.usersManage) }
        #expect(managers == [.admin])
        #expect(BuiltInRole.allCases.filter { $0.permissions.contains(.auditRead) } == [.admin, .finance])
    }

    @Test("a custom role is a trimmed name and a non-empty list of permissions")
    func customRole() throws {
        let role = try Role(customName: " 打包员 ", permissions: [.ordersRead, .ordersFulfil])
        #expect(role.name == "打包员")
        #expect(role.builtIn == nil)
        #expect(role.permissions == [.ordersRead, .ordersFulfil])
    }

    @Test("a custom role without a name, with a built-in role's name or with no permission is refused")
    func customRoleRefusals() {
        #expect(throws: RoleError.badName) { try Role(customName: "  ", permissions: [.ordersRead]) }
        #expect(throws: RoleError.nameTaken) { try Role(customName: "财务", permissions: [.ordersRead]) }
        #expect(throws: RoleError.nameTaken) { try Role(customName: "admin", permissions: [.ordersRead]) }
        #expect(throws: RoleError.noPermissions) { try Role(customName: "空", permissions: []) }
    }

    @Test("a stored built-in role takes its permissions from the code, not from what was stored")
    func storedBuiltIn() {
        let role = Role(storedName: "财务", permissions: [.usersManage], builtIn: .finance)
        #expect(role.permissions == BuiltInRole.finance.permissions)
    }

    @Test("permission lists round-trip sorted, and an unknown name refuses the whole list")
    func permissionLists() {
        #expect(Permission.list([.stockRead, .auditRead]) == "audit.read,stock.read")
        #expect(Permission.parse(list: "audit.read,stock.read") == [.auditRead, .stockRead])
        #expect(Permission.parse(list: "") == [])
        #expect(Permission.parse(list: "audit.read,stock.delete") == nil)
    }
}
