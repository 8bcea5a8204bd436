import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("a parcel is packed only when the bench scanned exactly what it must hold")
struct PackingServiceTests {
    /// One waybilled parcel of 2×A + 1×B (order T1); C is in the catalogue but not in the parcel.
    private func waybilledParcel(_ engine: Engine) throws -> (TestShop, waybill: String) {
        let shop = try TestShop(engine)
        _ = try shop.addWarehouse("MAIN")
        try shop.addSKUs("A", "B", "C")
        for code in ["A", "B", "C"] { try shop.stock(code, 10) }
        try shop.ingest([makeTrade("T1", lines: [("A", 2, 1000), ("B", 1, 1000)])])
        _ = try shop.review.reviewPending(companyID: shop.companyID)
        _ = try AllocationService(database: shop.database).allocateApproved(companyID: shop.companyID)
        _ = try WaybillService(database: shop.database, courier: OfflineRangeCourier(code: "ZG"))
            .waybillAllocated(companyID: shop.companyID)
        let shipmentID = try #require(try shop.trade(try shop.tradeID("T1")).shipmentID)
        let shipment = try shop.database.read {
            try FulfilmentRecords($0).shipment(id: shipmentID, companyID: shop.companyID)
        }
        return (shop, try #require(shipment?.waybillNumber))
    }

    private func packing(_ shop: TestShop) -> PackingService { PackingService(database: shop.database) }

    private func refusal(_ body: () throws -> Void) -> PackingError? {
        do {
            try body()
            return nil
        } catch let error as PackingError {
            return error
        } catch {
            return nil
        }
    }

    @Test("scanning A, B, A and finishing with 1,250 g packs the parcel", arguments: Engine.all)
    func packs(engine: Engine) throws {
        let (shop, waybill) = try waybilledParcel(engine)
        let service = packing(shop)

        let first = try service.scan(waybill: waybill, barcode: "A", companyID: shop.companyID)
        #expect(first.outcome == .accepted)
        #expect(first.lines.map(\.scanned) == [1, 0])
        #expect(try service.scan(waybill: waybill, barcode: "B", companyID: shop.companyID).outcome == .accepted)
        let last = try service.scan(waybill: waybill, barcode: "A", companyID: shop.companyID)
        #expect(last.lines.map(\.sku) == ["A", "B"])
        #expect(last.lines.map(\.scanned) == [2, 1])
        #expect(last.isComplete)

        let packed = try service.finish(waybill: waybill, weightGrams: 1_250, companyID: shop.companyID)
        #expect(packed.weightGrams == 1_250)
        #expect(packed.items == [PackedItem(sku: "A", quantity: 2), PackedItem(sku: "B", quantity: 1)])

        let again = refusal { _ = try service.scan(waybill: waybill, barcode: "A", companyID: shop.companyID) }
        #expect(again?.code == .alreadyPacked)
        let twice = refusal { _ = try service.finish(waybill: waybill, weightGrams: 1_250, companyID: shop.companyID) }
        #expect(twice?.code == .alreadyPacked)
        #expect(throws: (any Error).self) {
            try shop.database.write { connection in
                _ = try connection.execute("UPDATE packings SET weight_grams = 1")
            }
        }
        #expect(try IntegrityCheck(database: shop.database).run(companyID: shop.companyID).isClean)
    }

    @Test("finishing without B is refused, naming B wanted 1 scanned 0", arguments: Engine.all)
    func missing(engine: Engine) throws {
        let (shop, waybill) = try waybilledParcel(engine)
        let service = packing(shop)
        _ = try service.scan(waybill: waybill, barcode: "A", count: 2, companyID: shop.companyID)

        let error = refusal { _ = try service.finish(waybill: waybill, weightGrams: 1_250, companyID: shop.companyID) }
        #expect(error?.code == .incomplete)
        #expect(error?.detail == "parcel \(waybill) is not complete: B: wanted 1, scanned 0")
    }

    @Test("an extra C, a third A and an unknown barcode are answered and not counted", arguments: Engine.all)
    func wrongItems(engine: Engine) throws {
        let (shop, waybill) = try waybilledParcel(engine)
        let service = packing(shop)

        #expect(try service.scan(waybill: waybill, barcode: "C", companyID: shop.companyID).outcome == .extra)
        _ = try service.scan(waybill: waybill, barcode: "A", companyID: shop.companyID)
        _ = try service.scan(waybill: waybill, barcode: "A", companyID: shop.companyID)
        let third = try service.scan(waybill: waybill, barcode: "A", companyID: shop.companyID)
        #expect(third.outcome == .tooMany)
        #expect(third.lines.map(\.scanned) == [2, 0])
        let unknown = try service.scan(waybill: waybill, barcode: "6900000000000", companyID: shop.companyID)
        #expect(unknown.outcome == .unknownBarcode)
    }

