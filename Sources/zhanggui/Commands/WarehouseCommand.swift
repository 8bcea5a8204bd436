import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

enum WarehouseCommand {
    static let command = Command(
        name: "warehouse",
        summary: "add a warehouse, or list the warehouses in the order allocation tries them",
        help: """
            Usage: zhanggui warehouse add CODE:NAME[:PRIORITY[:REGIONS]]
                   zhanggui warehouse list

            add   adds a warehouse to the company. PRIORITY is a whole number, lower tried first (default 1);
                  REGIONS are division-code prefixes of 2 to 6 digits joined by '+' (31 上海, 3301 杭州), and a
                  warehouse without them serves everywhere. Example: zhanggui warehouse add HZ:杭州仓:2:3301
            list  shows every warehouse with its priority and regions, in the order allocation tries them.
            """,
        positionals: 1...2
    ) { arguments in
        let action = arguments.positional[0]
        let values = arguments.positional.dropFirst()
        switch action {
        case "add":
            guard let spec = values.first else { throw UsageError("warehouse add needs \(SetupSpecs.warehouseForm)") }
            return try add(SetupSpecs.warehouse(spec, label: "warehouse add"), workspace: Workspace(arguments))
        case "list":
            try arguments.requirePositionals(1...1, usage: "zhanggui warehouse list")
            return try list(workspace: Workspace(arguments))
        default:
            throw UsageError("unknown action '\(action)' (add or list)")
        }
    }

    private static func add(_ warehouse: Warehouse, workspace: Workspace) throws -> Int32 {
        let (database, companyID) = try workspace.openCompany()
        try CompanySetup(database: database).addWarehouse(warehouse, companyID: companyID)
        Output.line("added warehouse \(warehouse.code) \(warehouse.name), \(describe(warehouse))")
        return 0
    }

    private static func list(workspace: Workspace) throws -> Int32 {
        let (database, companyID) = try workspace.openCompany()
        let warehouses = try database.read { try CompanyRecords($0).warehouses(companyID: companyID) }
        var table = [["代码", "名称", "优先级", "服务区域"]]
        for (_, warehouse) in warehouses {
            table.append([
                warehouse.code, warehouse.name, String(warehouse.priority),
                warehouse.regions.isEmpty ? "全部 (everywhere)" : warehouse.regions.joined(separator: "+"),
            ])
        }
        Output.table(table)
        return 0
    }

    /// Priority and regions in words, such as `priority 2, serving 3301`.
    private static func describe(_ warehouse: Warehouse) -> String {
        let regions = warehouse.regions.isEmpty ? "everywhere" : warehouse.regions.joined(separator: "+")
        return "priority \(warehouse.priority), serving \(regions)"
    }
}
