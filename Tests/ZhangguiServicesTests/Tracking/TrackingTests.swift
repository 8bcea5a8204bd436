import Foundation
import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("Tracking events move parcels and orders, once each")
struct TrackingTests {
    static let day: Int64 = 86_400

    /// Order T1 of A (only in NORTH) and B (only in SOUTH), split over two parcels and shipped.
    static func twoParcels(_ engine: Engine) throws -> (TestShop, [Int64], [TrackedParcel]) {
        let shop = try TestShop(engine)
        try shop.addWarehouse("NORTH", priority: 1)
        try shop.addWarehouse("SOUTH", priority: 2)
        try shop.addSKUs("A", "B")
        try shop.stock("A", 5, in: "NORTH")
        try shop.stock("B", 5, in: "SOUTH")
        try shop.ingest([makeTrade("T1", lines: [("A", 1, 1000), ("B", 1, 1000)])])
        _ = try shop.runMainJob()
        let trades = try shop.database.read { connection in
            try TradeRecords(connection, currency: .cny).ids(platformOrderID: "T1", companyID: shop.companyID)
        }
        let parcels = try shop.database.read { connection in
            try TrackingRecords(connection).parcels(tradeIDs: trades, companyID: shop.companyID)
        }
        return (shop, trades, parcels)
    }

    static func event(_ parcel: TrackedParcel, _ status: TrackingStatus, at seconds: Int64, _ action: String = "")
        -> TrackingEvent
    {
        TrackingEvent(
            courierCode: parcel.courierCode,
            waybillNumber: parcel.waybillNumber,
            occurredAt: Date(timeIntervalSince1970: TimeInterval(seconds)),
            status: status,
            courierAction: action.isEmpty ? status.rawValue : action,
            detail: status.chineseName
        )
    }

    static func deliveredAt(_ shop: TestShop, _ trades: [Int64]) throws -> [Int64?] {
        try shop.database.read { connection in
            let map = try TrackingRecords(connection).deliveredAt(tradeIDs: trades, companyID: shop.companyID)
            return trades.map { map[$0] ?? nil }
        }
    }

    @Test("an event timed before its parcel shipped is kept and counted as beforeShipping, once", arguments: Engine.all)
    func beforeShipping(engine: Engine) throws {
        let (shop, trades, parcels) = try Self.twoParcels(engine)
        let shippedAt = try #require(parcels[0].shippedAt)
        let service = TrackingService(database: shop.database)
        let events = [
            Self.event(parcels[0], .collected, at: shippedAt - 3_600),
            Self.event(parcels[0], .delivered, at: shippedAt + Self.day),
        ]
        let first = try service.record(events, companyID: shop.companyID)
        let again = try service.record(events, companyID: shop.companyID)

        #expect(first.recorded == 2)
        #expect(first.beforeShipping == 1)
        #expect(again.duplicates == 2 && again.beforeShipping == 0)
        #expect(try Self.deliveredAt(shop, trades) == [nil, nil])
    }

    @Test("an order is delivered when both of its parcels are, at the later signature", arguments: Engine.all)
    func deliveredWhenAllParcelsAre(engine: Engine) throws {
        let (shop, trades, parcels) = try Self.twoParcels(engine)
        let service = TrackingService(database: shop.database)
        let first = try service.record(
            [Self.event(parcels[0], .collected, at: 1_000), Self.event(parcels[0], .delivered, at: 5_000)],
            companyID: shop.companyID
        )
        let afterFirst = try Self.deliveredAt(shop, trades)
        let second = try service.record([Self.event(parcels[1], .delivered, at: 7_000)], companyID: shop.companyID)

        #expect(trades.count == 2)
        #expect(parcels.count == 2)
        #expect(first.recorded == 2)
        #expect(first.tradesDelivered == 0)
        #expect(afterFirst == [nil, nil])
        #expect(second.tradesDelivered == 2)
        #expect(try Self.deliveredAt(shop, trades) == [7_000, 7_000])
    }

    @Test("the same event twice is one event; an unknown waybill is named and skipped", arguments: Engine.all)
    func duplicates(engine: Engine) throws {
        let (shop, _, parcels) = try Self.twoParcels(engine)
        let service = TrackingService(database: shop.database)
        let events = [Self.event(parcels[0], .collected, at: 1_000), Self.event(parcels[0], .inTransit, at: 2_000)]
        let stranger = TrackingEvent(
            courierCode: "ZG",
            waybillNumber: "NOPE1",
            occurredAt: Date(timeIntervalSince1970: 1_000),
            status: .collected,
            courierAction: "10",
            detail: ""
        )
        let first = try service.record(events + [stranger], companyID: shop.companyID)
        let again = try service.record(events, companyID: shop.companyID)
        let stored = try shop.database.read { try TrackingRecords($0).events(shipmentID: parcels[0].shipmentID) }
        let parcel = try shop.database.read {
            try TrackingRecords($0).parcel(shipmentID: parcels[0].shipmentID, companyID: shop.companyID)
        }

        #expect(first.recorded == 2)
        #expect(first.unknownWaybills == ["ZG/NOPE1"])
        #expect(again.recorded == 0)
        #expect(again.duplicates == 2)
        #expect(again.parcelsChanged == 0)
        #expect(stored == events)
        #expect(parcel?.status == .inTransit)
        #expect(parcel?.statusAt == 2_000)
    }

