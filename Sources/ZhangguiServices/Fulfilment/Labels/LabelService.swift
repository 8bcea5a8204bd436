internal import Foundation
public import ZhangguiCore
public import ZhangguiStore

/// Printing labels (打印面单) and picking lists (拣货单) for waybilled parcels.
///
/// A first print makes a numbered print batch of every waybilled parcel whose label was never printed; printing a
/// batch or a waybill again is a reprint, recorded with who and when in the prints table and the audit log, and
/// never asks the courier for a new number. Labels come in pick order: by the first bin location and SKU of each
/// parcel, then waybill number. Receivers' details go into the PDF only, never into errors or logs.
public struct LabelService: Sendable {
    let database: any Database
    let renderer: any LabelRendering

    public init(database: any Database, renderer: any LabelRendering) {
        self.database = database
        self.renderer = renderer
    }

    /// The labels of a selection in pick order, without printing or recording anything.
    /// - Parameter size: a size for every label instead of each courier's own.
    /// - Throws: ``LabelError`` when the selection is empty or unknown, or a warehouse has no sender.
    public func labels(_ selection: LabelSelection, companyID: Int64, size: LabelSize? = nil) throws
        -> [ShippingLabel]
    {
        try database.read { connection in
            let ids = try shipmentIDs(selection, companyID: companyID, connection: connection)
            return try LabelAssembly(connection: connection, companyID: companyID, size: size).labels(ids)
        }
    }

    /// Prints a selection: renders the PDF, then in one transaction records the prints (a new batch for a first
    /// print, reprints otherwise, each reprint in the audit log) and hands the PDF to `deliver` before committing,
    /// so a label is recorded as printed exactly when its document was delivered. `labelDrawn` hears, while the PDF
    /// is drawn (before the transaction), how many of how many labels are drawn so far.
    /// - Throws: ``LabelError``; whatever the renderer or `deliver` throws, with nothing recorded.
    public func print(
        _ selection: LabelSelection,
        companyID: Int64,
        actor: AuditActor,
        size: LabelSize? = nil,
        labelDrawn: (_ done: Int, _ total: Int) -> Void = { _, _ in },
        deliver: ([UInt8]) throws -> Void
    ) throws -> PrintedLabels {
        let labels = try labels(selection, companyID: companyID, size: size)
        let pdf = try renderer.render(labels: labels) { labelDrawn($0, labels.count) }
        let waybills = labels.map(\.waybillNumber)
        let number = try database.write { connection -> Int64? in
            let number = try record(selection, waybills: waybills, companyID: companyID, actor: actor, in: connection)
            try deliver(pdf)
            return number
        }
        return PrintedLabels(batchNumber: number, isReprint: selection.isReprint, waybills: waybills, pdf: pdf)
    }

    /// The picking list of a selection: the open reservations of its parcels by warehouse, location and SKU.
    /// Parcels that have shipped have nothing left to pick and are left out.
    /// - Throws: ``LabelError``: `.nothingToPick` for ``LabelSelection/unprinted`` when every label is printed.
    public func pickList(_ selection: LabelSelection, companyID: Int64) throws -> PickList {
        try database.read { connection in
            let ids: [Int64]
            do {
                ids = try shipmentIDs(selection, companyID: companyID, connection: connection)
            } catch let error as LabelError where error.code == .nothingToPrint {
                throw LabelError(
                    code: .nothingToPick,
                    detail: "no waybilled parcel is waiting for its label; give a print batch's number"
                )
            }
            let picks = try LabelRecords(connection).picks(shipmentIDs: ids, companyID: companyID)
            return PickList(
                picks.map {
                    PickRequest(
                        warehouseCode: $0.warehouseCode,
                        location: $0.location,
                        skuCode: $0.skuCode,
                        skuName: $0.skuName,
                        quantity: $0.quantity,
                        orderNumber: $0.platformOrderID
                    )
                }
            )
        }
    }

    /// The picking list of a selection as a PDF, titled `title`.
    public func renderPickList(_ selection: LabelSelection, companyID: Int64, title: String) throws -> [UInt8] {
        try renderer.render(pickList: pickList(selection, companyID: companyID), title: title)
    }

