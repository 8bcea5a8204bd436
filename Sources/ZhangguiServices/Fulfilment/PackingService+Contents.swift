public import ZhangguiCore
import ZhangguiStore

/// What a parcel must hold and what was scanned into it so far: what the packing bench shows once the waybill is
/// scanned, before any item.
public struct PackingContents: Sendable, Equatable {
    public let waybill: String
    /// Every SKU the parcel must hold, by code.
    public let lines: [PackingScanAnswer.Line]
    public let isComplete: Bool

    public init(waybill: String, lines: [PackingScanAnswer.Line], isComplete: Bool) {
        self.waybill = waybill
        self.lines = lines
        self.isComplete = isComplete
    }
}

extension PackingService {
    /// The contents of the parcel with waybill number `waybill`, changing nothing.
    /// - Throws: ``PackingError`` as ``scan(waybill:barcode:count:companyID:scope:audit:)`` does for a parcel that
    ///   cannot be packed (unknown or outside `scope`, packed, shipped, intercepted).
    public func contents(waybill: String, companyID: Int64, scope: DataScope = .everything) throws
        -> PackingContents
    {
        // A write transaction, as scan takes one: on PostgreSQL the parcel's row is read `FOR UPDATE`.
        try database.write { connection in
            let records = PackingRecords(connection)
            let parcel = try Self.packable(waybill, companyID: companyID, scope: scope, records: records)
            let check = PackingCheck(
                wanted: try records.wanted(shipmentID: parcel.shipmentID),
                scanned: try records.scanned(shipmentID: parcel.shipmentID)
            )
            let answer = PackingScanAnswer(
                outcome: .accepted,
                barcode: "",
                check: check,
                codes: try records.skuCodes(check.wanted.keys, companyID: companyID)
            )
            return PackingContents(waybill: parcel.waybillNumber, lines: answer.lines, isComplete: answer.isComplete)
        }
    }
}
