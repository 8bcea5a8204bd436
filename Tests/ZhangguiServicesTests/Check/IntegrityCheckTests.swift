import Foundation
import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("zhanggui check proves the books, and names what differs")
struct IntegrityCheckTests {
    private func shippedShop(_ engine: Engine) throws -> TestShop {
        let shop = try TestShop(engine)
        try shop.addWarehouse("MAIN")
        try shop.addSKUs("A")
        try shop.stock("A", 10, at: 1000)
        try shop.ingest([makeTrade("T1", lines: [("A", 2, 5000)])])
        _ = try shop.runMainJob()
        return shop
    }

    @Test("after the main job every balance matches its ledger and the trial balance is zero", arguments: Engine.all)
    func cleanBooks(engine: Engine) throws {
        let report = try IntegrityCheck(database: try shippedShop(engine).database).run(companyID: 1)
        #expect(report.differences == [])
        // Opening receipt, reservation, shipment: three ledger entries for one SKU in one warehouse.
        #expect(report.ledgerEntries == 3)
        // The opening voucher and one sales summary voucher.
        #expect(report.vouchers == 2)
    }

    @Test("a balance changed behind the ledger's back is named with warehouse and SKU", arguments: Engine.all)
    func tamperedBalanceIsFound(engine: Engine) throws {
        let shop = try shippedShop(engine)
        try shop.database.write { try $0.execute("UPDATE stock_balances SET on_hand = on_hand + 1") }

        let report = try IntegrityCheck(database: shop.database).run(companyID: shop.companyID)

        #expect(
            report.differences == [
                "stock MAIN/A: balance on hand 9 reserved 0 frozen 0, ledger gives 8 / 0 / 0"
            ]
        )
    }

    @Test("a cost changed behind the ledger's back is named with its SKU", arguments: Engine.all)
    func tamperedCostIsFound(engine: Engine) throws {
        let shop = try shippedShop(engine)
        try shop.database.write { try $0.execute("UPDATE sku_costs SET value_fen = value_fen + 5") }

        let report = try IntegrityCheck(database: shop.database).run(companyID: shop.companyID)

        // 10 @ 10.00 in, 2 out at 20.00: 8 units worth 80.00 remain.
        #expect(report.differences.contains("cost A: 8 units worth 80.05, ledger gives 8 worth 80.00"))
        #expect(report.differences.contains("account 1405 holds 80.00, the stock is worth 80.05"))
    }

    @Test("an order whose state was changed by hand is named", arguments: Engine.all)
    func tamperedTradeStateIsFound(engine: Engine) throws {
        let shop = try shippedShop(engine)
        try shop.database.write { try $0.execute("UPDATE trades SET state = 'approved', shipment_id = NULL") }

        let report = try IntegrityCheck(database: shop.database).run(companyID: shop.companyID)

        #expect(report.differences == ["order T1 is approved but has no stock reserved"])
    }

    @Test("a dropped append-only guard is named", arguments: Engine.all)
    func droppedGuardIsFound(engine: Engine) throws {
        let shop = try shippedShop(engine)
        let ledgerGuard = try #require(
            Migrator.appendOnlyGuards(shop.database.dialect).last { $0.name.hasPrefix("stock_ledger_") }?.name
        )
        try shop.database.dropTrigger(ledgerGuard)

        let report = try IntegrityCheck(database: shop.database).run(companyID: shop.companyID)

        #expect(report.differences == ["guard \(ledgerGuard) is missing: what it guards can be changed"])
    }

    @Test(
        "tampered orders are named: state, amounts, lines and shipment that disagree",
        arguments: Engine.all,
        [
            ("UPDATE trades SET paid_fen = paid_fen + 1", "order T1 was paid other than goods plus freight"),
            ("UPDATE trade_lines SET net_fen = net_fen - 1", "order T1 has goods that differ from its lines"),
            ("UPDATE shipments SET shipped_at = NULL", "order T1 is shipped in a shipment that has not left"),
            ("UPDATE trades SET state = 'cancelled'", "order T1 is cancelled with a shipment"),
        ]
    )
    func tamperedOrdersAreNamed(engine: Engine, tampering: (statement: String, difference: String)) throws {
        let shop = try shippedShop(engine)
        try shop.database.write { try $0.execute(tampering.statement) }

        let report = try IntegrityCheck(database: shop.database).run(companyID: shop.companyID)

        #expect(report.differences.contains(tampering.difference))
    }

    @Test("a guard swapped for a harmless one of the same name is found (SQLite keeps the trigger's text)")
    func swappedGuardIsFound() throws {
        let shop = try shippedShop(.sqlite)
        try shop.database.write { connection in
            try connection.execute("DROP TRIGGER stock_ledger_no_update")
            try connection.execute(
                "CREATE TRIGGER stock_ledger_no_update BEFORE UPDATE ON stock_ledger BEGIN SELECT 1; END"
            )
        }

        let report = try IntegrityCheck(database: shop.database).run(companyID: shop.companyID)

        #expect(report.differences == ["guard stock_ledger_no_update was changed: what it guards can be changed"])
    }
}
