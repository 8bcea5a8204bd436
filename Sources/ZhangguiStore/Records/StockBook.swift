public import ZhangguiCore

/// Why stock moved, as written in the ledger.
public enum StockReason: String, Sendable, CaseIterable {
    /// 期初: stock brought into the system.
    case opening
    /// 入库: goods received.
    case receipt
    /// 占用: reserved for an approved trade.
    case reservation
    /// 释放: a reservation withdrawn.
    case release
    /// 出库: shipped to a buyer.
    case shipment
    /// 其他出库: taken out by an issue document (出库单) — damaged, samples, internal use.
    case issue
    /// 退货入库: goods a buyer sent back, at the cost they left with (document `after-sale:<case id>`).
    case customerReturn = "return"
    case freeze
    case unfreeze
}

/// What a movement does to the SKU's moving-average cost.
public enum CostEffect: Sendable {
    /// The movement does not change on-hand quantity (reserve, release, freeze).
    case none
    /// Units come in worth `totalCost` altogether.
    case receive(totalCost: Money)
    /// Units leave at the current moving average.
    case issue
}

/// One change of one SKU's stock in one warehouse.
public struct StockPosting: Sendable {
    public var companyID: Int64
    public var warehouseID: Int64
    public var skuID: Int64
    public var change: StockChange
    public var cost: CostEffect
    public var reason: StockReason
    /// The business document behind the movement, such as `trade:123` or `opening:MAIN/A-001`.
    public var document: String

    public init(
        companyID: Int64,
        warehouseID: Int64,
        skuID: Int64,
        change: StockChange,
        cost: CostEffect = .none,
        reason: StockReason,
        document: String
    ) {
        self.companyID = companyID
        self.warehouseID = warehouseID
        self.skuID = skuID
        self.change = change
        self.cost = cost
        self.reason = reason
        self.document = document
    }
}

/// The stock book: the one place a stock balance changes.
///
/// ``post(_:)`` writes the ledger entry, the balance and the moving-average cost in the caller's transaction, so
/// the three never disagree; the schema refuses any balance below zero and any change to a ledger entry.
public struct StockBook {
    let connection: any DatabaseConnection
    let currency: Currency

    public init(_ connection: any DatabaseConnection, currency: Currency) {
        self.connection = connection
        self.currency = currency
    }

    /// Applies one movement and returns the value it moved: the cost received, the cost of goods issued, or zero.
    ///
    /// The balance is written first, so a refused movement writes nothing.
    /// - Throws: ``StockError`` when the balance would go below zero, or ``DatabaseError``.
    @discardableResult
    public func post(_ posting: StockPosting) throws -> Money {
        precondition(!posting.change.isEmpty, "a stock posting changes something")
        try updateBalance(posting)
        let value = try updateCost(posting)
        try appendLedger(posting, valueDelta: posting.change.onHand < 0 ? -value.fen : value.fen)
        return value
    }

    /// Takes many batches of goods out at moving-average cost (a shipping run) and returns each one's cost.
    ///
    /// The same as posting each in turn — balances, ledger entries and costs come out identical — but each SKU's
    /// cost state is read once before and written once after, instead of once per movement.
    /// - Throws: ``StockError`` when a balance would go below zero; the caller's transaction then rolls back.
    public func postIssues(_ postings: [StockPosting]) throws -> [Money] {
        guard let companyID = postings.first?.companyID else { return [] }
        var costs = try costs(companyID: companyID)
        var touched: Set<Int64> = []
        var values: [Money] = []
        values.reserveCapacity(postings.count)
        for posting in postings {
            precondition(posting.change.onHand < 0, "an issue takes stock out")
            try updateBalance(posting)
            var cost = costs[posting.skuID] ?? MovingAverageCost(value: .zero(currency))
            let value = try cost.issue(quantity: -posting.change.onHand)
            costs[posting.skuID] = cost
            touched.insert(posting.skuID)
            try appendLedger(posting, valueDelta: -value.fen)
            values.append(value)
        }
        for skuID in touched.sorted() {
            guard let cost = costs[skuID] else { continue }
            try connection.execute(
                "UPDATE sku_costs SET quantity = ?, value_fen = ? WHERE sku_id = ?",
                cost.quantity,
                cost.value.fen,
                skuID
            )
        }
        return values
    }

