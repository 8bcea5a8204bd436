public import ZhangguiCore
public import ZhangguiStore

/// 验货打包: a clerk scans a parcel's waybill, then its items; the parcel is packed, with its weight, only when
/// what was scanned is exactly what it must hold. Every call is one transaction holding the parcel's row, so two
/// clerks at one parcel take turns and only one of them finishes it.
public struct PackingService: Sendable {
    let database: any Database

    /// The heaviest parcel a bench records, in grams (couriers' single-parcel limits are far below).
    public static let maximumWeightGrams: Int64 = 100_000

    public init(database: any Database) {
        self.database = database
    }

    /// Scans `count` units of the item `barcode` (a SKU's barcode or code; a combo counts as its components) into
    /// the parcel with waybill number `waybill`. Accepted units are stored; an extra, too many or unknown item is
    /// answered and not counted.
    /// - Throws: ``PackingError`` when the parcel cannot be packed (unknown, shipped, packed, intercepted) or the
    ///   count is not positive.
    public func scan(
        waybill: String,
        barcode: String,
        count: Int64 = 1,
        companyID: Int64,
        scope: DataScope = .everything,
        audit: AuditContext? = nil
    ) throws -> PackingScanAnswer {
        guard count > 0, count <= 10_000 else { throw PackingError(.badCount, "count \(count) is not 1 to 10000") }
        return try database.write { connection in
            let records = PackingRecords(connection)
            let parcel = try Self.packable(waybill, companyID: companyID, scope: scope, records: records)
            var check = PackingCheck(
                wanted: try records.wanted(shipmentID: parcel.shipmentID),
                scanned: try records.scanned(shipmentID: parcel.shipmentID)
            )
            let codes = try records.skuCodes(check.wanted.keys, companyID: companyID)
            guard let item = try records.units(ofBarcode: barcode, companyID: companyID) else {
                return PackingScanAnswer(outcome: .unknownBarcode, barcode: barcode, check: check, codes: codes)
            }
            let units = item.units.mapValues { $0 * count }
            let outcome = check.scan(units)
            let extraCodes = try records.skuCodes(units.keys, companyID: companyID)
            if outcome == .accepted {
                for (skuID, quantity) in units {
                    let userID = audit?.actor.userID
                    try records.addScan(
                        skuID: skuID,
                        quantity: quantity,
                        shipmentID: parcel.shipmentID,
                        by: userID,
                        companyID: companyID
                    )
                }
            }
            return PackingScanAnswer(
                outcome: PackingScanAnswer.Outcome(outcome),
                barcode: barcode,
                check: check,
                codes: codes.merging(extraCodes) { first, _ in first }
            )
        }
    }

    /// Packs the parcel: records `weightGrams` and what was scanned, and marks it packed (audited as
    /// `fulfilment.pack`).
    /// - Throws: ``PackingError`` with code `incomplete` naming each SKU still short, `badWeight` outside 1 g to
    ///   ``maximumWeightGrams``, `alreadyPacked` when another clerk finished first, and the parcel refusals.
    public func finish(
        waybill: String,
        weightGrams: Int64,
        companyID: Int64,
        scope: DataScope = .everything,
        audit: AuditContext? = nil
    ) throws -> PackedParcel {
        try Self.checkWeight(weightGrams)
        return try database.write { connection in
            let records = PackingRecords(connection)
            let parcel = try Self.packable(waybill, companyID: companyID, scope: scope, records: records)
            let check = PackingCheck(
                wanted: try records.wanted(shipmentID: parcel.shipmentID),
                scanned: try records.scanned(shipmentID: parcel.shipmentID)
            )
            return try Self.finish(
                parcel,
                check: check,
                weightGrams: weightGrams,
                companyID: companyID,
                connection: connection,
                audit: audit
            )
        }
    }

