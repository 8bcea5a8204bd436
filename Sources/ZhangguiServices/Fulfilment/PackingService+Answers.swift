public import ZhangguiCore

/// The answer to one scan at the packing bench.
public struct PackingScanAnswer: Sendable, Equatable, Encodable {
    public enum Outcome: String, Sendable, Equatable, Encodable {
        /// Counted.
        case accepted
        /// Not in this parcel: take it out.
        case extra
        /// More than the parcel holds of that SKU: take one out.
        case tooMany
        /// No SKU carries this barcode or code.
        case unknownBarcode

        init(_ outcome: PackingScanOutcome) {
            switch outcome {
            case .accepted: self = .accepted
            case .extra: self = .extra
            case .tooMany: self = .tooMany
            }
        }
    }

    /// One SKU of the parcel: how many it holds and how many were scanned.
    public struct Line: Sendable, Equatable, Encodable {
        public let sku: String
        public let wanted: Int64
        public let scanned: Int64
    }

    public let outcome: Outcome
    public let barcode: String
    /// Every SKU the parcel must hold, by code, after this scan.
    public let lines: [Line]
    /// Whether the parcel now holds everything and can be finished.
    public let isComplete: Bool

    init(outcome: Outcome, barcode: String, check: PackingCheck, codes: [Int64: String]) {
        self.outcome = outcome
        self.barcode = barcode
        self.lines = check.wanted.keys.sorted().map { skuID in
            Line(
                sku: codes[skuID] ?? "#\(skuID)",
                wanted: check.wanted[skuID] ?? 0,
                scanned: check.scanned[skuID, default: 0]
            )
        }
        self.isComplete = check.isComplete
    }
}

/// One SKU packed into a parcel.
public struct PackedItem: Sendable, Equatable, Encodable {
    public let sku: String
    public let quantity: Int64

    public init(sku: String, quantity: Int64) {
        self.sku = sku
        self.quantity = quantity
    }
}

/// A packed parcel: what the audit log keeps and the bench is told.
public struct PackedParcel: Sendable, Equatable, Encodable {
    public let waybill: String
    public let shipmentID: Int64
    public let weightGrams: Int64
    public let items: [PackedItem]
    /// UTC seconds.
    public let packedAt: Int64
    public let packedBy: Int64?
}

/// Why packing refused.
public struct PackingError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case unknownWaybill
        case alreadyPacked
        case shipped
        /// The parcel's orders were intercepted (a refund, a hold) or cancelled after the label was printed.
        case intercepted
        case badCount
        case badWeight
        /// Finishing with units still missing.
        case incomplete
        /// A one-shot pack whose items differ from the parcel's contents.
        case mismatch
    }

    public let code: Code
    public let detail: String

    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { "packing: \(detail)" }
}