    private func appendLedger(_ posting: StockPosting, valueDelta: Int64) throws {
        try connection.execute(
            """
            INSERT INTO stock_ledger (company_id, warehouse_id, sku_id, on_hand_delta, reserved_delta, frozen_delta,
                                      value_delta_fen, reason, document, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            posting.companyID,
            posting.warehouseID,
            posting.skuID,
            posting.change.onHand,
            posting.change.reserved,
            posting.change.frozen,
            valueDelta,
            posting.reason.rawValue,
            posting.document,
            Clock.nowSeconds()
        )
    }

    /// The quantity an opening-stock entry brought into a warehouse, or nil when there was none.
    public func openingQuantity(companyID: Int64, warehouseID: Int64, skuID: Int64) throws -> Int64? {
        try connection.queryOne(
            """
            SELECT SUM(on_hand_delta) FROM stock_ledger
            WHERE company_id = ? AND sku_id = ? AND warehouse_id = ? AND reason = 'opening'
            """,
            companyID,
            skuID,
            warehouseID
        )?.optionalInt(0)
    }

    /// The level of one SKU in one warehouse (zero when it never had stock).
    public func level(warehouseID: Int64, skuID: Int64) throws -> StockLevel {
        guard
            let row = try connection.queryOne(
                "SELECT on_hand, reserved, frozen FROM stock_balances WHERE warehouse_id = ? AND sku_id = ?",
                warehouseID,
                skuID
            )
        else { return StockLevel() }
        return StockLevel(onHand: row.int(0), reserved: row.int(1), frozen: row.int(2))
    }

    /// Available units per warehouse id and SKU id, for every balance of the company with some available; of the
    /// SKUs `skuIDs` only, when given.
    public func available(companyID: Int64, skuIDs: Set<Int64>? = nil) throws -> [Int64: [Int64: Int64]] {
        var result: [Int64: [Int64: Int64]] = [:]
        var (condition, arguments) = Self.skuCondition(skuIDs)
        if skuIDs != nil {
            // The key is (warehouse, SKU): naming the company's warehouses lets a few SKUs be looked up by key
            // instead of reading every balance.
            condition += " AND warehouse_id IN (SELECT id FROM warehouses WHERE company_id = ?)"
            arguments.append(companyID)
        }
        try connection.forEach(
            """
            SELECT warehouse_id, sku_id, on_hand - reserved - frozen FROM stock_balances
            WHERE company_id = ? AND on_hand - reserved - frozen > 0\(condition)
            """,
            [companyID] + arguments
        ) { row in
            result[row.int(0), default: [:]][row.int(1)] = row.int(2)
        }
        return result
    }

    /// The moving-average cost state of a SKU over all warehouses.
    public func cost(skuID: Int64) throws -> MovingAverageCost {
        guard let row = try connection.queryOne("SELECT quantity, value_fen FROM sku_costs WHERE sku_id = ?", skuID)
        else { return MovingAverageCost(value: .zero(currency)) }
        return MovingAverageCost(quantity: row.int(0), value: Money(fen: row.int(1), currency: currency))
    }

    private func updateBalance(_ posting: StockPosting) throws {
        let change = posting.change
        do {
            // Recoverable: on a refusal the level is read again in the same transaction.
            try connection.recoverable {
                let updated = try connection.execute(
                    """
                    UPDATE stock_balances SET on_hand = on_hand + ?, reserved = reserved + ?, frozen = frozen + ?
                    WHERE warehouse_id = ? AND sku_id = ? AND company_id = ?
                    """,
                    change.onHand,
                    change.reserved,
                    change.frozen,
                    posting.warehouseID,
                    posting.skuID,
                    posting.companyID
                )
                if updated == 0 {
                    try connection.execute(
                        """
                        INSERT INTO stock_balances (company_id, warehouse_id, sku_id, on_hand, reserved, frozen)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                        posting.companyID,
                        posting.warehouseID,
                        posting.skuID,
                        change.onHand,
                        change.reserved,
                        change.frozen
                    )
                }
            }
        } catch let error as DatabaseError where error.kind == .checkViolation {
            let level = try level(warehouseID: posting.warehouseID, skuID: posting.skuID)
            let code: StockError.Code = level.available + change.available < 0 ? .insufficientAvailable : .belowZero
            throw StockError(code: code, requested: change, level: level)
        }
    }

    private func updateCost(_ posting: StockPosting) throws -> Money {
        var cost = try cost(skuID: posting.skuID)
        let value: Money
        switch posting.cost {
        case .none:
            precondition(posting.change.onHand == 0, "a change of on-hand stock needs a cost effect")
            return .zero(currency)
        case .receive(let totalCost):
            precondition(posting.change.onHand > 0, "a receipt adds stock")
            cost.receive(quantity: posting.change.onHand, totalCost: totalCost)
            value = totalCost
        case .issue:
            precondition(posting.change.onHand < 0, "an issue takes stock out")
            value = try cost.issue(quantity: -posting.change.onHand)
        }
        let updated = try connection.execute(
            "UPDATE sku_costs SET quantity = ?, value_fen = ? WHERE sku_id = ?",
            cost.quantity,
            cost.value.fen,
            posting.skuID
        )
        if updated == 0 {
            try connection.execute(
                "INSERT INTO sku_costs (company_id, sku_id, quantity, value_fen) VALUES (?, ?, ?, ?)",
                posting.companyID,
                posting.skuID,
                cost.quantity,
                cost.value.fen
            )
        }
        return value
    }
}

