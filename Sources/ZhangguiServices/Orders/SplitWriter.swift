import ZhangguiCore
import ZhangguiStore

/// Writes a planned split in the caller's transaction: the new part, the order's smaller lines and money, the
/// reservations that follow the moved units, and a parcel of its own for the part of an allocated order.
struct SplitWriter {
    let connection: any DatabaseConnection
    let context: CompanyContext
    let trade: StoredTrade
    let plan: OrderSplit

    /// Returns the new part's id and its lines' ids, in the order of `plan.moved`.
    // Known limitation: a held order keeps its holds, whose details may quote quantities from before the split.
    // Safe: it stays held, and releasing it runs review again on the lines it has now.
    func write() throws -> (tradeID: Int64, lineIDs: [Int64]) {
        let records = TradeRecords(connection, currency: context.currency)
        let part = TradeRecords.SplitPart(
            lines: plan.moved.map { (line: trade.lines[$0.lineIndex], money: $0.money) },
            discount: plan.movedOrderDiscount,
            freight: plan.movedFreight,
            state: trade.state.holdsReservation ? .approved : .pendingReview
        )
        let written = try records.splitOff(parent: trade, part: part, companyID: context.id)
        if trade.state.holdsReservation { try moveReservations(to: written) }
        try shrinkOrder(records)
        try records.keepOrderMoney(tradeID: trade.id, discount: plan.keptOrderDiscount, freight: plan.keptFreight)
        if trade.state == .allocated { try allocateApart(written.tradeID) }
        return written
    }

    /// Lines moved whole leave the order; lines moved in part keep the units and money that stay.
    private func shrinkOrder(_ records: TradeRecords) throws {
        let kept = Dictionary(uniqueKeysWithValues: plan.kept.map { ($0.lineIndex, $0.money) })
        for (index, line) in trade.lines.enumerated() {
            if let money = kept[index] {
                if money != line.money { try records.shrinkLine(lineID: line.id, to: money) }
            } else {
                try records.removeLine(lineID: line.id)
            }
        }
    }

    /// Each reservation of a moved line backs the moved units in the same proportion as the line's units: a
    /// whole line's reservations change hands, a partial line's are cut and the cut reserved for the part. The
    /// stock ledger records each hand-over as a release for the order and a reservation for the part, so the
    /// balances do not move.
    private func moveReservations(to part: (tradeID: Int64, lineIDs: [Int64])) throws {
        let fulfilment = FulfilmentRecords(connection)
        let reservations = try fulfilment.reservations(tradeID: trade.id)
        for (entry, partLineID) in zip(plan.moved, part.lineIDs) {
            let line = trade.lines[entry.lineIndex]
            let units = entry.money.quantity
            for reservation in reservations where reservation.lineID == line.id {
                guard reservation.quantity % line.quantity == 0 else {
                    throw OrderChangeError(
                        .wrongState,
                        "order \(trade.id): the stock reserved for line \(line.lineNo) does not match its units; "
                            + "run zhanggui check"
                    )
                }
                let quantity = reservation.quantity / line.quantity * units
                if units == line.quantity {
                    try fulfilment.transfer(reservationID: reservation.id, toTrade: part.tradeID, line: partLineID)
                } else {
                    try fulfilment.reduce(reservationID: reservation.id, to: reservation.quantity - quantity)
                    try fulfilment.reserve(
                        tradeID: part.tradeID,
                        lineID: partLineID,
                        warehouseID: reservation.warehouseID,
                        skuID: reservation.skuID,
                        quantity: quantity,
                        companyID: context.id
                    )
                }
                try handOver(quantity, of: reservation, to: part.tradeID)
            }
        }
    }

    private func handOver(_ quantity: Int64, of reservation: Reservation, to partID: Int64) throws {
        let book = StockBook(connection, currency: context.currency)
        let changes: [(StockChange, StockReason, Int64)] = [
            (.release(quantity), .release, trade.id), (.reserve(quantity), .reservation, partID),
        ]
        for (change, reason, tradeID) in changes {
            try book.post(
                StockPosting(
                    companyID: context.id,
                    warehouseID: reservation.warehouseID,
                    skuID: reservation.skuID,
                    change: change,
                    reason: reason,
                    document: "trade:\(tradeID)"
                )
            )
        }
    }

    /// The part of an allocated order gets a parcel of its own in the order's warehouse.
    private func allocateApart(_ partID: Int64) throws {
        let fulfilment = FulfilmentRecords(connection)
        guard let warehouseID = try fulfilment.reservations(tradeID: partID).first?.warehouseID else { return }
        let shipmentID = try fulfilment.newShipment(
            mergeKey: AllocationService.mergeKey(trade),
            warehouseID: warehouseID,
            companyID: context.id
        )
        try fulfilment.allocate(tradeID: partID, shipmentID: shipmentID)
    }
}