    /// The shipments a selection names.
    private func shipmentIDs(_ selection: LabelSelection, companyID: Int64, connection: any DatabaseConnection)
        throws -> [Int64]
    {
        let records = LabelRecords(connection)
        switch selection {
        case .unprinted:
            let ids = try records.unprintedShipmentIDs(companyID: companyID)
            guard !ids.isEmpty else {
                throw LabelError(code: .nothingToPrint, detail: "every waybilled parcel has its label printed")
            }
            return ids
        case .batch(let number):
            guard let ids = try records.batchShipmentIDs(number: number, companyID: companyID) else {
                throw LabelError(code: .unknownBatch, detail: "there is no print batch \(number)")
            }
            guard !ids.isEmpty else {
                throw LabelError(
                    code: .nothingToPrint,
                    detail: "every label of print batch \(number) carries a cancelled waybill number; "
                        + "the parcels' labels with their new numbers are in later batches"
                )
            }
            return ids
        case .waybills(let numbers):
            let found = try records.shipments(waybills: numbers, companyID: companyID)
            if let missing = numbers.first(where: { found[$0] == nil }) {
                throw LabelError(code: .unknownWaybill, detail: "no parcel has waybill number \(missing)")
            }
            if let unprinted = numbers.first(where: { found[$0]?.batch == nil }) {
                throw LabelError(
                    code: .notPrinted,
                    detail: "the label of \(unprinted) was never printed; print it with the other new labels"
                )
            }
            return Array(Set(numbers.compactMap { found[$0]?.id })).sorted()
        case .unprintedAmong(let numbers):
            let found = try records.shipments(waybills: numbers, companyID: companyID)
            if let missing = numbers.first(where: { found[$0] == nil }) {
                throw LabelError(code: .unknownWaybill, detail: "no parcel has waybill number \(missing)")
            }
            let ids = Set(numbers.compactMap { number in found[number].flatMap { $0.batch == nil ? $0.id : nil } })
            guard !ids.isEmpty else {
                throw LabelError(code: .nothingToPrint, detail: "the labels of these parcels were printed before")
            }
            return ids.sorted()
        }
    }

    /// Records the prints of `waybills` and returns the batch number, as ``PrintedLabels/batchNumber`` explains.
    private func record(
        _ selection: LabelSelection,
        waybills: [String],
        companyID: Int64,
        actor: AuditActor,
        in connection: any DatabaseConnection
    ) throws -> Int64? {
        let now = Clock.nowSeconds()
        let records = LabelRecords(connection)
        let shipments = try records.shipments(waybills: waybills, companyID: companyID)
        let prints = waybills.compactMap { number in
            shipments[number].map { LabelPrintRecord(shipmentID: $0.id, waybillNumber: number) }
        }
        guard selection.isReprint else {
            let batch = try records.createBatch(companyID: companyID, userID: actor.userID, at: now)
            do {
                try records.recordPrints(
                    prints,
                    batchID: batch.id,
                    isReprint: false,
                    userID: actor.userID,
                    at: now,
                    companyID: companyID
                )
            } catch let error as DatabaseError where error.kind == .uniqueViolation {
                throw LabelError(
                    code: .printedMeanwhile,
                    detail: "another run printed some of these labels first; nothing was recorded, run it again"
                )
            }
            try AuditLog.record(
                "labels.print",
                object: AuditObject(type: "printBatch", id: String(batch.number)),
                after: ["labels": prints.count] as [String: Int],
                by: actor,
                at: now,
                in: connection
            )
            return batch.number
        }
        var batchNumbers: Set<Int64> = []
        for print in prints {
            guard let number = shipments[print.waybillNumber]?.batch,
                let batchID = try records.batchID(number: number, companyID: companyID)
            else { continue }
            batchNumbers.insert(number)
            try records.recordPrints(
                [print],
                batchID: batchID,
                isReprint: true,
                userID: actor.userID,
                at: now,
                companyID: companyID
            )
            try AuditLog.record(
                "label.reprint",
                object: AuditObject(type: "waybill", id: print.waybillNumber),
                after: ["batch": number] as [String: Int64],
                by: actor,
                at: now,
                in: connection
            )
        }
        return batchNumbers.count == 1 ? batchNumbers.first : nil
    }
}