extension StockBook {
    /// The moving-average cost state of every SKU of the company that has one; of the SKUs `skuIDs` only, when given.
    public func costs(companyID: Int64, skuIDs: Set<Int64>? = nil) throws -> [Int64: MovingAverageCost] {
        var result: [Int64: MovingAverageCost] = [:]
        let (condition, arguments) = Self.skuCondition(skuIDs)
        try connection.forEach(
            "SELECT sku_id, quantity, value_fen FROM sku_costs WHERE company_id = ?\(condition)",
            [companyID] + arguments
        ) {
            result[$0.int(0)] = MovingAverageCost(quantity: $0.int(1), value: Money(fen: $0.int(2), currency: currency))
        }
        return result
    }

    /// `AND sku_id IN (…)` and its arguments for a set of SKU ids; nothing for nil (every SKU).
    private static func skuCondition(_ skuIDs: Set<Int64>?) -> (String, [any SQLBindable]) {
        guard let skuIDs else { return ("", []) }
        guard !skuIDs.isEmpty else { return (" AND 1 = 0", []) }
        return (
            " AND sku_id IN (\(CatalogRecords.placeholders(skuIDs.count)))",
            skuIDs.sorted().map { $0 as any SQLBindable }
        )
    }
}

extension StockBook {
    /// Records that the stock document `kind`/`reference` (such as an opening-stock line) has been posted.
    /// - Returns: false when it was posted before, so the caller posts nothing a second time.
    public func claimDocument(kind: String, reference: String, companyID: Int64) throws -> Bool {
        try connection.execute(
            """
            INSERT INTO stock_documents (company_id, kind, reference, created_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (company_id, kind, reference) DO NOTHING
            """,
            companyID,
            kind,
            reference,
            Clock.nowSeconds()
        ) == 1
    }
}
