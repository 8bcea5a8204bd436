import Foundation
import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

/// The moving-average example of specs/finance-cn.md §6, with the purchases as receipts and the sales as issues.
@Suite("Receipts and issues move stock and cost through the ledger, with balanced vouchers")
struct StockNoteTests {
    static let now: Int64 = 1_796_000_000

    static func shop(_ engine: Engine) throws -> TestShop {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A", "B")
        try shop.stock("A", 100, at: 1000)
        return shop
    }

    static func receipt(_ lines: [(String, Int64, Int64)], reason: StockNoteReason = .purchase) -> StockNoteDraft {
        StockNoteDraft(
            kind: .receipt,
            reason: reason,
            lines: lines.map {
                StockNoteLineDraft(warehouseCode: "MAIN", skuCode: $0.0, quantity: $0.1, unitCost: Money(fen: $0.2))
            }
        )
    }

    static func issue(_ lines: [(String, Int64)], reason: StockNoteReason = .damaged, in warehouse: String = "MAIN")
        -> StockNoteDraft
    {
        StockNoteDraft(
            kind: .issue,
            reason: reason,
            lines: lines.map { StockNoteLineDraft(warehouseCode: warehouse, skuCode: $0.0, quantity: $0.1) }
        )
    }

    @Test(
        "100 @ 10.00, receive 200 @ 10.95, issue 150, receive 100 @ 12.30, issue 180: 70 left worth 791.00",
        arguments: Engine.all
    )
    func movingAverage(engine: Engine) throws {
        let shop = try Self.shop(engine)
        let service = StockNoteService(database: shop.database)
        let id = shop.companyID

        let first = try service.post(Self.receipt([("A", 200, 1095)]), companyID: id, now: Self.now)
        let damaged = try service.post(Self.issue([("A", 150)]), companyID: id, now: Self.now)
        let second = try service.post(Self.receipt([("A", 100, 1230)]), companyID: id, now: Self.now)
        let samples = try service.post(Self.issue([("A", 180)], reason: .sample), companyID: id, now: Self.now)

        #expect(
            [first.number, second.number, damaged.number, samples.number]
                == ["RK-000001", "RK-000002", "CK-000001", "CK-000002"]
        )
        #expect(first.total == Money(fen: 219_000))
        // 150 × 3,190.00 ÷ 300 = 1,595.00; then 180 × 2,825.00 ÷ 250 = 2,034.00.
        #expect(damaged.lines.map(\.value) == [Money(fen: 159_500)])
        #expect(samples.total == Money(fen: 203_400))
        #expect(try shop.level("A") == StockLevel(onHand: 70))
        let cost = try shop.database.read { try StockBook($0, currency: .cny).cost(skuID: damaged.lines[0].skuID) }
        #expect(cost == MovingAverageCost(quantity: 70, value: Money(fen: 79_100)))
        let balances = try shop.database.read { try VoucherRecords($0).balances(companyID: id) }
        #expect(balances["1405"] == 79_100)
        #expect(balances["2202"] == -342_000)
        #expect(balances["5711"] == 159_500)
        #expect(balances["5601"] == 203_400)
        #expect(balances["3001"] == -100_000)
        let report = try IntegrityCheck(database: shop.database).run(companyID: id)
        #expect(report.differences == [])
        #expect(report.vouchers == 5)
    }

    @Test(
        "each reason books against its own account, and a document's lines of one SKU share a voucher line",
        arguments: Engine.all
    )
    func accountsPerReason(engine: Engine) throws {
        let shop = try Self.shop(engine)
        let service = StockNoteService(database: shop.database)

        let use = try service.post(Self.issue([("A", 2), ("A", 3)], reason: .internalUse), companyID: 1, now: Self.now)
        let other = try service.post(Self.issue([("A", 1)], reason: .other), companyID: 1, now: Self.now)
        let found = try service.post(Self.receipt([("B", 4, 250)], reason: .other), companyID: 1, now: Self.now)

        #expect(use.voucher != nil)
        let lines = try shop.database.read { connection in
            try connection.query(
                """
                SELECT v.source, l.account_code, l.debit_fen, l.credit_fen FROM voucher_lines l
                JOIN vouchers v ON v.id = l.voucher_id WHERE v.source NOT LIKE 'opening:%' ORDER BY v.id, l.line_no
                """
            ).map { "\($0.string(0)) \($0.string(1)) \($0.int(2)) \($0.int(3))" }
        }
        #expect(
            lines == [
                "issue:\(use.number) 5602 5000 0", "issue:\(use.number) 1405 0 5000",
                "issue:\(other.number) 1901 1000 0", "issue:\(other.number) 1405 0 1000",
                "receipt:\(found.number) 1405 1000 0", "receipt:\(found.number) 1901 0 1000",
            ]
        )
        #expect(try IntegrityCheck(database: shop.database).run(companyID: 1).isClean)
    }

    @Test(
        "issuing more than is available names SKU, warehouse, wanted and available, and stores nothing",
        arguments: Engine.all
    )
    func shortageStoresNothing(engine: Engine) throws {
        let shop = try Self.shop(engine)
        try shop.ingest([makeTrade("T1", lines: [("A", 97, 1000)])])
        try shop.review.approve(tradeID: try shop.tradeID("T1"), companyID: shop.companyID)
        let service = StockNoteService(database: shop.database)
        let counts = {
            try shop.database.read { connection in
                try ["stock_ledger", "vouchers", "stock_notes", "stock_note_lines", "audit_log"].map {
                    try connection.queryOne("SELECT COUNT(*) FROM \($0)")?.int(0) ?? -1
                }
            }
        }
        let before = try counts()
        let actor = AuditActor(companyID: shop.companyID, userID: nil, requestID: "test")

        // Both lines take A from MAIN: 1 + 3 wanted against 100 on hand less 97 reserved.
        let shortage = StockNoteError.Shortage(sku: "A", warehouse: "MAIN", wanted: 4, available: 3)
        #expect(throws: StockNoteError.insufficient(shortage, line: 0)) {
            try service.post(Self.issue([("A", 1), ("A", 3)]), companyID: 1, actor: actor, now: Self.now)
        }

        #expect(try counts() == before)
        #expect(try shop.level("A") == StockLevel(onHand: 100, reserved: 97))
        let next = try service.post(Self.issue([("A", 3)]), companyID: 1, now: Self.now)
        #expect(next.number == "CK-000001")
        #expect(try shop.level("A").available == 0)
    }

    @Test(
        "20 concurrent single-unit issues from two processes against 10 available: exactly 10 posted",
        arguments: Engine.all
    )
    func concurrentIssues(engine: Engine) async throws {
        let shop = try Self.shop(engine)
        try StockNoteService(database: shop.database).post(Self.issue([("A", 90)]), companyID: 1, now: Self.now)
        let processes: [any Database] = [shop.database, try shop.database.location.open()]

        let posted = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<20 {
                group.addTask {
                    let service = StockNoteService(database: processes[index % 2])
                    return (try? service.post(Self.issue([("A", 1)]), companyID: 1, now: Self.now)) != nil
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }

        #expect(posted == 10)
        #expect(try shop.level("A") == StockLevel(onHand: 0))
        #expect(try IntegrityCheck(database: shop.database).run(companyID: 1).isClean)
    }

    @Test("an issue of a SKU never stocked in the warehouse is refused with 0 available", arguments: Engine.all)
    func nothingThere(engine: Engine) throws {
        let shop = try Self.shop(engine)
        let error = #expect(throws: StockNoteError.self) {
            try StockNoteService(database: shop.database).post(Self.issue([("B", 1)]), companyID: 1, now: Self.now)
        }
        #expect(error?.description == "not enough stock: SKU B in warehouse MAIN: 1 wanted, 0 available")
        #expect(error?.path == "lines[0].quantity")
    }

    @Test(
        "bad lines are refused naming line and field",
        arguments: [
            (issue([("A", 1)], in: "NOPE"), "lines[0].warehouse: no warehouse NOPE"),
            (issue([("A", 1), ("X", 1)]), "lines[1].sku: no SKU X in the catalogue"),
            (issue([("A", 0)]), "lines[0].quantity: must be from 1 to 10000000"),
            (issue([]), "lines: a document needs a line"),
            (issue([("A", 1)], reason: .purchase), "reason: a issue gives one of damaged, sample, internalUse, other"),
            (receipt([("A", 1, -1)]), "lines[0].unitCost: must be from 0.00 to 100000000.00 yuan"),
        ]
    )
    func badLines(draft: StockNoteDraft, message: String) throws {
        let shop = try Self.shop(.sqlite)
        let error = #expect(throws: StockNoteError.self) {
            try StockNoteService(database: shop.database).post(draft, companyID: 1, now: Self.now)
        }
        #expect(error?.description == message)
    }

    @Test("a receipt without unit cost and an issue with one are refused", arguments: Engine.all)
    func costOnTheRightKind(engine: Engine) throws {
        let shop = try Self.shop(engine)
        let service = StockNoteService(database: shop.database)
        var receipt = Self.receipt([("A", 1, 100)])
        receipt.lines[0].unitCost = nil
        var issue = Self.issue([("A", 1)])
        issue.lines[0].unitCost = Money(fen: 100)

        #expect(
            throws: StockNoteError(.missingUnitCost, line: 0, field: "unitCost", "a receipt states each unit's cost")
        ) {
            try service.post(receipt, companyID: 1, now: Self.now)
        }
        #expect(throws: StockNoteError.self) { try service.post(issue, companyID: 1, now: Self.now) }
    }

    @Test(
        "a warehouse outside the user's data scope is refused as unknown, and its documents are not listed",
        arguments: Engine.all
    )
    func dataScope(engine: Engine) throws {
        let shop = try Self.shop(engine)
        let other = try shop.addWarehouse("SH")
        let service = StockNoteService(database: shop.database)
        let onlySH = DataScope(shops: .all, warehouses: .only([other]))
        try service.post(Self.issue([("A", 1)]), companyID: 1, now: Self.now)

        #expect(throws: StockNoteError(.unknownWarehouse, line: 0, field: "warehouse", "no warehouse MAIN")) {
            try service.post(Self.issue([("A", 1)]), companyID: 1, scope: onlySH, now: Self.now)
        }
        #expect(try service.notes(.issue, companyID: 1, scope: onlySH, limit: 10).isEmpty)
        #expect(try service.notes(.issue, companyID: 1, limit: 10).map(\.number) == ["CK-000001"])
        #expect(throws: StockNoteError.self) {
            try service.note(.issue, number: "CK-000001", companyID: 1, scope: onlySH)
        }
    }

    @Test("the audit entry is written with the document, in the same transaction", arguments: Engine.all)
    func audited(engine: Engine) throws {
        let shop = try Self.shop(engine)
        let actor = AuditActor(companyID: shop.companyID, userID: nil, requestID: "req-1")
        try StockNoteService(database: shop.database).post(
            Self.receipt([("B", 2, 150)]),
            companyID: 1,
            actor: actor,
            now: Self.now
        )

        let entries = try shop.database.read {
            try AuditRecords($0).entries(objectType: "stockNote", objectID: "RK-000001", companyID: 1, limit: 10)
        }
        #expect(entries.map(\.entry.action) == ["stock.receive"])
        #expect(entries.first?.entry.requestID == "req-1")
        #expect(entries.first?.entry.afterJSON?.contains(#""totalFen":300"#) == true)
    }

    @Test("check names ledger entries of a stock document that does not exist", arguments: Engine.all)
    func checkFindsOrphans(engine: Engine) throws {
        let shop = try Self.shop(engine)
        try shop.database.write { connection in
            try connection.execute(
                """
                INSERT INTO stock_ledger (company_id, warehouse_id, sku_id, on_hand_delta, reserved_delta,
                    frozen_delta, value_delta_fen, reason, document, created_at)
                SELECT company_id, warehouse_id, sku_id, 0, 0, 0, 0, 'issue', 'issue:CK-000009', 0 FROM stock_balances
                """
            )
        }
        let report = try IntegrityCheck(database: shop.database).run(companyID: shop.companyID)
        #expect(report.differences == ["stock ledger entries for issue:CK-000009 have no stock document"])
    }
}
