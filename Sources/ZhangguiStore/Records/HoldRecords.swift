public import ZhangguiCore

/// Queries about the reasons trades are held.
public struct HoldRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Records `holds` on a trade.
    public func add(_ holds: [Hold], tradeID: Int64, companyID: Int64) throws {
        let now = Clock.nowSeconds()
        for hold in holds {
            try connection.execute(
                """
                INSERT INTO trade_holds (company_id, trade_id, reason, check_name, detail, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                companyID,
                tradeID,
                hold.reason.rawValue,
                hold.check,
                hold.detail,
                now
            )
        }
    }

    /// The holds on a trade that have not been released.
    public func open(tradeID: Int64) throws -> [Hold] {
        try connection.query(
            "SELECT reason, check_name, detail FROM trade_holds WHERE trade_id = ? AND released_at IS NULL ORDER BY id",
            tradeID
        ).map { row in
            Hold(reason: HoldReason(rawValue: row.string(0)) ?? .manual, check: row.string(1), detail: row.string(2))
        }
    }

    /// Marks every open hold of a trade released.
    public func releaseAll(tradeID: Int64) throws {
        try connection.execute(
            "UPDATE trade_holds SET released_at = ? WHERE trade_id = ? AND released_at IS NULL",
            Clock.nowSeconds(),
            tradeID
        )
    }

    /// How many trades of the company are on hold for each reason.
    public func countsByReason(companyID: Int64) throws -> [(reason: HoldReason, trades: Int64)] {
        try connection.query(
            """
            SELECT h.reason, COUNT(DISTINCT h.trade_id) FROM trade_holds h JOIN trades t ON t.id = h.trade_id
            WHERE h.company_id = ? AND h.released_at IS NULL AND t.state = 'onHold'
            GROUP BY h.reason ORDER BY COUNT(DISTINCT h.trade_id) DESC, h.reason
            """,
            companyID
        ).compactMap { row in HoldReason(rawValue: row.string(0)).map { ($0, row.int(1)) } }
    }

    /// The company's orders on hold, each with the time it entered that state: its last state change, since a
    /// trade's `updated_at` changes only with its state.
    public func heldTrades(companyID: Int64) throws -> [(tradeID: Int64, heldSince: Int64)] {
        try connection.query(
            "SELECT id, updated_at FROM trades WHERE company_id = ? AND state = 'onHold' ORDER BY id",
            companyID
        ).map { ($0.int(0), $0.int(1)) }
    }
}
