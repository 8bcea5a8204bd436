import Foundation
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

/// A shop that has shipped order T1 — A ×1 at 50.00, B ×2 at 45.20, C ×1 at 11.30 (VAT 13 % included) — with
/// B's moving average at 21.00 when it left (10 @ 20.00 opening + 5 @ 23.00 received), then bought 10 more B at
/// 30.00, so a return of B that used today's average would come back at the wrong cost.
struct AfterSaleBed {
    let shop: TestShop
    let service: AfterSaleService
    let tradeID: Int64
    let audit: AuditContext

    init(_ engine: Engine) throws {
        shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A", "B", "C")
        try shop.stock("A", 10, at: 1000)
        try shop.stock("B", 10, at: 2000)
        try shop.stock("C", 10, at: 500)
        try Self.receive("B", 5, at: 2300, shop: shop)
        try shop.ingest([makeTrade("T1", lines: [("A", 1, 5000), ("B", 2, 4520), ("C", 1, 1130)])])
        _ = try shop.runMainJob()
        try Self.receive("B", 10, at: 3000, shop: shop)
        tradeID = try shop.tradeID("T1")
        service = AfterSaleService(database: shop.database)
        audit = AuditContext(actor: AuditActor(companyID: shop.companyID, userID: nil, requestID: "test"), at: 0)
    }

    /// Buys `quantity` units at `unitCost` fen into MAIN on a receipt (入库单).
    static func receive(_ sku: String, _ quantity: Int64, at unitCost: Int64, shop: TestShop) throws {
        let line = StockNoteLineDraft(
            warehouseCode: "MAIN",
            skuCode: sku,
            quantity: quantity,
            unitCost: Money(fen: unitCost)
        )
        _ = try StockNoteService(database: shop.database)
            .post(StockNoteDraft(kind: .receipt, reason: .purchase, lines: [line]), companyID: shop.companyID, now: 1)
    }

    /// The id of T1's line of `sku`.
    func lineID(_ sku: String) throws -> Int64 {
        try shop.trade(tradeID).lines.first { $0.merchantCode == sku }!.id
    }

    /// Opens a case on T1 for `units` of `sku`'s line.
    func open(_ kind: AfterSaleKind, _ sku: String, units: Int64, refund: Int64? = nil) throws -> AfterSaleCaseRecord {
        let draft = AfterSaleDraft(
            tradeID: tradeID,
            kind: kind,
            lines: [(try lineID(sku), units)],
            refund: refund.map { Money(fen: $0) },
            reason: "test"
        )
        return try service.open(draft, companyID: shop.companyID, audit: audit)
    }

    /// Moves a case through `actions` in turn.
    @discardableResult
    func perform(_ actions: [AfterSaleAction], on caseID: Int64) throws -> AfterSaleCaseRecord? {
        var last: AfterSaleCaseRecord?
        for action in actions {
            last = try service.perform(action, caseID: caseID, companyID: shop.companyID, audit: audit)
        }
        return last
    }

    /// Debits minus credits per SKU on `account` over every voucher (nil key: lines without a SKU).
    func net(_ account: String) throws -> [String: Int64] {
        try shop.database.read { connection in
            var result: [String: Int64] = [:]
            for row in try connection.query(
                """
                SELECT COALESCE(sku_code, '-'), SUM(debit_fen) - SUM(credit_fen) FROM voucher_lines
                WHERE company_id = ? AND account_code = ? GROUP BY COALESCE(sku_code, '-')
                """,
                shop.companyID,
                account
            ) {
                result[row.string(0)] = row.int(1)
            }
            return result
        }
    }

    /// The moving-average cost state of a SKU: units and value in fen.
    func cost(_ sku: String) throws -> (Int64, Int64) {
        try shop.database.read { connection in
            let row = try connection.queryOne(
                "SELECT c.quantity, c.value_fen FROM sku_costs c JOIN skus s ON s.id = c.sku_id WHERE s.code = ?",
                sku
            )
            return (row?.int(0) ?? 0, row?.int(1) ?? 0)
        }
    }
}