    @Test("one shot: an extra C is refused with every difference listed", arguments: Engine.all)
    func oneShotMismatch(engine: Engine) throws {
        let (shop, waybill) = try waybilledParcel(engine)
        let items: [(barcode: String, count: Int64)] = [("A", 3), ("C", 1), ("X9", 1)]

        let error = refusal {
            _ = try packing(shop).pack(waybill: waybill, items: items, weightGrams: 900, companyID: shop.companyID)
        }
        #expect(error?.code == .mismatch)
        #expect(
            error?.detail
                == "parcel \(waybill): A: wanted 2, scanned 3; B: wanted 1, scanned 0; "
                + "C is not in the parcel (scanned 1); X9 is no SKU's barcode or code"
        )
        let packed = try packing(shop).pack(
            waybill: waybill,
            items: [("B", 1), ("A", 2)],
            weightGrams: 900,
            companyID: shop.companyID
        )
        #expect(packed.weightGrams == 900)
    }

    @Test("a barcode scans as its SKU", arguments: Engine.all)
    func barcode(engine: Engine) throws {
        let (shop, waybill) = try waybilledParcel(engine)
        try shop.database.write { connection in
            _ = try connection.execute("UPDATE skus SET barcode = '6901234567892' WHERE code = 'B'")
        }
        let answer = try packing(shop).scan(waybill: waybill, barcode: "6901234567892", companyID: shop.companyID)
        #expect(answer.outcome == .accepted)
        #expect(answer.lines.map(\.scanned) == [0, 1])
    }

    @Test("a wrong waybill, a bad weight, and a parcel held for a refund are refused", arguments: Engine.all)
    func refusals(engine: Engine) throws {
        let (shop, waybill) = try waybilledParcel(engine)
        let service = packing(shop)

        let unknown = refusal { _ = try service.scan(waybill: "NOPE1", barcode: "A", companyID: shop.companyID) }
        #expect(unknown?.code == .unknownWaybill)
        for grams: Int64 in [0, -5, 100_001] {
            let error = refusal {
                _ = try service.finish(waybill: waybill, weightGrams: grams, companyID: shop.companyID)
            }
            #expect(error?.code == .badWeight)
        }
        try shop.database.write { connection in
            _ = try connection.execute("UPDATE trades SET refund_in_progress = 1")
        }
        let held = refusal { _ = try service.scan(waybill: waybill, barcode: "A", companyID: shop.companyID) }
        #expect(held?.code == .intercepted)
    }

    @Test(
        "with packing required, shipping passes over the unpacked parcel and ships the packed one",
        arguments: Engine.all
    )
    func shippingRequiresPacking(engine: Engine) throws {
        let (shop, waybill) = try waybilledParcel(engine)
        try shop.ingest([makeTrade("T2", lines: [("C", 1, 1000)], receiver: "李示例")])
        _ = try shop.review.reviewPending(companyID: shop.companyID)
        _ = try AllocationService(database: shop.database).allocateApproved(companyID: shop.companyID)
        _ = try WaybillService(database: shop.database, courier: OfflineRangeCourier(code: "ZG"))
            .waybillAllocated(companyID: shop.companyID)
        try shop.database.write { try PackingRecords($0).setRequiresPacking(true, companyID: shop.companyID) }

        let none = try ShippingService(database: shop.database).shipWaybilled(companyID: shop.companyID)
        #expect(none.shipments == 0)
        #expect(none.unpacked == 2)

        _ = try packing(shop).pack(
            waybill: waybill,
            items: [("A", 2), ("B", 1)],
            weightGrams: 1_250,
            companyID: shop.companyID
        )
        let shipped = try ShippingService(database: shop.database).shipWaybilled(companyID: shop.companyID)
        #expect(shipped.shipments == 1)
        #expect(shipped.units == 3)
        #expect(shipped.unpacked == 1)
        #expect(try shop.trade(try shop.tradeID("T1")).state == .shipped)
        #expect(try shop.trade(try shop.tradeID("T2")).state == .waybilled)
        let late = refusal { _ = try packing(shop).scan(waybill: waybill, barcode: "A", companyID: shop.companyID) }
        #expect(late?.code == .alreadyPacked)
        #expect(try IntegrityCheck(database: shop.database).run(companyID: shop.companyID).isClean)
    }

    @Test(
        "two clerks finishing the same parcel at once: one packs it, the other is told it is packed",
        arguments: Engine.all
    )
    func twoClerks(engine: Engine) async throws {
        let (shop, waybill) = try waybilledParcel(engine)
        let service = packing(shop)
        _ = try service.scan(waybill: waybill, barcode: "A", count: 2, companyID: shop.companyID)
        _ = try service.scan(waybill: waybill, barcode: "B", companyID: shop.companyID)
        let companyID = shop.companyID

        let outcomes = await withTaskGroup(of: PackingError.Code?.self) { group in
            for grams: Int64 in [1_250, 1_260] {
                group.addTask {
                    do {
                        _ = try service.finish(waybill: waybill, weightGrams: grams, companyID: companyID)
                        return nil
                    } catch let error as PackingError {
                        return error.code
                    } catch {
                        return .shipped
                    }
                }
            }
            var codes: [PackingError.Code?] = []
            for await code in group { codes.append(code) }
            return codes
        }
        #expect(outcomes.filter { $0 == nil }.count == 1)
        #expect(outcomes.contains(.alreadyPacked))
        let packings = try shop.database.read { try $0.queryOne("SELECT COUNT(*) FROM packings")?.int(0) }
        #expect(packings == 1)
    }
}
