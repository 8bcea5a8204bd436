extension DeskQueries {
    /// The order desk's sort orders; each is a key and the trade id, so a page ends at a definite place.
    public enum Sort: String, CaseIterable, Sendable {
        case newest = "-id"
        case oldest = "id"
        case paidHighest = "-paid"
        case paidLowest = "paid"

        var key: String { self == .newest || self == .oldest ? "t.id" : "t.paid_fen" }
        var isDescending: Bool { self == .newest || self == .paidHighest }
    }

    /// Where a page starts: after the row with this sort key and id.
    public struct Cursor: Sendable, Hashable {
        public let key: Int64
        public let id: Int64

        public init(key: Int64, id: Int64) {
            self.key = key
            self.id = id
        }

        /// `key.id`, as it travels in a link; nil when `text` is not two whole numbers.
        public init?(_ text: String) {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, let key = Int64(parts[0]), let id = Int64(parts[1]) else { return nil }
            self.init(key: key, id: id)
        }

        public var text: String { "\(key).\(id)" }
    }

    /// The order desk's filters; nil or false leaves a filter out.
    public struct OrderFilter: Sendable {
        public var state: String?
        public var shopCode: String?
        public var holdReason: String?
        /// Business days, `yyyy-MM-dd`, both ends included.
        public var fromDay: String?
        public var toDay: String?
        /// The last digits of the receiver's phone.
        public var phoneTail: String?
        /// A 商家编码 on a line, or the code of the SKU a line is mapped to.
        public var sku: String?
        public var waybill: String?
        public var isHighPriorityOnly = false
        /// The shops the reader may see; nil for every one.
        public var shopIDs: Set<Int64>?
        public var sort = Sort.newest
        public var cursor: Cursor?
        public var limit = 50

        public init() {}
    }

    /// One row of the order desk.
    public struct OrderRow: Sendable, Hashable {
        public let id: Int64
        public let shop: String
        public let platformOrderID: String
        public let splitSeq: Int64
        public let state: String
        public let businessDay: String
        public let receiverName: String
        public let paidFen: Int64
        public let isHighPriority: Bool
        public let waybill: String?
        /// The reasons of the open holds, each once (a trade short of stock on three lines holds three times for
        /// one reason), in the order first held.
        public var holdReasons: [String]

        /// The cursor of the page that follows this row.
        public func cursor(for sort: Sort) -> Cursor {
            Cursor(key: sort.key == "t.id" ? id : paidFen, id: id)
        }
    }

    /// One page of the company's trades matching `filter`: at most `filter.limit` rows, never more.
    public func orders(companyID: Int64, filter: OrderFilter) throws -> [OrderRow] {
        let (conditions, arguments) = Self.conditions(filter, companyID: companyID, dialect: connection.dialect)
        let direction = filter.sort.isDescending ? "DESC" : "ASC"
        // A waybill names one parcel: read it first (the index `shipments_by_waybill`), then its trades. SQLite keeps
        // the order of a CROSS JOIN, which otherwise it would reverse to walk the trades in id order.
        let parcel = filter.waybill == nil ? "" : "shipments w CROSS JOIN "
        var rows = try connection.query(
            """
            SELECT t.id, p.code, t.platform_order_id, t.split_seq, t.state, t.business_date, t.receiver_name,
                   t.paid_fen, t.is_high_priority, s.waybill_no
            FROM \(parcel)trades t JOIN shops p ON p.id = t.shop_id LEFT JOIN shipments s ON s.id = t.shipment_id
            WHERE t.company_id = ? AND \(conditions.joined(separator: " AND "))
            ORDER BY \(filter.sort.key) \(direction), t.id \(direction) LIMIT ?
            """,
            [companyID] + arguments + [filter.limit]
        ).map {
            OrderRow(
                id: $0.int(0),
                shop: $0.string(1),
                platformOrderID: $0.string(2),
                splitSeq: $0.int(3),
                state: $0.string(4),
                businessDay: $0.string(5),
                receiverName: $0.string(6),
                paidFen: $0.int(7),
                isHighPriority: $0.bool(8),
                waybill: $0.optionalString(9),
                holdReasons: []
            )
        }
        let reasons = try openHoldReasons(of: rows.map(\.id))
        for index in rows.indices { rows[index].holdReasons = reasons[rows[index].id] ?? [] }
        return rows
    }

    private func openHoldReasons(of tradeIDs: [Int64]) throws -> [Int64: [String]] {
        guard !tradeIDs.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: tradeIDs.count).joined(separator: ", ")
        var reasons: [Int64: [String]] = [:]
        try connection.forEach(
            "SELECT trade_id, reason FROM trade_holds WHERE released_at IS NULL AND trade_id IN (\(marks)) ORDER BY id",
            tradeIDs
        ) { row in
            let reason = row.string(1)
            if reasons[row.int(0)]?.contains(reason) != true { reasons[row.int(0), default: []].append(reason) }
        }
        return reasons
    }

    /// The SQL conditions of a filter: fixed fragments with `?` placeholders; values only ever go in as arguments.
    /// A phone tail is looked up by its last three characters, the key of the index `trades_by_phone_tail`
    /// (migration 15), then checked whole.
    private static func conditions(_ filter: OrderFilter, companyID: Int64, dialect: SQLDialect)
        -> ([String], [any SQLBindable])
    {
        var conditions: [String] = []
        var arguments: [any SQLBindable] = []
        func add(_ sql: String, _ values: any SQLBindable...) {
            conditions.append(sql)
            arguments += values
        }
        let scope = scope("t.shop_id", filter.shopIDs)
        add(scope.sql)
        arguments += scope.arguments
        if let state = filter.state { add("t.state = ?", state) }
        if let shop = filter.shopCode { add("p.code = ?", shop) }
        if let reason = filter.holdReason {
            add(
                "EXISTS (SELECT 1 FROM trade_holds h WHERE h.trade_id = t.id AND h.released_at IS NULL "
                    + "AND h.reason = ?)",
                reason
            )
        }
        if let day = filter.fromDay { add("t.business_date >= ?", day) }
        if let day = filter.toDay { add("t.business_date <= ?", day) }
        if let tail = filter.phoneTail {
            add("\(Schema.phoneTailKey(dialect)) = ?", String(tail.suffix(3)))
            add("t.receiver_phone LIKE ? ESCAPE '!'", "%" + likeEscaped(tail))
        }
        if let sku = filter.sku {
            add(
                "EXISTS (SELECT 1 FROM trade_lines l LEFT JOIN skus k ON k.id = l.sku_id WHERE l.trade_id = t.id "
                    + "AND (l.merchant_code = ? OR k.code = ?))",
                sku,
                sku
            )
        }
        if let waybill = filter.waybill {
            add("w.company_id = ? AND w.waybill_no = ? AND t.shipment_id = w.id", companyID, waybill)
        }
        if filter.isHighPriorityOnly { add("t.is_high_priority = 1") }
        if let cursor = filter.cursor {
            let test = filter.sort.isDescending ? "<" : ">"
            let key = filter.sort.key
            // A row value, so both engines read the index from the cursor on instead of testing every row.
            if key == "t.id" {
                add("t.id \(test) ?", cursor.id)
            } else {
                add("(\(key), t.id) \(test) (?, ?)", cursor.key, cursor.id)
            }
        }
        return (conditions, arguments)
    }

    /// `text` with LIKE's wildcards and the escape character itself escaped by `!`.
    private static func likeEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "!" { escaped.append("!") }
            escaped.append(character)
        }
        return escaped
    }
}
