import ZhangguiAdapters
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

/// A test shop with a sender for MAIN, SKUs A and B in stock, and orders waybilled and ready to print.
extension TestShop {
    static let sender = Sender(
        name: "示例仓",
        phone: "021-55550000",
        province: "上海",
        city: "上海市",
        district: "闵行区",
        address: "示例工业路8号"
    )

    var labels: LabelService { LabelService(database: database, renderer: PDFLabelRenderer()) }

    /// MAIN with a sender, SKUs A and B with 100 each in stock.
    static func readyToPrint(_ engine: Engine) throws -> TestShop {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A", "B")
        try shop.stock("A", 100)
        try shop.stock("B", 100)
        try shop.labels.setSender(sender, warehouseCode: "MAIN", companyID: shop.companyID)
        return shop
    }

    /// Review, allocation and waybills, without shipping.
    func waybill() throws {
        _ = try review.reviewPending(companyID: companyID)
        _ = try AllocationService(database: database).allocateApproved(companyID: companyID)
        _ = try WaybillService(database: database, courier: OfflineRangeCourier(code: "ZG"))
            .waybillAllocated(companyID: companyID)
    }

    /// Prints a selection, keeping the PDF.
    func print(_ selection: LabelSelection) throws -> PrintedLabels {
        try labels.print(selection, companyID: companyID, actor: clerk) { _ in }
    }

    func count(_ sql: String) throws -> Int64 {
        try database.read { try $0.queryOne(sql)?.int(0) ?? -1 }
    }
}
