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
                   zhanggui warehouse sender CODE --name NAME --phone PHONE --address STREET
                                             [--province P --city C --district D]
                   zhanggui warehouse locate CODE SKU LOCATION | CODE --file FILE

            add   adds a warehouse to the company. PRIORITY is a whole number, lower tried first (default 1);
                  REGIONS are division-code prefixes of 2 to 6 digits joined by '+' (31 上海, 3301 杭州), and a
                  warehouse without them serves everywhere. Example: zhanggui warehouse add HZ:杭州仓:2:3301
            list  shows every warehouse with its priority and regions, in the order allocation tries them.
            sender  sets the sender (寄件人) printed on labels of parcels leaving the warehouse, replacing the one
                  it had; name, phone and street address are required.
            locate  sets the bin location (库位) of a SKU in the warehouse, such as A-03-12; labels and picking
                  lists follow locations in walking order (A-2 before A-10). With --file, from a CSV or XLSX
                  file with columns 商家编码 and 库位: every row is stored, or none when one is wrong.
            """,
        options: ["name", "phone", "province", "city", "district", "address", "file"],
        positionals: 1...4
    ) { arguments in
        let action = arguments.positional[0]
        let values = arguments.positional.dropFirst()
        switch action {
        case "add":
            try arguments.requirePositionals(1...2, usage: "zhanggui warehouse add \(SetupSpecs.warehouseForm)")
            guard let spec = values.first else { throw UsageError("warehouse add needs \(SetupSpecs.warehouseForm)") }
            return try add(SetupSpecs.warehouse(spec, label: "warehouse add"), workspace: Workspace(arguments))
        case "list":
            try arguments.requirePositionals(1...1, usage: "zhanggui warehouse list")
            return try list(workspace: Workspace(arguments))
        case "sender":
            try arguments.requirePositionals(
                2...2,
                usage: "zhanggui warehouse sender CODE --name … --phone … --address …"
            )
            return try WarehouseLabels.setSender(warehouse: values[values.startIndex], arguments: arguments)
        case "locate":
            if let file = arguments.option("file") {
                try arguments.requirePositionals(2...2, usage: "zhanggui warehouse locate CODE --file FILE")
                return try WarehouseLabels.locate(
                    warehouse: values[values.startIndex],
                    file: file,
                    arguments: arguments
                )
            }
            try arguments.requirePositionals(4...4, usage: "zhanggui warehouse locate CODE SKU LOCATION")
            return try WarehouseLabels.locate(Array(values), arguments: arguments)
        default:
            throw UsageError("unknown action '\(action)' (add, list, sender or locate)")
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
