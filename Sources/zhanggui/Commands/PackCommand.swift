import Foundation
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

/// `zhanggui pack`: packing verification (验货打包) in one shot, for a scripted scanner at a bench.
enum PackCommand {
    static let command = Command(
        name: "pack",
        summary: "check a parcel's scanned items against its orders and record its weight",
        help: """
            Usage: zhanggui pack WAYBILL --items BARCODE[xN] [BARCODE[xN]...] --weight GRAMS
                   zhanggui pack --require on|off

            Packs the parcel with waybill number WAYBILL (验货打包): the items scanned into it (a SKU's barcode
            or code, a combo's barcode for its components; xN for N units, or the same barcode N times) must be
            exactly what its orders hold. Anything missing, extra or unknown refuses it and lists each
            difference; nothing is stored. A packed parcel records its weight and who packed it.

              --items BARCODE[xN]  the scanned items; further words after it are items too
              --weight GRAMS       the parcel's weight, 1 to 100000 g
              --require on|off     whether shipping takes only packed parcels (default off); sets the rule and
                                   packs nothing
            """,
        options: ["items", "weight", "require"],
        positionals: 0...10_000
    ) { arguments in
        if let rule = arguments.option("require") { return try setRule(rule, arguments: arguments) }
        guard let waybill = arguments.positional.first else {
            throw UsageError("give the parcel's waybill number (zhanggui pack WAYBILL --items ... --weight GRAMS)")
        }
        guard let first = arguments.option("items") else { throw UsageError("--items is required") }
        let items = try ([first] + arguments.positional.dropFirst()).map(item)
        guard let weightText = arguments.option("weight") else { throw UsageError("--weight GRAMS is required") }
        guard let grams = Int64(weightText) else { throw UsageError("--weight must be whole grams, not \(weightText)") }
        let (database, companyID) = try Workspace(arguments).openCompany()
        let packed = try PackingService(database: database)
            .pack(waybill: waybill, items: items, weightGrams: grams, companyID: companyID)
        let contents = packed.items.map { "\($0.sku)×\($0.quantity)" }.joined(separator: ", ")
        Output.line("packed \(packed.waybill): \(contents); \(packed.weightGrams) g")
        return 0
    }

    /// `BARCODE` or `BARCODExN`, read as the web bench reads it (``ScannedItem``).
    static func item(_ word: String) throws(UsageError) -> (barcode: String, count: Int64) {
        do {
            let item = try ScannedItem(parsing: word)
            return (item.barcode, item.count)
        } catch {
            throw UsageError(error.description)
        }
    }

    private static func setRule(_ value: String, arguments: Arguments) throws -> Int32 {
        guard value == "on" || value == "off" else { throw UsageError("--require takes on or off, not \(value)") }
        let (database, companyID) = try Workspace(arguments).openCompany()
        try database.write { try PackingRecords($0).setRequiresPacking(value == "on", companyID: companyID) }
        Output.line(value == "on" ? "shipping now takes only packed parcels" : "shipping no longer requires packing")
        return 0
    }
}
