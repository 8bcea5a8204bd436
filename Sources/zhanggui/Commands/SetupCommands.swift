import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

enum SetupCommands {
    static let initialize = Command(
        name: "init",
        summary: "create the database and the company, its warehouses and waybill range",
        help: """
            Usage: zhanggui init [--name NAME] [--time-zone ZONE] [--warehouse SPEC]... [--waybill-range SPEC]

            Creates the database file and one company in it, with its warehouses, waybill range and settings, all
            at once: when anything is refused, nothing is created. Run once per database; add warehouses later with
            `zhanggui warehouse add` and change the range with `zhanggui waybill --set-range`.

            Options:
              --name NAME           company name (default 掌柜示例公司)
              --time-zone ZONE      IANA time zone deciding which day an order belongs to (default Asia/Shanghai)
              --warehouse SPEC      CODE:NAME[:PRIORITY[:REGIONS]], repeatable. PRIORITY is a whole number, lower
                                    tried first (default 1); REGIONS are division-code prefixes of 2 to 6 digits
                                    joined by '+', and a warehouse without them serves everywhere.
                                    Example: SH:华东仓:1:31+32+33 (default MAIN:主仓:1)
              --waybill-range SPEC  COURIER:PREFIX:FIRST:LAST, the offline waybill numbers
                                    (default ZG:ZG:1:999999999999)
              --high-priority YUAN  orders paying more are tagged high priority (default 1000)
              --min-list-share PCT  a line sold below this share of its list price is held as a price anomaly
                                    (default 30)
              --vat-rate PCT        output VAT rate of the goods (default 13)
              --standard NAME       chart of accounts: small (小企业会计准则, default) or enterprise (企业会计准则)
            """,
        options: [
            "name", "time-zone", "warehouse", "waybill-range", "high-priority", "min-list-share", "vat-rate",
            "standard",
        ],
        repeatable: ["warehouse"]
    ) { arguments in
        let plan = try companyPlan(arguments)
        let workspace = Workspace(arguments)
        let isNewFile = !workspace.databaseExists
        do {
            try create(plan, workspace: workspace)
        } catch {
            if isNewFile { workspace.removeDatabase() }
            throw error
        }
        Output.line(
            "created \(workspace.databasePath): company \(plan.name), schema version \(Migrator.latestVersion)"
        )
        return 0
    }

    /// Opens the database and creates the company of `plan` in it; the database is closed again on return.
    /// - Throws: ``Refusal`` when the database has a company already.
    private static func create(_ plan: CompanyPlan, workspace: Workspace) throws {
        let database = try workspace.open()
        if try database.read({ try CompanyRecords($0).firstCompanyID() }) != nil {
            throw Refusal("\(workspace.databasePath) already has a company; a database holds one company")
        }
        _ = try CompanySetup(database: database).create(plan)
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

    /// Reads every option of `init` into a plan, before anything is opened.
    /// - Throws: ``UsageError`` for the first option that is wrong.
    static func companyPlan(_ arguments: Arguments) throws -> CompanyPlan {
        let name = (arguments.option("name") ?? "掌柜示例公司").trimmed
        guard !name.isEmpty else { throw UsageError("--name must not be empty") }
        var plan = CompanyPlan(name: name)
        plan.timeZone = arguments.option("time-zone") ?? "Asia/Shanghai"
        guard BusinessCalendar(timeZoneIdentifier: plan.timeZone) != nil else {
            throw UsageError("--time-zone '\(plan.timeZone)' is not an IANA time zone such as Asia/Shanghai")
        }
        let warehouses = try arguments.options("warehouse").map { try SetupSpecs.warehouse($0, label: "--warehouse") }
        var codes: Set<String> = []
        if let twice = warehouses.first(where: { !codes.insert($0.code).inserted }) {
            throw UsageError("--warehouse: code \(twice.code) is given twice")
        }
        if !warehouses.isEmpty { plan.warehouses = warehouses }
        plan.waybillRange = try SetupSpecs.waybillRange(
            arguments.option("waybill-range") ?? "ZG:ZG:1:999999999999",
            label: "--waybill-range"
        )
        try configure(&plan, arguments: arguments)
        return plan
    }

    /// Reads the review and tax options of `init` into the plan.
    private static func configure(_ plan: inout CompanyPlan, arguments: Arguments) throws {
        let threshold: Money
        do {
            threshold = try Money.parse(arguments.option("high-priority") ?? "1000")
        } catch {
            throw UsageError("--high-priority: \(error)")
        }
        guard threshold.fen >= 0 else { throw UsageError("--high-priority must not be negative") }
        plan.policy.highPriorityThreshold = threshold
        plan.policy.minimumListPriceShareBasisPoints = try percentage("min-list-share", default: 30, arguments) * 100
        plan.vatRateBasisPoints = try percentage("vat-rate", default: 13, arguments) * 100
        let standards = ["small": AccountingStandard.smallEnterprise, "enterprise": .enterprise]
        guard let standard = standards[arguments.option("standard") ?? "small"] else {
            throw UsageError("--standard is small or enterprise")
        }
        plan.standard = standard
    }

    /// A whole percentage from 0 to 100.
    private static func percentage(_ name: String, default value: Int64, _ arguments: Arguments) throws(UsageError)
        -> Int64
    {
        guard let text = arguments.option(name) else { return value }
        guard let percent = Int64(text), (0...100).contains(percent) else {
            throw UsageError("--\(name) takes a whole percentage from 0 to 100")
        }
        return percent
    }
}
