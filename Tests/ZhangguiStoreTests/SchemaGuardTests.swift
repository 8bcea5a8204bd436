import Foundation
import Testing
import ZhangguiCore
import ZhangguiStore
import ZhangguiTestSupport

@Suite("The schema holds the invariants itself")
struct SchemaGuardTests {
    private func database(_ engine: Engine) throws -> (TestDatabase, Int64, Int64, Int64) {
        let database = try engine.makeDatabase()
        try Migrator.migrate(database)
        let ids = try database.write { connection -> (Int64, Int64, Int64) in
            let records = CompanyRecords(connection)
            let company = try records.create(name: "测试", timeZone: "Asia/Shanghai")
            let warehouse = try records.addWarehouse(Warehouse(code: "W", name: "W", priority: 1), companyID: company)
            let sku = try CatalogRecords(connection).insert(
                SKU(code: "A", name: "A", listPrice: Money(fen: 100)),
                companyID: company
            )
            return (company, warehouse, sku ?? 0)
        }
        return (database, ids.0, ids.1, ids.2)
    }

    @Test("migrations run once and report the latest version", arguments: Engine.all)
    func migrationsAreIdempotent(engine: Engine) throws {
        let database = try engine.makeDatabase()
        #expect(try Migrator.migrate(database) == Migrator.latestVersion)
        #expect(try Migrator.migrate(database) == Migrator.latestVersion)
    }

    @Test("a balance can never go below zero available, even by raw SQL", arguments: Engine.all)
    func balanceCheckConstraint(engine: Engine) throws {
        let (database, company, warehouse, sku) = try database(engine)
        #expect(throws: DatabaseError.self) {
            try database.write { connection in
                try connection.execute(
                    "INSERT INTO stock_balances (company_id, warehouse_id, sku_id, on_hand, "
                        + "reserved) VALUES (?, ?, ?, 5, 6)",
                    company,
                    warehouse,
                    sku
                )
            }
        }
    }

    @Test("the stock book refuses to reserve more than is available and writes nothing", arguments: Engine.all)
    func stockBookRefuses(engine: Engine) throws {
        let (database, company, warehouse, sku) = try database(engine)
        let posting = { (change: StockChange, cost: CostEffect) in
            StockPosting(
                companyID: company,
                warehouseID: warehouse,
                skuID: sku,
                change: change,
                cost: cost,
                reason: .receipt,
                document: "t"
            )
        }
        try database.write { connection in
            try StockBook(connection, currency: .cny).post(posting(.receive(5), .receive(totalCost: Money(fen: 500))))
        }
        #expect(throws: StockError.self) {
            try database.write { connection in
                try StockBook(connection, currency: .cny).post(posting(.reserve(6), .none))
            }
        }
        let (level, entries) = try database.read { connection in
            (
                try StockBook(connection, currency: .cny).level(warehouseID: warehouse, skuID: sku),
                try IntegrityQueries(connection).ledgerEntryCount(companyID: company)
            )
        }
        #expect(level == StockLevel(onHand: 5))
        #expect(entries == 1)
    }

    @Test("the stock ledger and posted vouchers cannot be changed or deleted", arguments: Engine.all)
    func appendOnlyTables(engine: Engine) throws {
        let (database, company, warehouse, sku) = try database(engine)
        try database.write { connection in
            try StockBook(connection, currency: .cny).post(
                StockPosting(
                    companyID: company,
                    warehouseID: warehouse,
                    skuID: sku,
                    change: .receive(1),
                    cost: .receive(totalCost: Money(fen: 100)),
                    reason: .receipt,
                    document: "t"
                )
            )
        }
        for statement in ["UPDATE stock_ledger SET on_hand_delta = 99", "DELETE FROM stock_ledger"] {
            #expect(throws: DatabaseError.self) { try database.write { try $0.execute(statement) } }
        }
    }

    @Test("a shop cannot hold the same platform order twice", arguments: Engine.all)
    func uniquePlatformOrder(engine: Engine) throws {
        let (database, company, _, _) = try database(engine)
        let trade = Trade(
            platformOrderID: "P1",
            shopCode: "S",
            orderedAt: 0,
            paidAt: 0,
            receiver: Receiver(name: "n", phone: "p", province: "", city: "", district: "", address: ""),
            lines: [TradeLine(merchantCode: "A", quantity: 1, unitPrice: Money(fen: 100))]
        )
        try database.write { connection in
            let shop = try CompanyRecords(connection).shopID(code: "S", platform: "file", companyID: company)
            let origin = TradeOrigin(companyID: company, shopID: shop, businessDate: "2024-01-01", source: "t")
            let records = TradeRecords(connection, currency: .cny)
            let first = try records.insert(trade, origin: origin, state: .pendingReview)
            let second = try records.insert(trade, origin: origin, state: .pendingReview)
            #expect(first != nil)
            #expect(second == nil)
        }
    }
}

@Suite("Zhanggui leaves other applications' databases alone")
struct ForeignDatabaseTests {
    @Test("migrating a database that holds someone else's tables is refused and adds nothing", arguments: Engine.all)
    func foreignDatabaseIsRefused(engine: Engine) throws {
        let database = try engine.makeDatabase()
        try database.write { try $0.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)") }

        #expect(throws: DatabaseError.self) { try Migrator.migrate(database) }

        #expect(try database.tableNames() == ["invoices"])
    }
}
