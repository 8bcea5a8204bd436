import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("Shipments and stock back to the platform; SKU mapping")
struct BackToPlatformTests {
    @Test("shipping 2 of 5 units makes the next stock push send 3", arguments: Engine.all)
    func stockAfterShipping(engine: Engine) throws {
        let bed = try SyncBed(engine)
        try bed.shop.addSKUs("A")
        try bed.shop.stock("A", 5)
        _ = try SKUMappingService(database: bed.database)
            .map(itemID: "item-A", skuID: "sku-A", to: "A", shopCode: "TB", companyID: bed.companyID)
        #expect(try bed.sync.pushStock(company: bed.companyID, shop: bed.shopID).stockPushed == 1)
        bed.channel.put(platformOrder("S1", modified: SyncBed.midnight - 600_000, lines: [("A", 2, 1000)]))
        bed.clock.millis += 60_000
        try bed.runOnce()  // the order comes in; stock is not yet reserved: still 5, nothing to push
        let (reviewed, _, _, shipped) = try bed.shop.runMainJob()
        #expect(reviewed.approved == 1 && shipped.units == 2)

        let report = try bed.sync.pushStock(company: bed.companyID, shop: bed.shopID)

        #expect(report.stockPushed == 1)
        #expect(bed.channel.pushedQuantities == [5, 3])
        let log = try bed.database.read {
            try PlatformSKURecords($0).pushLog(shopID: bed.shopID, companyID: bed.companyID, limit: 10)
        }
        #expect(log.map(\.old) == [5, nil])
        #expect(log.map(\.new) == [3, 5])
        #expect(try bed.sync.pushStock(company: bed.companyID, shop: bed.shopID).stockPushed == 0)
        #expect(try bed.runs().filter { $0.kind == .stock }.map(\.counts.changed) == [1, 1])
        #expect(try IntegrityCheck(database: bed.database).run(companyID: bed.companyID).differences == [])
    }

    @Test("share, buffer and maximum shape what is pushed; a combo offers its complete sets", arguments: Engine.all)
    func shareAndCombo(engine: Engine) throws {
        let bed = try SyncBed(engine)
        try bed.shop.addSKUs("A", "B")
        try bed.shop.stock("A", 10)
        try bed.shop.stock("B", 7)
        try bed.database.write { connection in
            let combo = try #require(
                try CatalogRecords(connection).insert(
                    SKU(code: "BOX", name: "礼盒", listPrice: Money(fen: 3000)),
                    isCombo: true,
                    companyID: bed.companyID
                )
            )
            let a = try #require(try CatalogRecords(connection).id(ofCode: "A", companyID: bed.companyID))
            let b = try #require(try CatalogRecords(connection).id(ofCode: "B", companyID: bed.companyID))
            try CatalogRecords(connection).setComponents([(a, 2), (b, 1)], comboID: combo, companyID: bed.companyID)
            try ShopConnectionRecords(connection).updateSettings(
                plan: SyncPlan(),
                stockShare: StockShare(shareBasisPoints: 5000, buffer: 1, maximum: 4),
                shopID: bed.shopID,
                companyID: bed.companyID
            )
        }
        let mapping = SKUMappingService(database: bed.database)
        _ = try mapping.map(itemID: "i1", skuID: "s-a", to: "A", shopCode: "TB", companyID: bed.companyID)
        _ = try mapping.map(itemID: "i2", skuID: "s-box", to: "BOX", shopCode: "TB", companyID: bed.companyID)

        _ = try bed.sync.pushStock(company: bed.companyID, shop: bed.shopID)