    /// Scans `items` (barcode and count each) and packs the parcel, all or nothing: one shot for a scripted bench.
    /// Scans stored earlier for the parcel are set aside; these items alone must be exactly its contents.
    /// - Throws: ``PackingError`` with code `mismatch` listing every difference (missing, extra, too many,
    ///   unknown), and as ``finish(waybill:weightGrams:companyID:scope:audit:)``.
    public func pack(
        waybill: String,
        items: [(barcode: String, count: Int64)],
        weightGrams: Int64,
        companyID: Int64,
        scope: DataScope = .everything,
        audit: AuditContext? = nil
    ) throws -> PackedParcel {
        try Self.checkWeight(weightGrams)
        for item in items where item.count <= 0 || item.count > 10_000 {
            throw PackingError(.badCount, "count \(item.count) of \(item.barcode) is not 1 to 10000")
        }
        return try database.write { connection in
            let records = PackingRecords(connection)
            let parcel = try Self.packable(waybill, companyID: companyID, scope: scope, records: records)
            let wanted = try records.wanted(shipmentID: parcel.shipmentID)
            var scanned: [Int64: Int64] = [:]
            var unknown: [String] = []
            for item in items {
                guard let found = try records.units(ofBarcode: item.barcode, companyID: companyID) else {
                    unknown.append("\(item.barcode) is no SKU's barcode or code")
                    continue
                }
                for (skuID, units) in found.units { scanned[skuID, default: 0] += units * item.count }
            }
            let codes = try records.skuCodes(Set(wanted.keys).union(scanned.keys), companyID: companyID)
            let differences = Set(wanted.keys).union(scanned.keys).sorted().compactMap { skuID -> String? in
                let want = wanted[skuID, default: 0]
                let have = scanned[skuID, default: 0]
                guard want != have else { return nil }
                let code = codes[skuID] ?? "#\(skuID)"
                return want == 0
                    ? "\(code) is not in the parcel (scanned \(have))" : "\(code): wanted \(want), scanned \(have)"
            }
            guard differences.isEmpty, unknown.isEmpty else {
                let listed = (differences + unknown).joined(separator: "; ")
                throw PackingError(.mismatch, "parcel \(waybill): \(listed)")
            }
            try records.clearScans(shipmentID: parcel.shipmentID)
            let check = PackingCheck(wanted: wanted, scanned: scanned)
            return try Self.finish(
                parcel,
                check: check,
                weightGrams: weightGrams,
                companyID: companyID,
                connection: connection,
                audit: audit
            )
        }
    }

    private static func checkWeight(_ grams: Int64) throws {
        guard grams > 0, grams <= maximumWeightGrams else {
            throw PackingError(.badWeight, "weight \(grams) g is not 1 to \(maximumWeightGrams) g")
        }
    }

    /// The parcel `waybill` names, when it can be packed now.
    /// A parcel of a shop or warehouse outside `scope` is answered as unknown.
    static func packable(_ waybill: String, companyID: Int64, scope: DataScope, records: PackingRecords) throws
        -> PackingParcel
    {
        guard !waybill.isEmpty, let parcel = try records.parcel(waybill: waybill, companyID: companyID),
            scope.admits(warehouse: parcel.warehouseID), parcel.shopID == 0 || scope.admits(shop: parcel.shopID)
        else {
            throw PackingError(.unknownWaybill, "no parcel has waybill number \(waybill)")
        }
        if let packed = try records.packing(shipmentID: parcel.shipmentID) {
            throw PackingError(
                .alreadyPacked,
                "parcel \(waybill) was packed already (\(packed.weightGrams) g); it needs no second packing"
            )
        }
        guard !parcel.isShipped else { throw PackingError(.shipped, "parcel \(waybill) has shipped already") }
        if parcel.hasRefund || !parcel.tradeStates.contains(.waybilled) {
            throw PackingError(
                .intercepted,
                "parcel \(waybill) must not ship: its orders were intercepted (a refund, a hold) or cancelled; "
                    + "set it aside and cancel its waybill"
            )
        }
        return parcel
    }

    private static func finish(
        _ parcel: PackingParcel,
        check: PackingCheck,
        weightGrams: Int64,
        companyID: Int64,
        connection: any DatabaseConnection,
        audit: AuditContext?
    ) throws -> PackedParcel {
        let records = PackingRecords(connection)
        let codes = try records.skuCodes(check.wanted.keys, companyID: companyID)
        guard check.isComplete else {
            let missing = check.missing.map { difference in
                "\(codes[difference.skuID] ?? "#\(difference.skuID)"): wanted \(difference.wanted), "
                    + "scanned \(difference.scanned)"
            }
            throw PackingError(
                .incomplete,
                "parcel \(parcel.waybillNumber) is not complete: " + missing.joined(separator: "; ")
            )
        }
        let contents = check.scanned.keys.sorted().map { skuID in
            PackedItem(sku: codes[skuID] ?? "#\(skuID)", quantity: check.scanned[skuID] ?? 0)
        }
        let packed = PackedParcel(
            waybill: parcel.waybillNumber,
            shipmentID: parcel.shipmentID,
            weightGrams: weightGrams,
            items: contents,
            packedAt: audit?.at ?? Clock.nowSeconds(),
            packedBy: audit?.actor.userID
        )
        let record = PackingRecord(
            shipmentID: parcel.shipmentID,
            waybillNumber: parcel.waybillNumber,
            weightGrams: weightGrams,
            contents: contents.map { "\($0.sku)x\($0.quantity)" }.joined(separator: ","),
            packedAt: packed.packedAt,
            packedBy: packed.packedBy
        )
        guard try records.insert(record, companyID: companyID) else {
            throw PackingError(.alreadyPacked, "parcel \(parcel.waybillNumber) was packed already by another clerk")
        }
        let object = AuditObject(type: "shipment", id: String(parcel.shipmentID))
        try audit?.record("fulfilment.pack", object: object, after: packed, in: connection)
        return packed
    }
}
