/// Why a stock document is refused, naming its line (counted from 0) and field so that the API can point at
/// `lines[2].quantity` and the command line at its third line. Nothing is stored when one is thrown.
public struct StockNoteError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case reasonNotAllowed
        case textTooLong
        case noLines
        case tooManyLines
        /// No such warehouse, or one outside the user's data scope (the two look the same).
        case unknownWarehouse
        case unknownSKU
        /// Combos hold no stock of their own.
        case comboSKU
        case badQuantity
        case missingUnitCost
        case unexpectedUnitCost
        case badUnitCost
        case totalTooLarge
        /// An issue wants more of a SKU in a warehouse than is available (on hand − reserved − frozen).
        case insufficientStock
        /// No document of the kind has that number (or the user may not see it).
        case notFound
    }

    /// What an issue wanted against what was there.
    public struct Shortage: Sendable, Equatable {
        public let sku: String
        public let warehouse: String
        public let wanted: Int64
        public let available: Int64

        public init(sku: String, warehouse: String, wanted: Int64, available: Int64) {
            self.sku = sku
            self.warehouse = warehouse
            self.wanted = wanted
            self.available = available
        }
    }

    public let code: Code
    /// The line, counted from 0; nil when the problem is the document's.
    public let line: Int?
    /// `reason`, `reference`, `memo`, `lines`, or a line's `warehouse`, `sku`, `quantity`, `unitCost`.
    public let field: String
    public let detail: String
    public let shortage: Shortage?

    public init(_ code: Code, line: Int? = nil, field: String, _ detail: String, shortage: Shortage? = nil) {
        self.code = code
        self.line = line
        self.field = field
        self.detail = detail
        self.shortage = shortage
    }

    /// A shortage on `line`: the message names the SKU, the warehouse, what was wanted and what is available.
    public static func insufficient(_ shortage: Shortage, line: Int) -> StockNoteError {
        StockNoteError(
            .insufficientStock,
            line: line,
            field: "quantity",
            "SKU \(shortage.sku) in warehouse \(shortage.warehouse): \(shortage.wanted) wanted, "
                + "\(shortage.available) available",
            shortage: shortage
        )
    }

    /// The field as a path into the document, such as `lines[2].quantity`.
    public var path: String {
        line.map { "lines[\($0)].\(field)" } ?? field
    }

    public var description: String {
        code == .insufficientStock ? "not enough stock: \(detail)" : "\(path): \(detail)"
    }
}
