import ZhangguiCore
import ZhangguiStore

/// What the audit log keeps of an order around a split, merge or unmerge: its state, parcel, money and lines.
/// Receivers' details are left out.
struct OrderSnapshot: Encodable, Equatable {
    struct Line: Encodable, Equatable {
        let lineNo: Int64
        let quantity: Int64
        let discountFen: Int64
        let netFen: Int64
    }

    let id: Int64
    let splitSeq: Int64
    let state: String
    let shipmentID: Int64?
    let discountFen: Int64
    let freightFen: Int64
    let paidFen: Int64
    let lines: [Line]

    init(_ trade: StoredTrade) {
        id = trade.id
        splitSeq = trade.splitSeq
        state = trade.state.rawValue
        shipmentID = trade.shipmentID
        discountFen = trade.discount.fen
        freightFen = trade.freight.fen
        paidFen = trade.paid.fen
        lines = trade.lines.map {
            Line(lineNo: $0.lineNo, quantity: $0.quantity, discountFen: $0.discount.fen, netFen: $0.net.fen)
        }
    }
}

/// An order and the part split from it, for the audit entry's `after`.
struct SplitSnapshot: Encodable {
    let order: OrderSnapshot
    let part: OrderSnapshot
}

/// Which parcel an order is in, for merge and unmerge entries.
struct ParcelSnapshot: Encodable {
    let state: String
    let shipmentID: Int64?
}