        // A: (10 − 1) × 50 % = 4.5 → 4, at most 4. BOX: min(10 / 2, 7 / 1) = 5 sets, (5 − 1) × 50 % = 2.
        #expect(bed.channel.stockUpdates.map { "\($0.skuID)=\($0.quantity)" } == ["s-a=4", "s-box=2"])
    }

    @Test("a shipped parcel is told to the platform once, retried until accepted", arguments: Engine.all)
    func shipmentUpload(engine: Engine) throws {
        let bed = try SyncBed(engine)
        try bed.shop.addSKUs("A")
        try bed.shop.stock("A", 5)
        bed.channel.put(platformOrder("S1", modified: SyncBed.midnight - 600_000, lines: [("A", 1, 1000)]))
        try bed.runOnce()
        _ = try bed.shop.runMainJob()
        bed.channel.fail(with: .unavailable(message: "timeout"))
        bed.clock.millis += 60_000
        #expect(try bed.runOnce().outcome == .unavailable)

        bed.channel.fail(with: nil)
        bed.clock.millis += 60_000
        let report = try bed.runOnce()
        bed.clock.millis += 60_000
        let again = try bed.runOnce()

        #expect(report.uploadsSent == 1 && again.uploadsSent == 0)
        // The platform was down at the first step of the earlier pass: only the later one reached the confirmations.
        #expect(try bed.runs().filter { $0.kind == .shipments }.map(\.outcome) == [.done])
        #expect(try bed.runs().filter { $0.kind == .shipments }.map(\.counts.changed) == [1])
        #expect(bed.channel.shipments.map(\.platformOrderID) == ["S1"])
        #expect(bed.channel.shipments.first?.trackingNumber.hasPrefix("ZG") == true)
        #expect(bed.channel.shipments.first?.courierCode == "ZTO")
    }

    @Test("a refused confirmation is tried again a minute later, then two, until accepted", arguments: Engine.all)
    func refusedConfirmation(engine: Engine) throws {
        let bed = try SyncBed(engine)
        try bed.shop.addSKUs("A")
        try bed.shop.stock("A", 5)
        bed.channel.put(platformOrder("S1", modified: SyncBed.midnight - 600_000, lines: [("A", 1, 1000)]))
        try bed.runOnce()
        _ = try bed.shop.runMainJob()
        bed.channel.refuseConfirmations(2)

        let first = try bed.runOnce()  // refused: next try in 1 minute
        bed.clock.millis += 59_000
        let early = try bed.runOnce()  // not due yet
        bed.clock.millis += 1_000
        let second = try bed.runOnce()  // refused again: next try in 2 minutes
        bed.clock.millis += 120_000
        let third = try bed.runOnce()

        #expect([first, early, second, third].map(\.uploadsFailed) == [1, 0, 1, 0])
        #expect([first, early, second, third].map(\.uploadsSent) == [0, 0, 0, 1])
        #expect(bed.channel.shipments.map(\.platformOrderID) == ["S1"])
        let shipments = try bed.runs().filter { $0.kind == .shipments }
        #expect(shipments.first?.lastError == "order S1: refused (41): Invalid arguments: out_sid")
    }

    @Test("a confirmation refused because the order shipped already counts as done", arguments: Engine.all)
    func alreadyShipped(engine: Engine) throws {
        let bed = try SyncBed(engine)
        try bed.shop.addSKUs("A")
        try bed.shop.stock("A", 5)
        bed.channel.put(platformOrder("S1", modified: SyncBed.midnight - 600_000, lines: [("A", 1, 1000)]))
        try bed.runOnce()
        _ = try bed.shop.runMainJob()
        bed.channel.markShipped("S1")
        bed.clock.millis += 60_000
        let report = try bed.runOnce()
        #expect(report.uploadsSent == 1 && report.uploadsFailed == 0)
        let counts = try bed.database.read {
            try ShipmentUploadRecords($0).counts(shopID: bed.shopID, companyID: bed.companyID)
        }
        #expect(counts.pending == 0 && counts.sent == 1)
    }

    @Test(
        "'already shipped' answered as a platform failure still counts as done, and the next confirmation goes out",
        arguments: Engine.all
    )
    func alreadyShippedAsFailure(engine: Engine) throws {
        let bed = try SyncBed(engine)
        try bed.shop.addSKUs("A")
        try bed.shop.stock("A", 5)
        bed.channel.put(platformOrder("S1", modified: SyncBed.midnight - 600_000, lines: [("A", 1, 1000)]))
        bed.channel.put(platformOrder("S2", modified: SyncBed.midnight - 500_000, lines: [("A", 1, 1000)]))
        try bed.runOnce()
        _ = try bed.shop.runMainJob()
        bed.channel.markShipped("S1")
        bed.channel.answerAlreadyShipped(with: .unavailable(message: "15/isv.business-refused: already shipped"))
        bed.clock.millis += 60_000

        let report = try bed.runOnce()

        #expect(report.outcome == .done)
        #expect(report.uploadsSent == 2 && report.uploadsFailed == 0)
        #expect(bed.channel.shipments.map(\.platformOrderID) == ["S2"])
        let counts = try bed.database.read {
            try ShipmentUploadRecords($0).counts(shopID: bed.shopID, companyID: bed.companyID)
        }
        #expect(counts.pending == 0 && counts.sent == 2)
    }

    @Test("an unmapped line holds the order; mapping it by hand sends it back to review", arguments: Engine.all)
    func mapByHand(engine: Engine) throws {
        let bed = try SyncBed(engine)
        try bed.shop.addSKUs("A")
        try bed.shop.stock("A", 5)
        bed.channel.put(platformOrder("M1", modified: SyncBed.midnight - 600_000, lines: [("红色-L", 1, 1000)]))
        try bed.runOnce()
        #expect(try bed.shop.review.reviewPending(companyID: bed.companyID).held == 1)
        #expect(try bed.holds("M1").map(\.reason) == [.unmappedSKU])

        let result = try SKUMappingService(database: bed.database)
            .map(itemID: "item-红色-L", skuID: "sku-红色-L", to: "A", shopCode: "TB", companyID: bed.companyID)

        #expect(result == SKUMappingResult(linesRemapped: 1, tradesReleased: 1))
        #expect(try bed.shop.review.reviewPending(companyID: bed.companyID).approved == 1)
        #expect(try bed.shop.level("A") == StockLevel(onHand: 5, reserved: 1))
    }

    @Test("a line whose 商家编码 is one of our barcodes maps by itself", arguments: Engine.all)
    func barcode(engine: Engine) throws {
        let bed = try SyncBed(engine)
        try bed.database.write { connection in
            _ = try CatalogRecords(connection).insert(
                SKU(code: "A", barcode: "6901234567892", name: "A", listPrice: Money(fen: 1000)),
                companyID: bed.companyID
            )
        }
        bed.channel.put(platformOrder("C1", modified: SyncBed.midnight - 600_000, lines: [("6901234567892", 1, 1000)]))
        try bed.runOnce()
        let trade = try bed.shop.trade(try bed.shop.tradeID("C1"))
        #expect(trade.lines.map(\.merchantCode) == ["A"])
        let skus = try bed.database.read {
            try PlatformSKURecords($0).all(shopID: bed.shopID, companyID: bed.companyID)
        }
        #expect(skus.map(\.mappedBy) == [.barcode])
    }
}
