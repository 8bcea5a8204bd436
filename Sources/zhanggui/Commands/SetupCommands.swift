import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

enum SetupCommands {
    static let initialize = Command(
        name: "init",
        summary: "create the database and the company, its warehouses and waybill range",
        help: """
            Usage: zhanggui init [--name NAME] [--time-zone ZONE] [--warehouse SPEC]... [--waybill-range SPEC]

            Creates the database file and one company in it. Run once per database.

            Options:
              --name NAME           company name (default 掌柜示例公司)
              --time-zone ZONE      IANA time zone deciding which day an order belongs to (default Asia/Shanghai)
              --warehouse SPEC      CODE:NAME[:PRIORITY[:REGIONS]], repeatable; REGIONS are division-code prefixes
                                    joined by '+', e.g. SH:华东仓:1:31+32+33 (default MAIN:主仓:1, serving everywhere)
              --waybill-range SPEC  COURIER:PREFIX:FIRST:LAST, the offline waybill numbers (default
                  ZG:ZG:1:999999999999)
              --high-priority YUAN  orders paying more are tagged high priority (default 1000)
              --min-list-share PCT  a line sold below this share of its list price is held as a price anomaly
                                    (default 30)
              --vat-rate PCT        output VAT rate of the goods (default 13)
              --standard NAME       chart of accounts: small (小企业会计准则, default) or enterprise (企业会计准则)
            """,
        options: [
            "name", "time-zone", "warehouse", "waybill-range", "high-priority", "min-list-share", "vat-rate",
            "standard",
        ]
    ) { arguments in
        let workspace = Workspace(arguments)
        let database = try workspace.open()
        if try database.read({ try CompanyRecords($0).firstCompanyID() }) != nil {
            throw UsageError("\(workspace.databasePath) already has a company")
        }
        var plan = CompanyPlan(name: arguments.option("name") ?? "掌柜示例公司")
        plan.timeZone = arguments.option("time-zone") ?? "Asia/Shanghai"
        let warehouses = try arguments.options("warehouse").map(parseWarehouse)
        if !warehouses.isEmpty { plan.warehouses = warehouses }
        plan.waybillRange = try parseRange(arguments.option("waybill-range") ?? "ZG:ZG:1:999999999999")
        try configure(&plan, arguments: arguments)
        _ = try CompanySetup(database: database).create(plan)
        let name = plan.name
        Output.line("created \(workspace.databasePath): company \(name), schema version \(Migrator.latestVersion)")
        return 0
    }

    static let migrate = Command(
        name: "migrate",
        summary: "bring the database schema up to date and print its version",
        help: "Usage: zhanggui migrate\n\nApplies any schema migrations the database lacks and prints its version."
    ) { arguments in
        let database = try Workspace(arguments).open()
        Output.line("schema version \(try Migrator.version(of: database)) (latest \(Migrator.latestVersion))")
        return 0
    }

    /// Reads the review and tax options of `init` into the plan.
    static func configure(_ plan: inout CompanyPlan, arguments: Arguments) throws {
        do {
            plan.policy.highPriorityThreshold = try Money.parse(arguments.option("high-priority") ?? "1000")
        } catch {
            throw UsageError("--high-priority: \(error)")
        }
        guard let share = Int64(arguments.option("min-list-share") ?? "30"),
            let rate = Int64(arguments.option("vat-rate") ?? "13")
        else { throw UsageError("--min-list-share and --vat-rate take whole percentages") }
        plan.policy.minimumListPriceShareBasisPoints = share * 100
        plan.vatRateBasisPoints = rate * 100
        let standards = ["small": AccountingStandard.smallEnterprise, "enterprise": .enterprise]
        guard let standard = standards[arguments.option("standard") ?? "small"] else {
            throw UsageError("--standard is small or enterprise")
        }
        plan.standard = standard
    }

    static func parseWarehouse(_ spec: String) throws -> Warehouse {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard (2...4).contains(parts.count), !parts[0].isEmpty, !parts[1].isEmpty else {
            throw UsageError("--warehouse '\(spec)' is not CODE:NAME[:PRIORITY[:REGIONS]]")
        }
        let priority = parts.count > 2 ? Int(parts[2]) : 1
        guard let priority else { throw UsageError("--warehouse '\(spec)': priority must be a number") }
        let regions = parts.count > 3 ? parts[3].split(separator: "+").map(String.init) : []
        return Warehouse(code: parts[0], name: parts[1], priority: priority, regions: regions)
    }

    static func parseRange(_ spec: String) throws -> (courier: String, prefix: String, first: Int64, last: Int64) {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, let first = Int64(parts[2]), let last = Int64(parts[3]), !parts[0].isEmpty else {
            throw UsageError("--waybill-range '\(spec)' is not COURIER:PREFIX:FIRST:LAST")
        }
        return (parts[0], parts[1], first, last)
    }
}
