import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension ZhangguiAPI {
    /// One order with its receiver, lines, open holds, shipment and the parts of a split order.
    struct OrderDetail: Encodable {
        let id: Int64
        let shop: String
        let platformOrderID: String
        let splitSeq: Int64
        let state: String
        let orderedAt: Int64
        let paidAt: Int64?
        let paidFen: Int64
        /// The order-level discount this order carries (after a split, its share).
        let discountFen: Int64
        let freightFen: Int64
        let isHighPriority: Bool
        let receiver: ReceiverAnswer
        let divisionCode: String?
        let buyerNote: String
        let sellerMemo: String
        let lines: [Line]
        let holds: [HoldAnswer]
        let shipment: Shipment?
        let parts: [Part]
    }

    struct ReceiverAnswer: Encodable {
        let name: String
        let phone: String
        let province: String
        let city: String
        let district: String
        let address: String
    }

    struct Line: Encodable {
        let lineNo: Int64
        let merchantCode: String
        let name: String
        let quantity: Int64
        let unitPriceFen: Int64
        /// The line-level discount.
        let discountFen: Int64
        let netFen: Int64
        let skuID: Int64?
    }

    struct HoldAnswer: Encodable {
        let reason: String
        let check: String
        let detail: String
    }

    struct Shipment: Encodable {
        let id: Int64
        let courier: String?
        let waybill: String?
        let shippedAt: Int64?
    }

    struct Part: Encodable {
        let id: Int64
        let splitSeq: Int64
        let state: String
        let waybill: String?
    }

    /// `GET /api/v1/orders/{id}`.
    func order(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let id = try tradeID(request, principal)
        guard let detail = try orderDetail(id, principal) else { throw HTTPError.objectNotFound("order") }
        return try .json(detail)
    }

    /// Trade `id` of the principal's company in detail, nil when the company has none; the caller checks the scope
    /// first (``tradeID(_:_:)``). The order page shows the same.
    func orderDetail(_ id: Int64, _ principal: Principal) throws -> OrderDetail? {
        try database.read { connection -> OrderDetail? in
            guard let company = try CompanyRecords(connection).company(principal.companyID),
                let trade = try TradeRecords(connection, currency: company.currency).trade(
                    id: id,
                    companyID: principal.companyID
                ),
                let facts = try OrderQueries(connection).facts(tradeID: id, companyID: principal.companyID)
            else { return nil }
            let holds = try HoldRecords(connection).open(tradeID: id)
            let parts = try OrderQueries(connection).parts(ofTradeID: id, companyID: principal.companyID)
            return Self.detail(trade, facts: facts, holds: holds, parts: parts)
        }
    }

    private static func detail(
        _ trade: StoredTrade,
        facts: OrderQueries.TradeFacts,
        holds: [Hold],
        parts: [OrderQueries.Part]
    ) -> OrderDetail {
        let receiver = trade.receiver
        return OrderDetail(
            id: trade.id,
            shop: facts.shopCode,
            platformOrderID: trade.platformOrderID,
            splitSeq: trade.splitSeq,
            state: trade.state.rawValue,
            orderedAt: facts.orderedAt,
            paidAt: facts.paidAt,
            paidFen: trade.paid.fen,
            discountFen: trade.discount.fen,
            freightFen: trade.freight.fen,
            isHighPriority: facts.isHighPriority,
            receiver: ReceiverAnswer(
                name: receiver.name,
                phone: receiver.phone,
                province: receiver.province,
                city: receiver.city,
                district: receiver.district,
                address: receiver.address
            ),
            divisionCode: trade.divisionCode,
            buyerNote: trade.buyerNote,
            sellerMemo: trade.sellerMemo,
            lines: trade.lines.map {
                Line(
                    lineNo: $0.lineNo,
                    merchantCode: $0.merchantCode,
                    name: $0.name,
                    quantity: $0.quantity,
                    unitPriceFen: $0.unitPrice.fen,
                    discountFen: $0.discount.fen,
                    netFen: $0.net.fen,
                    skuID: $0.skuID
                )
            },
            holds: holds.map { HoldAnswer(reason: $0.reason.rawValue, check: $0.check, detail: $0.detail) },
            shipment: trade.shipmentID.map {
                Shipment(id: $0, courier: facts.courierCode, waybill: facts.waybill, shippedAt: facts.shippedAt)
            },
            parts: parts.map {
                Part(id: $0.tradeID, splitSeq: $0.splitSeq, state: $0.state.rawValue, waybill: $0.waybill)
            }
        )
    }
}
