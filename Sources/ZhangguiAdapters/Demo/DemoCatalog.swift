import Foundation
public import ZhangguiCore

/// Products and opening stock derived from real invoice lines (UCI Online Retail), so the demo's catalogue and
/// stock fit its orders. The derivation is documented in docs/DEMO.md and marked as derived wherever it is shown:
///
/// - one product per StockCode sold on a normal invoice; its name is the most frequent Description, its list
///   price the UnitPrice it sold at most often, its unit cost half the lowest UnitPrice above zero;
/// - opening stock per product is 110 % of the units sold in the file in the main warehouse and 40 % in the
///   regional one — except for one product in forty (by code), which gets 30 % and 20 %, so the review meets
///   real shortages;
/// - postage codes (POST, DOT, C2) are freight, not products, and a few other service codes (bank charges,
///   manual adjustments) stay unmapped so review holds those orders.
public struct DemoCatalog {
    public struct Product: Sendable {
        public let code: String
        public let name: String
        public let listPrice: Money
        public let unitCost: Money
        public let unitsSold: Int64
    }

    public private(set) var products: [Product] = []

    static let serviceCodes: Set<String> = [
        "POST", "DOT", "C2", "M", "D", "S", "BANK CHARGES", "AMAZONFEE", "CRUK", "PADS", "B",
    ]

    /// Reads the invoice files at `paths` (CSV or gzip CSV in the UCI layout) and derives the products.
    public init(invoiceFiles paths: [String]) throws {
        var tallies: [String: Tally] = [:]
        for path in paths {
            var reader = try TableFiles.open(path: path)
            while let row = try reader.nextRow() {
                guard let invoice = row.value("InvoiceNo"), !invoice.hasPrefix("C"),
                    let code = row.value("StockCode")?.trimmed, !Self.serviceCodes.contains(code),
                    let quantity = Int64(row.value("Quantity") ?? ""), quantity > 0,
                    let price = try? Money.parse(row.value("UnitPrice") ?? ""), price.fen > 0
                else { continue }
                tallies[code, default: Tally()].add(
                    name: row.value("Description") ?? "",
                    quantity: quantity,
                    price: price.fen
                )
            }
        }
        products = tallies.keys.sorted().map { code in
            let tally = tallies[code]!
            return Product(
                code: code,
                name: tally.commonestName.isEmpty ? code : tally.commonestName,
                listPrice: Money(fen: tally.commonestPrice),
                unitCost: Money(fen: max(1, tally.lowestPrice / 2)),
                unitsSold: tally.units
            )
        }
    }

    /// Writes the 商品资料 file.
    public func writeProducts(to path: String) throws {
        var writer = CSVWriter(header: ["商家编码", "商品名称", "规格", "条码", "重量(克)", "吊牌价"])
        for product in products {
            writer.append([product.code, product.name, "", "", "0", product.listPrice.decimalText])
        }
        try writer.write(to: path)
    }

    /// Writes the 期初库存 file for a main warehouse and a regional one.
    /// Writes the 期初库存 file for the demo's three warehouses: a main one (`main`), a second one (`second`) and a
    /// small forward warehouse (`forward`) that serves one region.
    public func writeOpeningStock(to path: String, main: String, second: String, forward: String) throws {
        var writer = CSVWriter(header: ["仓库", "商家编码", "数量", "单位成本"])
        for product in products {
            let shares = Self.shares(code: product.code)
            let stock = [(main, shares.main), (second, shares.second), (forward, shares.forward)]
            for (warehouse, share) in stock where product.unitsSold * share / 100 > 0 {
                let units = product.unitsSold * share / 100
                writer.append([warehouse, product.code, String(units), product.unitCost.decimalText])
            }
        }
        try writer.write(to: path)
    }

    /// The percentages of units sold stocked in the main, the second and the forward warehouse.
    static func shares(code: String) -> (main: Int64, second: Int64, forward: Int64) {
        switch stableHash(code) % 40 {
        case 0: (30, 20, 0)
        case 1...5: (55, 60, 5)
        default: (110, 40, 10)
        }
    }

    /// A hash that is the same on every run (Swift's `hashValue` is seeded per process).
    static func stableHash(_ text: String) -> UInt64 {
        text.utf8.reduce(14_695_981_039_346_656_037) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
    }

    private struct Tally {
        var names: [String: Int] = [:]
        var prices: [Int64] = []
        var units: Int64 = 0

        mutating func add(name: String, quantity: Int64, price: Int64) {
            if !name.isEmpty { names[name, default: 0] += 1 }
            prices.append(price)
            units += quantity
        }

        var commonestName: String {
            names.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? ""
        }

        var commonestPrice: Int64 {
            var counts: [Int64: Int] = [:]
            for price in prices { counts[price, default: 0] += 1 }
            return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }?.key ?? 0
        }
        var lowestPrice: Int64 { prices.min() ?? 0 }
    }
}
