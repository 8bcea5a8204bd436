public import ZhangguiCore

/// One trade line an after-sales case is about, and how many of its units.
public struct AfterSaleCaseLine: Sendable, Hashable, Codable {
    public let lineID: Int64
    public let quantity: Int64
    /// How the returned units came back, once received; nil before (and for kinds that take nothing back).
    public let condition: ReturnCondition?

    public init(lineID: Int64, quantity: Int64, condition: ReturnCondition? = nil) {
        self.lineID = lineID
        self.quantity = quantity
        self.condition = condition
    }
}

/// An after-sales case (售后单) as stored.
public struct AfterSaleCaseRecord: Sendable, Hashable {
    public let id: Int64
    public let tradeID: Int64
    public let kind: AfterSaleKind
    public let state: AfterSaleState
    /// The platform's request (`after_sales.id`) the case was opened from; nil for a case opened by hand.
    public let platformAfterSaleID: Int64?
    /// What goes back to the buyer, VAT included; zero for exchange and reship.
    public let refund: Money
    public let reason: String
    /// The order that sends the replacement out (exchange, reship), once made.
    public let replacementTradeID: Int64?
    public let createdAt: Int64
    public let updatedAt: Int64
    public let lines: [AfterSaleCaseLine]
}

/// A platform request that arrived after shipping and has no case yet.
public struct UnopenedAfterSale: Sendable, Hashable {
    public let id: Int64
    public let shopID: Int64
    public let platformOrderID: String
    public let kind: AfterSaleKind
    public let amount: Money
    public let reason: String
}

/// Queries about after-sales cases.
public struct AfterSaleCaseRecords {
    let connection: any DatabaseConnection
    let currency: Currency

    public init(_ connection: any DatabaseConnection, currency: Currency) {
        self.connection = connection
        self.currency = currency
    }

    /// Stores a new case in state `requested` with its lines; returns its id.
    public func insert(
        tradeID: Int64,
        kind: AfterSaleKind,
        lines: [AfterSaleCaseLine],
        refund: Money,
        reason: String,
        platformAfterSaleID: Int64?,
        companyID: Int64,
        at now: Int64
    ) throws -> Int64 {
        let id = try connection.query(
            """
            INSERT INTO after_sale_cases (company_id, trade_id, kind, state, platform_after_sale_id, refund_fen,
                reason, created_at, updated_at)
            VALUES (?, ?, ?, 'requested', ?, ?, ?, ?, ?) RETURNING id
            """,
            [companyID, tradeID, kind.rawValue, platformAfterSaleID, refund.fen, reason, now, now]
        )[0].int(0)
        for line in lines {
            try connection.execute(
                "INSERT INTO after_sale_case_lines (company_id, case_id, line_id, quantity) VALUES (?, ?, ?, ?)",
                companyID,
                id,
                line.lineID,
                line.quantity
            )
        }
        return id
    }

    /// One case of the company, or nil.
    public func find(_ id: Int64, companyID: Int64) throws -> AfterSaleCaseRecord? {
        try list(where: "company_id = ? AND id = ?", [companyID, id], limit: 1).first
    }

    /// The company's cases, newest first; in `state` only when given.
    public func list(companyID: Int64, state: AfterSaleState? = nil, limit: Int = 100) throws -> [AfterSaleCaseRecord] {
        if let state {
            return try list(where: "company_id = ? AND state = ?", [companyID, state.rawValue], limit: limit)
        }
        return try list(where: "company_id = ?", [companyID], limit: limit)
    }

    /// The cases of a trade, oldest first.
    public func cases(tradeID: Int64, companyID: Int64) throws -> [AfterSaleCaseRecord] {
        try list(where: "company_id = ? AND trade_id = ?", [companyID, tradeID], limit: 1000).reversed()
    }

