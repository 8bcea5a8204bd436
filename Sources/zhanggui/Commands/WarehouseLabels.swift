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

    /// `values` are CODE, SKU and LOCATION.
    static func locate(_ values: [String], arguments: Arguments) throws -> Int32 {
        let (database, companyID) = try Workspace(arguments).openCompany()
        try LabelService(database: database, renderer: PDFLabelRenderer())
            .setLocation(values[2], skuCode: values[1], warehouseCode: values[0], companyID: companyID)
        Output.line("warehouse \(values[0]): \(values[1]) lies at \(LabelText.trimmed(values[2]))")
        return 0
    }
}
