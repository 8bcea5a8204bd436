import Foundation
import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("Setting up a company is all or nothing")
struct CompanySetupTests {
    private func emptyDatabase(_ engine: Engine) throws -> TestDatabase {
        let database = try engine.makeDatabase()
        try Migrator.migrate(database)
        return database
    }

    @Test("a plan naming a warehouse twice is refused and leaves no company behind", arguments: Engine.all)
    func refusedPlanLeavesNothing(engine: Engine) throws {
        let database = try emptyDatabase(engine)
        var plan = CompanyPlan(name: "示例")
        plan.warehouses = [Warehouse(code: "A", name: "甲", priority: 1), Warehouse(code: "A", name: "乙", priority: 2)]

        #expect(throws: SetupError(code: .duplicateWarehouse, detail: "A")) {
            try CompanySetup(database: database).create(plan)
        }

        let companies = try database.read { try CompanyRecords($0).firstCompanyID() }
        #expect(companies == nil)
    }

    @Test("the plan's thresholds and standard are what review and the books then read", arguments: Engine.all)
    func settingsAreStored(engine: Engine) throws {
        let database = try emptyDatabase(engine)
        var plan = CompanyPlan(name: "示例")
        plan.policy.highPriorityThreshold = Money(fen: 50_000)
        plan.vatRateBasisPoints = 900
        plan.standard = .enterprise

        let id = try CompanySetup(database: database).create(plan)

        let context = try database.read { try CompanyContext.load(id, from: $0) }
        #expect(context.company.policy.highPriorityThreshold == Money(fen: 50_000))
        #expect(context.company.vatRateBasisPoints == 900)
        #expect(context.account(.salesRevenue) == "6001")
        let warehouses = try database.read { try CompanyRecords($0).warehouses(companyID: id) }
        #expect(warehouses.map(\.warehouse.code) == ["MAIN"])
    }

    @Test("a warehouse region must be a division-code prefix of 2 to 6 digits", arguments: Engine.all)
    func regionsAreChecked(engine: Engine) throws {
        let database = try emptyDatabase(engine)
        var plan = CompanyPlan(name: "示例")
        plan.warehouses = [Warehouse(code: "SH", name: "华东仓", priority: 1, regions: ["31", "3x"])]

        #expect(
            throws: SetupError(code: .badSetting, detail: "region '3x' is not a division-code prefix of 2 to 6 digits")
        ) { try CompanySetup(database: database).create(plan) }
    }
}
