import ZhangguiCore
import ZhangguiStore

/// Gives back the stock reserved for a trade (held or cancelled before shipping) and takes it out of its shipment.
struct ReservationRelease {
    let connection: any DatabaseConnection
    let context: CompanyContext

    func release(tradeID: Int64) throws {
        let fulfilment = FulfilmentRecords(connection)
        let book = StockBook(connection, currency: context.currency)
        for reservation in try fulfilment.reservations(tradeID: tradeID) {
            try book.post(
                StockPosting(
                    companyID: context.id,
                    warehouseID: reservation.warehouseID,
                    skuID: reservation.skuID,
                    change: .release(reservation.quantity),
                    reason: .release,
                    document: "trade:\(tradeID)"
                )
            )
        }
        try fulfilment.clearReservations(tradeID: tradeID)
        try fulfilment.detach(tradeID: tradeID)
    }
}
