public import ZhangguiCore

/// A trade as stored, with its database ids.
public struct StoredTrade: Sendable, Hashable {
    public let id: Int64
    public let shopID: Int64
    public let platformOrderID: String
    public let splitSeq: Int64
    public var state: TradeState
    public let receiver: Receiver
    public let divisionCode: String?
    public let businessDate: String
    public let buyerNote: String
    public let sellerMemo: String
    public let hasRefundInProgress: Bool
    /// The order-level discount (优惠) this trade carries: the sum of its lines' shares.
    public let discount: Money
    public let freight: Money
    public let paid: Money
    /// Hold reasons a clerk has already looked at and released; review does not raise them again.
    public let acknowledgedHolds: Set<HoldReason>
    /// The shipment the trade is in, once allocated.
    public let shipmentID: Int64?
    /// When the buyer paid, in UTC seconds; nil for an unpaid order.
    public let paidAt: Int64?
    public var lines: [StoredLine]
}

/// A trade line as stored.
public struct StoredLine: Sendable, Hashable {
    public let id: Int64
    public let lineNo: Int64
    public let merchantCode: String
    public let name: String
    public let quantity: Int64
    public let unitPrice: Money
    /// The line-level discount.
    public let discount: Money
    /// What the line sold for after line and order discounts, VAT included.
    public let net: Money
    public let skuID: Int64?

    /// The line's units and money, as a split divides them.
    public var money: LineMoney {
        LineMoney(quantity: quantity, unitPrice: unitPrice, discount: discount, net: net)
    }
}

/// Where a trade is recorded: a platform order id within a shop.
public struct TradeOrigin: Sendable {
    public let companyID: Int64
    public let shopID: Int64
    public let businessDate: String
    public let source: String

    public init(companyID: Int64, shopID: Int64, businessDate: String, source: String) {
        self.companyID = companyID
        self.shopID = shopID
        self.businessDate = businessDate
        self.source = source
    }
}

/// Queries about trades and their lines.
public struct TradeRecords {
    let connection: any DatabaseConnection
    let currency: Currency

    public init(_ connection: any DatabaseConnection, currency: Currency) {
        self.connection = connection
        self.currency = currency
    }

    /// Stores a new trade in `state`; returns its id, or nil when the shop already has this platform order id.
    /// - Parameter skuIDs: the SKU each line maps to as far as known now (review maps again), or empty.
    public func insert(_ trade: Trade, origin: TradeOrigin, state: TradeState, skuIDs: [Int64?] = []) throws
        -> Int64?
    {
        let now = Clock.nowSeconds()
        let receiver = trade.receiver
        guard
            let id = try connection.query(
                """
                INSERT INTO trades (company_id, shop_id, platform_order_id, split_seq, state, ordered_at, paid_at,
                    business_date, receiver_name, receiver_phone, province, city, district, address, buyer_note,
                    seller_memo, refund_in_progress, goods_fen, discount_fen, freight_fen, paid_fen, source,
                    created_at, updated_at)
                VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (company_id, shop_id, platform_order_id, split_seq) DO NOTHING RETURNING id
                """,
                [
                    origin.companyID as any SQLBindable, origin.shopID, trade.platformOrderID, state.rawValue,
                    trade.orderedAt,
                    trade.paidAt, origin.businessDate, receiver.name, receiver.phone, receiver.province,
                    receiver.city, receiver.district, receiver.address, trade.buyerNote, trade.sellerMemo,
                    trade.hasRefundInProgress, trade.goodsAmount.fen, trade.discount.fen, trade.freight.fen,
                    trade.paidAmount.fen, origin.source, now, now,
                ] as [any SQLBindable]
            ).first?.int(0)
        else { return nil }
        for (offset, (line, net)) in zip(trade.lines, trade.lineNetAmounts).enumerated() {
            try insertLine(
                tradeID: id,
                companyID: origin.companyID,
                lineNo: Int64(offset + 1),
                line: line,
                net: net,
                skuID: offset < skuIDs.count ? skuIDs[offset] : nil
            )
        }
        return id
    }

