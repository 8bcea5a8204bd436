import ZhangguiAdapters
import ZhangguiCore
import ZhangguiServices

/// `zhanggui warehouse sender` and `zhanggui warehouse locate`: what labels and picking lists need of a warehouse.
enum WarehouseLabels {
    static func setSender(warehouse: String, arguments: Arguments) throws -> Int32 {
        var fields: [String: String] = [:]
        for name in ["name", "phone", "address"] {
            guard let value = arguments.option(name) else { throw UsageError("warehouse sender needs --\(name)") }
            fields[name] = value
        }
        let sender = Sender(
            name: fields["name"] ?? "",
            phone: fields["phone"] ?? "",
            province: arguments.option("province") ?? "",
            city: arguments.option("city") ?? "",
            district: arguments.option("district") ?? "",
            address: fields["address"] ?? ""
        )
        let (database, companyID) = try Workspace(arguments).openCompany()
        try LabelService(database: database, renderer: PDFLabelRenderer())
            .setSender(sender, warehouseCode: warehouse, companyID: companyID)
        Output.line("warehouse \(warehouse): labels show sender \(sender.name), \(sender.fullAddress)")
        return 0
    }

    /// `warehouse locate CODE --file FILE`: columns 商家编码 and 库位, all rows stored or none.
    static func locate(warehouse: String, file: String, arguments: Arguments) throws -> Int32 {
        var reader = try TableFiles.open(path: file)
        for column in ["商家编码", "库位"] where !reader.header.contains(column) {
            throw Refusal("\(reader.fileName): no column \(column) (the columns are 商家编码 and 库位)")
        }
        var entries: [(row: Int, skuCode: String, location: String)] = []
        while let row = try reader.nextRow() {
            entries.append((row.number, LabelText.trimmed(row.value("商家编码") ?? ""), row.value("库位") ?? ""))
        }
        let (database, companyID) = try Workspace(arguments).openCompany()
        try LabelService(database: database, renderer: PDFLabelRenderer())
            .setLocations(entries, warehouseCode: warehouse, companyID: companyID, source: reader.fileName)
        Output.line("warehouse \(warehouse): \(Output.count(entries.count)) bin locations set from \(reader.fileName)")
        return 0
    }

    /// `values` are CODE, SKU and LOCATION.
    static func locate(_ values: [String], arguments: Arguments) throws -> Int32 {
        let (database, companyID) = try Workspace(arguments).openCompany()
        try LabelService(database: database, renderer: PDFLabelRenderer())
            .setLocation(values[2], skuCode: values[1], warehouseCode: values[0], companyID: companyID)
        Output.line("warehouse \(values[0]): \(values[1]) lies at \(LabelText.trimmed(values[2]))")
        return 0
    }
}