    private func list(where condition: String, _ arguments: [any SQLBindable], limit: Int) throws
        -> [AfterSaleCaseRecord]
    {
        let rows = try connection.query(
            """
            SELECT id, trade_id, kind, state, platform_after_sale_id, refund_fen, reason, replacement_trade_id,
                   created_at, updated_at
            FROM after_sale_cases WHERE \(condition) ORDER BY id DESC LIMIT ?
            """,
            arguments + [limit]
        )
        return try rows.map { row in
            AfterSaleCaseRecord(
                id: row.int(0),
                tradeID: row.int(1),
                kind: AfterSaleKind(rawValue: row.string(2)) ?? .refundOnly,
                state: AfterSaleState(rawValue: row.string(3)) ?? .requested,
                platformAfterSaleID: row.optionalInt(4),
                refund: Money(fen: row.int(5), currency: currency),
                reason: row.string(6),
                replacementTradeID: row.optionalInt(7),
                createdAt: row.int(8),
                updatedAt: row.int(9),
                lines: try lines(caseID: row.int(0))
            )
        }
    }

    private func lines(caseID: Int64) throws -> [AfterSaleCaseLine] {
        try connection.query(
            "SELECT line_id, quantity, condition FROM after_sale_case_lines WHERE case_id = ? ORDER BY id",
            caseID
        ).map { row in
            AfterSaleCaseLine(
                lineID: row.int(0),
                quantity: row.int(1),
                condition: row.optionalString(2).flatMap(ReturnCondition.init(rawValue:))
            )
        }
    }

    /// Moves a case from `expected` to `next`; false when it was no longer in `expected` (someone else moved it).
    public func move(_ id: Int64, from expected: AfterSaleState, to next: AfterSaleState, at now: Int64) throws -> Bool
    {
        try connection.execute(
            "UPDATE after_sale_cases SET state = ?, updated_at = ? WHERE id = ? AND state = ?",
            next.rawValue,
            now,
            id,
            expected.rawValue
        ) == 1
    }

    /// Records how a case line's units came back.
    public func setCondition(_ condition: ReturnCondition, caseID: Int64, lineID: Int64) throws {
        try connection.execute(
            "UPDATE after_sale_case_lines SET condition = ? WHERE case_id = ? AND line_id = ?",
            condition.rawValue,
            caseID,
            lineID
        )
    }

    /// Links the order that sends the replacement out.
    public func setReplacement(tradeID: Int64, caseID: Int64) throws {
        try connection.execute("UPDATE after_sale_cases SET replacement_trade_id = ? WHERE id = ?", tradeID, caseID)
    }

    /// Units of each line of a trade already claimed by cases that were not refused or cancelled.
    public func claimedUnits(tradeID: Int64, companyID: Int64) throws -> [Int64: Int64] {
        var result: [Int64: Int64] = [:]
        try connection.forEach(
            """
            SELECT l.line_id, SUM(l.quantity) FROM after_sale_case_lines l
            JOIN after_sale_cases c ON c.id = l.case_id
            WHERE c.company_id = ? AND c.trade_id = ? AND c.state NOT IN ('refused', 'cancelled')
            GROUP BY l.line_id
            """,
            [companyID, tradeID]
        ) { result[$0.int(0)] = $0.int(1) }
        return result
    }

    /// Open cases not changed since before `before`, oldest first.
    public func idle(before: Int64, companyID: Int64) throws -> [AfterSaleCaseRecord] {
        let open = AfterSaleState.allCases.filter(\.isOpen).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try list(
            where: "company_id = ? AND updated_at < ? AND state IN (\(open))",
            [companyID, before],
            limit: 10_000
        ).reversed()
    }

    /// Platform requests that arrived after shipping and have no case yet, oldest first.
    public func unopenedPlatformRequests(companyID: Int64) throws -> [UnopenedAfterSale] {
        try connection.query(
            """
            SELECT a.id, a.shop_id, a.platform_order_id, a.kind, a.amount_fen, a.reason FROM after_sales a
            WHERE a.company_id = ? AND a.outcome = 'afterShipment'
                AND NOT EXISTS (SELECT 1 FROM after_sale_cases c WHERE c.platform_after_sale_id = a.id)
            ORDER BY a.id
            """,
            companyID
        ).map { row in
            UnopenedAfterSale(
                id: row.int(0),
                shopID: row.int(1),
                platformOrderID: row.string(2),
                kind: AfterSaleKind(rawValue: row.string(3)) ?? .refundOnly,
                amount: Money(fen: row.int(4), currency: currency),
                reason: row.string(5)
            )
        }
    }
}
