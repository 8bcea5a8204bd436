import ZhangguiCore
import ZhangguiServices

/// A place receivers of made-up demo orders are spread over: names of a real province, city and district.
public struct ReceiverPlace: Sendable, Hashable {
    public let province: String
    public let city: String
    public let district: String

    public init(province: String, city: String, district: String) {
        self.province = province
        self.city = city
        self.district = district
    }
}

/// The layout of the UCI Online Retail data set (Chen, 2015): one invoice line per row, with columns InvoiceNo,
/// StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country.
///
/// Each invoice becomes one trade of the shop. Invoices numbered `C…` are cancellations (credit notes, negative
/// quantities): they are stored cancelled and never ship. Postage lines (`POST`, `DOT`, `C2`) become the
/// order's freight. The data set has no receivers, so each customer gets a made-up receiver — a name starting
/// with 示例 (example), a 138 phone number built from the customer id, and a real division picked by the id — so
/// the demo exercises the address checks without holding anyone's personal data.
enum OnlineRetailFile {
    static let columns = [
        "InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country",
    ]
    static let postageCodes: Set<String> = ["POST", "DOT", "C2"]

    static func matches(_ header: [String]) -> Bool {
        header.contains("InvoiceNo") && header.contains("StockCode")
    }

    static func read(
        _ reader: inout any TableReader,
        shop: String,
        places: [ReceiverPlace],
        context: CompanyContext,
        report: inout ImportReport
    ) throws -> [Trade] {
        report.issues += requireColumns(columns, in: reader)
        guard report.issues.isEmpty else { return [] }
        var assembler = OrderAssembler()
        while let row = try reader.nextRow() {
            report.rowsRead += 1
            var fields = RowFields(row, file: reader.fileName)
            let invoice = fields.required("InvoiceNo")
            let isCancellation = invoice.hasPrefix("C")
            let code = fields.required("StockCode")
            let quantity = signedQuantity(&fields, isCancellation: isCancellation)
            let price = fields.money("UnitPrice", currency: context.currency)
            let orderedAt = assembler.isNew(invoice) ? fields.time("InvoiceDate", calendar: context.calendar) : nil
            let customer = fields.text("CustomerID")
            let isPostage = postageCodes.contains(code) && !isCancellation
            let line =
                isPostage
                ? nil
                : TradeLine(merchantCode: code, name: fields.text("Description"), quantity: quantity, unitPrice: price)
            assembler.add(key: invoice, row: row.number, line: line, issues: fields.issues) {
                orderedAt.map { time in
                    Trade(
                        platformOrderID: invoice,
                        shopCode: shop,
                        orderedAt: time,
                        paidAt: time,
                        receiver: receiver(customer: customer, invoice: invoice, places: places),
                        lines: [],
                        isCancelled: isCancellation
                    )
                }
            }
            if isPostage, fields.isValid {
                assembler.addFreight(price.times(quantity), key: invoice, row: row.number, file: reader.fileName)
            }
        }
        return assembler.finish(into: &report)
    }

    /// The quantity of a line: positive on invoices, negative on credit notes (stored as its size).
    private static func signedQuantity(_ fields: inout RowFields, isCancellation: Bool) -> Int64 {
        let text = fields.text("Quantity")
        guard let value = RowFields.wholeNumber(text) else {
            fields.fail("Quantity", text.isEmpty ? "is empty" : "'\(text)' is not a whole number")
            return 0
        }
        guard value.magnitude <= UInt64(Limits.quantity) else {
            fields.fail("Quantity", "'\(text)' is more than \(Limits.quantity) units")
            return 0
        }
        if isCancellation, value < 0 { return -value }
        guard value > 0 else {
            fields.fail("Quantity", "'\(text)' must be at least 1 on an invoice (only C… credit notes are negative)")
            return 0
        }
        return value
    }

    /// The made-up receiver of a customer (or of an invoice without a customer id).
    static func receiver(customer: String, invoice: String, places: [ReceiverPlace]) -> Receiver {
        let id = customer.split(separator: ".").first.map(String.init) ?? ""
        let key = id.isEmpty ? invoice : id
        let number = Int64(key.filter(\.isNumber)) ?? 0
        let place =
            places.isEmpty
            ? ReceiverPlace(province: "", city: "", district: "") : places[Int(number % Int64(places.count))]
        let digits = String(number % 100_000_000)
        return Receiver(
            name: id.isEmpty ? "示例散客\(invoice)" : "示例客户\(id)",
            phone: "138" + String(repeating: "0", count: 8 - digits.count) + digits,
            province: place.province,
            city: place.city,
            district: place.district,
            address: "示例路\(number % 200 + 1)号(虚构地址)"
        )
    }
}
