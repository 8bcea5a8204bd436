/// Why labels or a picking list could not be made. Details name batches, waybills and warehouses, never a
/// receiver.
public struct LabelError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// Every waybilled parcel has its label already.
        case nothingToPrint
        /// A picking list of the parcels waiting for labels was asked, and none is waiting.
        case nothingToPick
        /// No print batch has this number.
        case unknownBatch
        /// No shipment has this waybill number.
        case unknownWaybill
        /// A reprint was asked for a label never printed.
        case notPrinted
        /// A warehouse whose parcels are in the batch has no sender address.
        case noSender
        /// Another run printed some of these labels first.
        case printedMeanwhile
        /// A bin location or sender given is not acceptable.
        case badSetting
    }

    public let code: Code
    public let detail: String
    /// The warehouses the refusal is about (`.noSender`: those without a sender), by code; empty otherwise.
    public let warehouseCodes: [String]

    public init(code: Code, detail: String, warehouseCodes: [String] = []) {
        self.code = code
        self.detail = detail
        self.warehouseCodes = warehouseCodes
    }

    public var description: String { detail }
}