    func insertLine(tradeID: Int64, companyID: Int64, lineNo: Int64, line: TradeLine, net: Money, skuID: Int64?) throws
    {
        try connection.execute(
            """
            INSERT INTO trade_lines (company_id, trade_id, line_no, merchant_code, name, quantity, unit_price_fen,
                                     discount_fen, net_fen, sku_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            companyID,
            tradeID,
            lineNo,
            line.merchantCode,
            line.name,
            line.quantity,
            line.unitPrice.fen,
            line.discount.fen,
            net.fen,
            skuID
        )
    }

    private static let tradeColumns = """
        id, shop_id, platform_order_id, split_seq, state, receiver_name, receiver_phone, province, city, district,
        address, division_code, business_date, buyer_note, seller_memo, refund_in_progress, freight_fen, paid_fen,
        acknowledged_holds, shipment_id, paid_at, discount_fen
        """

    /// Up to `limit` trades of the company in `state` with ids above `afterID`, lines included, in id order.
    public func batch(companyID: Int64, state: TradeState, afterID: Int64, limit: Int) throws -> [StoredTrade] {
        let trades = try connection.query(
            """
            SELECT \(Self.tradeColumns) FROM trades
            WHERE company_id = ? AND state = ? AND id > ? ORDER BY id LIMIT ?
            """,
            companyID,
            state.rawValue,
            afterID,
            limit
        ).map(trade(from:))
        guard let first = trades.first, let last = trades.last else { return [] }
        let lines = try linesByTrade(
            where: "company_id = ? AND trade_id BETWEEN ? AND ?",
            [companyID, first.id, last.id]
        )
        return trades.map { trade in
            var loaded = trade
            loaded.lines = lines[trade.id] ?? []
            return loaded
        }
    }

    /// The trades in `state` whose shipment ids fall in `shipments`, lines included, ordered by shipment and id.
    public func trades(companyID: Int64, state: TradeState, shipments: ClosedRange<Int64>) throws -> [StoredTrade] {
        let condition = "company_id = ? AND state = ? AND shipment_id BETWEEN ? AND ?"
        let arguments: [any SQLBindable] = [companyID, state.rawValue, shipments.lowerBound, shipments.upperBound]
        let trades = try connection.query(
            "SELECT \(Self.tradeColumns) FROM trades WHERE \(condition) ORDER BY shipment_id, id",
            arguments
        ).map(trade(from:))
        let lines = try linesByTrade(where: "trade_id IN (SELECT id FROM trades WHERE \(condition))", arguments)
        return trades.map { trade in
            var loaded = trade
            loaded.lines = lines[trade.id] ?? []
            return loaded
        }
    }

    /// The trade with `id` in the company, lines included, or nil.
    public func trade(id: Int64, companyID: Int64) throws -> StoredTrade? {
        guard
            var trade = try connection.queryOne(
                "SELECT \(Self.tradeColumns) FROM trades WHERE id = ? AND company_id = ?",
                id,
                companyID
            ).map(trade(from:))
        else { return nil }
        trade.lines = try linesByTrade(where: "trade_id = ?", [id])[id] ?? []
        return trade
    }

    /// Every trade with this platform order id in the company, with its shop's code and split part number, ordered
    /// by shop and part: one order id may exist in several shops.
    public func find(platformOrderID: String, companyID: Int64) throws -> [(
        id: Int64, shopCode: String, splitSeq: Int64
    )] {
        try connection.query(
            """
            SELECT t.id, s.code, t.split_seq FROM trades t JOIN shops s ON s.id = t.shop_id
            WHERE t.company_id = ? AND t.platform_order_id = ? ORDER BY s.code, t.split_seq
            """,
            companyID,
            platformOrderID
        ).map { ($0.int(0), $0.string(1), $0.int(2)) }
    }

    /// The ids of the trades of a shop's platform order (all split parts), or empty.
    public func ids(platformOrderID: String, companyID: Int64) throws -> [Int64] {
        try connection.query(
            "SELECT id FROM trades WHERE company_id = ? AND platform_order_id = ? ORDER BY split_seq",
            companyID,
            platformOrderID
        ).map { $0.int(0) }
    }

    private func linesByTrade(where condition: String, _ arguments: [any SQLBindable]) throws -> [Int64: [StoredLine]] {
        var lines: [Int64: [StoredLine]] = [:]
        try connection.forEach(
            """
            SELECT trade_id, id, line_no, merchant_code, name, quantity, unit_price_fen, net_fen, sku_id, discount_fen
            FROM trade_lines WHERE \(condition) ORDER BY trade_id, line_no
            """,
            arguments
        ) { row in
            lines[row.int(0), default: []].append(
                StoredLine(
                    id: row.int(1),
                    lineNo: row.int(2),
                    merchantCode: row.string(3),
                    name: row.string(4),
                    quantity: row.int(5),
                    unitPrice: Money(fen: row.int(6), currency: currency),
                    discount: Money(fen: row.int(9), currency: currency),
                    net: Money(fen: row.int(7), currency: currency),
                    skuID: row.optionalInt(8)
                )
            )
        }
        return lines
    }

    private func trade(from row: Row) -> StoredTrade {
        StoredTrade(
            id: row.int(0),
            shopID: row.int(1),
            platformOrderID: row.string(2),
            splitSeq: row.int(3),
            state: TradeState(rawValue: row.string(4)) ?? .pendingReview,
            receiver: Receiver(
                name: row.string(5),
                phone: row.string(6),
                province: row.string(7),
                city: row.string(8),
                district: row.string(9),
                address: row.string(10)
            ),
            divisionCode: row.optionalString(11),
            businessDate: row.string(12),
            buyerNote: row.string(13),
            sellerMemo: row.string(14),
            hasRefundInProgress: row.bool(15),
            discount: Money(fen: row.int(21), currency: currency),
            freight: Money(fen: row.int(16), currency: currency),
            paid: Money(fen: row.int(17), currency: currency),
            acknowledgedHolds: Set(
                row.string(18).split(separator: ",").compactMap { HoldReason(rawValue: String($0)) }
            ),
            shipmentID: row.optionalInt(19),
            paidAt: row.optionalInt(20),
            lines: []
        )
    }

    /// Applies `action` to a trade that is in `expected`, moving it to the state the workflow names.
    /// - Throws: ``TradeTransitionError`` when the workflow does not allow the action from `expected`, or when the
    ///   trade is no longer in `expected` (another clerk moved it first).
    public func move(tradeID: Int64, by action: TradeAction, from expected: TradeState) throws {
        let next = try TradeWorkflow.state(after: action, from: expected)
        let changed = try connection.execute(
            "UPDATE trades SET state = ?, updated_at = ? WHERE id = ? AND state = ?",
            next.rawValue,
            Clock.nowSeconds(),
            tradeID,
            expected.rawValue
        )
        guard changed == 1 else {
            let current = try connection.queryOne("SELECT state FROM trades WHERE id = ?", tradeID)
            throw TradeTransitionError(
                action: action,
                state: TradeState(rawValue: current?.string(0) ?? "") ?? expected
            )
        }
    }

    /// Records what review resolved — each line's SKU, the division code, the high-priority tag — and moves the
    /// trade from `expected` to `next` in the same statement.
    /// - Throws: ``TradeTransitionError`` when the trade is no longer in `expected`.
    public func recordReview(
        tradeID: Int64,
        lineSKUs: [(lineID: Int64, skuID: Int64?)],
        divisionCode: String?,
        isHighPriority: Bool,
        moving expected: TradeState,
        to next: TradeState
    ) throws {
        try setSKUs(lineSKUs)
        let changed = try connection.execute(
            """
            UPDATE trades SET division_code = ?, is_high_priority = ?, state = ?, updated_at = ?
            WHERE id = ? AND state = ?
            """,
            divisionCode,
            isHighPriority,
            next.rawValue,
            Clock.nowSeconds(),
            tradeID,
            expected.rawValue
        )
        guard changed == 1 else { throw TradeTransitionError(action: .approve, state: expected) }
    }

    /// Maps lines to SKUs: one statement per line on SQLite, one for all of them on PostgreSQL, where each
    /// statement is a round trip to the server.
    private func setSKUs(_ lineSKUs: [(lineID: Int64, skuID: Int64?)]) throws {
        guard connection.dialect == .postgres, lineSKUs.count > 1 else {
            for line in lineSKUs {
                try connection.execute("UPDATE trade_lines SET sku_id = ? WHERE id = ?", line.skuID, line.lineID)
            }
            return
        }
        try connection.execute(
            """
            UPDATE trade_lines AS l SET sku_id = u.sku_id
            FROM unnest(CAST(? AS BIGINT[]), CAST(? AS BIGINT[])) AS u(id, sku_id) WHERE l.id = u.id
            """,
            PostgresArray.literal(lineSKUs.map(\.lineID)),
            PostgresArray.literal(lineSKUs.map(\.skuID))
        )
    }

    /// Adds `reasons` to the reasons a clerk has acknowledged for the trade.
    public func acknowledge(_ reasons: Set<HoldReason>, tradeID: Int64) throws {
        let text = reasons.map(\.rawValue).sorted().joined(separator: ",")
        try connection.execute("UPDATE trades SET acknowledged_holds = ? WHERE id = ?", text, tradeID)
    }
}

extension StoredLine {
    /// The same line mapped to `skuID`.
    public func with(skuID: Int64?) -> StoredLine {
        StoredLine(
            id: id,
            lineNo: lineNo,
            merchantCode: merchantCode,
            name: name,
            quantity: quantity,
            unitPrice: unitPrice,
            discount: discount,
            net: net,
            skuID: skuID
        )
    }
}