    @Test("a shipped order quiet for the company's days is flagged once, and progress clears it", arguments: Engine.all)
    func staleOrders(engine: Engine) throws {
        let (shop, trades, parcels) = try Self.twoParcels(engine)
        try shop.database.write { try TrackingRecords($0).setStaleDays(2, companyID: shop.companyID) }
        let shippedAt = try #require(parcels[0].shippedAt)
        let service = TrackingService(database: shop.database)
        _ = try service.record(
            [Self.event(parcels[1], .inTransit, at: shippedAt + Self.day)],
            companyID: shop.companyID
        )
        let ticks = TickRunner(shop, StaleTrackingJob(interval: 3600))
        let alerts = AlertService(database: shop.database)

        try ticks.run(1, at: shippedAt + 2 * Self.day - 1)
        let early = try alerts.alerts(companyID: shop.companyID, kind: .staleTracking)
        try ticks.run(2, at: shippedAt + 2 * Self.day)
        try ticks.run(3, at: shippedAt + 2 * Self.day + 3600)
        let flagged = try alerts.alerts(companyID: shop.companyID, kind: .staleTracking)
        _ = try service.record(
            [Self.event(parcels[0], .inTransit, at: shippedAt + 2 * Self.day + 100)],
            companyID: shop.companyID
        )
        let afterProgress = try alerts.alerts(companyID: shop.companyID, kind: .staleTracking)

        // Parcel 0 shipped and heard nothing; parcel 1 had news a day in, so it is quiet only from then.
        #expect(early.isEmpty)
        #expect(flagged.map(\.tradeID) == [trades[0]])
        #expect(flagged.map(\.quantity) == [2])
        #expect(flagged.map(\.threshold) == [2])
        #expect(afterProgress.isEmpty)
        #expect(
            ticks.details == [
                "0 quiet for 2 d or more, 0 raised, 0 cleared", "1 quiet for 2 d or more, 1 raised, 0 cleared",
                "1 quiet for 2 d or more, 0 raised, 0 cleared",
            ]
        )
    }

    @Test(
        "a problem parcel is left by a later forward event; the order is not delivered meanwhile",
        arguments: Engine.all
    )
    func problemThenDelivered(engine: Engine) throws {
        let (shop, trades, parcels) = try Self.twoParcels(engine)
        let service = TrackingService(database: shop.database)
        _ = try service.record(
            [
                Self.event(parcels[0], .delivered, at: 3_000), Self.event(parcels[1], .problem, at: 3_000),
                Self.event(parcels[1], .inTransit, at: 2_000),
            ],
            companyID: shop.companyID
        )
        let whileProblem = try Self.deliveredAt(shop, trades)
        _ = try service.record([Self.event(parcels[1], .delivered, at: 9_000)], companyID: shop.companyID)
        let parcel = try shop.database.read {
            try TrackingRecords($0).parcel(shipmentID: parcels[1].shipmentID, companyID: shop.companyID)
        }

        #expect(whileProblem == [nil, nil])
        #expect(parcel?.status == .delivered)
        #expect(try Self.deliveredAt(shop, trades) == [9_000, 9_000])
    }

    @Test("a parcel outside the recorder's warehouses is answered as unknown and left alone", arguments: Engine.all)
    func scope(engine: Engine) throws {
        let (shop, _, parcels) = try Self.twoParcels(engine)
        let north = DataScope(shops: .all, warehouses: .only([parcels[0].warehouseID]))
        let report = try TrackingService(database: shop.database).record(
            [Self.event(parcels[0], .collected, at: 1_000), Self.event(parcels[1], .collected, at: 1_000)],
            companyID: shop.companyID,
            scope: north
        )
        let south = try shop.database.read { try TrackingRecords($0).events(shipmentID: parcels[1].shipmentID) }

        #expect(report.recorded == 1)
        #expect(report.unknownWaybills == ["\(parcels[1].courierCode)/\(parcels[1].waybillNumber)"])
        #expect(south.isEmpty)
    }
}
