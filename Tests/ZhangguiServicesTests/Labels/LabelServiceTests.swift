import Foundation
import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("Printing labels: one per parcel, in pick order, reprints recorded")
struct LabelServiceTests {
    @Test(
        "two orders to different receivers waybilled together give two labels, two numbers, two addresses",
        arguments: Engine.all
    )
    func twoReceiversTwoLabels(engine: Engine) throws {
        let shop = try TestShop.readyToPrint(engine)
        try shop.ingest([
            makeTrade("T1", lines: [("A", 1, 5000)], receiver: "甲示例", address: "示例路1号"),
            makeTrade("T2", lines: [("B", 2, 5000)], receiver: "乙示例", address: "样例街22号"),
        ])
        try shop.waybill()

        let printed = try shop.print(.unprinted)

        #expect(printed.batchNumber == 1)
        #expect(printed.waybills == ["ZG000000000001", "ZG000000000002"])
        let pages = try PDFTools.pageTexts(printed.pdf).map { $0.filter { !$0.isWhitespace } }
        #expect(pages.count == 2)
        #expect(pages[0].contains("甲示例") && pages[0].contains("上海市黄浦区示例路1号"))
        #expect(pages[0].contains("ZG000000000001") && pages[0].contains("T1") && !pages[0].contains("乙示例"))
        #expect(pages[1].contains("乙示例") && pages[1].contains("上海市黄浦区样例街22号"))
        #expect(pages[1].contains("ZG000000000002") && pages[1].contains("T2") && !pages[1].contains("甲示例"))
        #expect(try PDFTools.barcodes(printed.pdf, page: 1) == ["ZG000000000001"])
        #expect(try PDFTools.barcodes(printed.pdf, page: 2) == ["ZG000000000002"])
    }

    @Test("a batch of two labels tells each label as it is drawn: 1 of 2, then 2 of 2", arguments: Engine.all)
    func eachLabelIsTold(engine: Engine) throws {
        let shop = try TestShop.readyToPrint(engine)
        try shop.ingest([
            makeTrade("T1", lines: [("A", 1, 5000)], receiver: "甲示例", address: "示例路1号"),
            makeTrade("T2", lines: [("B", 2, 5000)], receiver: "乙示例", address: "样例街22号"),
        ])
        try shop.waybill()
        var drawn: [[Int]] = []

        let printed = try shop.labels.print(
            .unprinted,
            companyID: shop.companyID,
            actor: shop.clerk,
            labelDrawn: { drawn.append([$0, $1]) },
            deliver: { _ in }
        )

        #expect(drawn == [[1, 2], [2, 2]])
        #expect(printed.waybills.count == 2)
    }

    @Test("a reprint is recorded and audited, and never takes a second waybill number", arguments: Engine.all)
    func reprintKeepsTheNumber(engine: Engine) throws {
        let shop = try TestShop.readyToPrint(engine)
        try shop.ingest([makeTrade("T1", lines: [("A", 1, 5000)])])
        try shop.waybill()
        _ = try shop.print(.unprinted)

        let again = try shop.print(.batch(1))
        let once = try shop.print(.waybills(["ZG000000000001"]))

        #expect(again.isReprint && again.batchNumber == 1 && again.waybills == ["ZG000000000001"])
        #expect(once.waybills == ["ZG000000000001"])
        #expect(try PDFTools.barcodes(once.pdf, page: 1) == ["ZG000000000001"])
        // The range gave out number 1 only; its next number is still 2.
        #expect(try shop.count("SELECT next_number FROM waybill_ranges") == 2)
        #expect(try shop.count("SELECT COUNT(*) FROM shipments WHERE waybill_no IS NOT NULL") == 1)
        #expect(try shop.count("SELECT COUNT(*) FROM label_prints WHERE is_reprint = 1") == 2)
        #expect(try shop.count("SELECT COUNT(*) FROM label_prints WHERE is_reprint = 0") == 1)
        #expect(
            try shop.count(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'label.reprint' AND object_type = 'waybill' "
                    + "AND object_id = 'ZG000000000001'"
            ) == 2
        )
        #expect(throws: LabelError(code: .nothingToPrint, detail: "every waybilled parcel has its label printed")) {
            _ = try shop.print(.unprinted)
        }
    }

    @Test("labels come in pick order: the parcel whose SKU lies at A-2 before the one at A-10", arguments: Engine.all)
    func pickOrder(engine: Engine) throws {
        let shop = try TestShop.readyToPrint(engine)
        try shop.labels.setLocation("A-10", skuCode: "A", warehouseCode: "MAIN", companyID: shop.companyID)
        try shop.labels.setLocation("A-2", skuCode: "B", warehouseCode: "MAIN", companyID: shop.companyID)
        try shop.ingest([
            makeTrade("T1", lines: [("A", 1, 5000)], receiver: "甲示例"),
            makeTrade("T2", lines: [("B", 1, 5000)], receiver: "乙示例"),
        ])
        try shop.waybill()

        let labels = try shop.labels.labels(.unprinted, companyID: shop.companyID)

        #expect(labels.map(\.orderNumbers) == [["T2"], ["T1"]])
        #expect(labels.map(\.sequence) == [1, 2])
        #expect(labels[0].sortingCode == "上海市 黄浦区")
        #expect(labels[0].size == .large)
        let small = try shop.labels.labels(.unprinted, companyID: shop.companyID, size: .small)
        #expect(small.map(\.size) == [.small, .small])
    }

    @Test("prints cannot be changed or removed, and the check names a dropped guard", arguments: Engine.all)
    func printsAreAppendOnly(engine: Engine) throws {
        let shop = try TestShop.readyToPrint(engine)
        try shop.ingest([makeTrade("T1", lines: [("A", 1, 5000)])])
        try shop.waybill()
        _ = try shop.print(.unprinted)

        #expect(throws: DatabaseError.self) {
            try shop.database.write { try $0.execute("UPDATE label_prints SET is_reprint = 1") }
        }
        #expect(throws: DatabaseError.self) {
            try shop.database.write { try $0.execute("DELETE FROM label_prints") }
        }
        let guardName = try #require(Migrator.labelGuards(shop.database.dialect).first)
        try shop.database.dropTrigger(guardName)

        let report = try IntegrityCheck(database: shop.database).run(companyID: shop.companyID)

        #expect(report.differences == ["guard \(guardName) is missing: what it guards can be changed"])
    }

    @Test("a warehouse without a sender is named, and nothing is recorded", arguments: Engine.all)
    func missingSender(engine: Engine) throws {
        let shop = try TestShop.readyToPrint(engine)
        try shop.addWarehouse("HZ", priority: 0)
        try shop.stock("A", 5, in: "HZ")
        try shop.ingest([makeTrade("T1", lines: [("A", 1, 5000)])])
        try shop.waybill()

        #expect(
            throws: LabelError(
                code: .noSender,
                detail: "warehouse HZ has no sender address for labels; "
                    + "set one with zhanggui warehouse sender HZ --name NAME --phone PHONE --address STREET",
                warehouseCodes: ["HZ"]
            )
        ) { _ = try shop.print(.unprinted) }
        #expect(try shop.count("SELECT COUNT(*) FROM print_batches") == 0)
    }

    @Test("when the PDF cannot be delivered, no print is recorded", arguments: Engine.all)
    func failedDeliveryRecordsNothing(engine: Engine) throws {
        let shop = try TestShop.readyToPrint(engine)
        try shop.ingest([makeTrade("T1", lines: [("A", 1, 5000)])])
        try shop.waybill()
        struct DiskFull: Error {}

        #expect(throws: DiskFull.self) {
            _ = try shop.labels.print(.unprinted, companyID: shop.companyID, actor: shop.clerk) { _ in
                throw DiskFull()
            }
        }

        #expect(try shop.count("SELECT COUNT(*) FROM label_prints") == 0)
        #expect(try shop.print(.unprinted).batchNumber == 1)
    }

    @Test("unknown batches, unknown waybills and labels never printed are refused by name", arguments: Engine.all)
    func refusals(engine: Engine) throws {
        let shop = try TestShop.readyToPrint(engine)
        try shop.ingest([makeTrade("T1", lines: [("A", 1, 5000)])])
        try shop.waybill()

        #expect(throws: LabelError(code: .unknownBatch, detail: "there is no print batch 7")) {
            _ = try shop.print(.batch(7))
        }
        #expect(throws: LabelError(code: .unknownWaybill, detail: "no parcel has waybill number ZG9")) {
            _ = try shop.print(.waybills(["ZG9"]))
        }
        #expect(
            throws: LabelError(
                code: .notPrinted,
                detail: "the label of ZG000000000001 was never printed; print it with the other new labels"
            )
        ) { _ = try shop.print(.waybills(["ZG000000000001"])) }
    }
}

/// A courier that returns 三段码 and 集包地 with its numbers, as 中通 does.
private struct RoutingCourier: Courier {
    let code = "ZTO"

    func issueWaybills(for requests: [WaybillRequest], companyID: Int64, connection: any DatabaseConnection) throws
        -> [String]
    {
        requests.map { "7310019661\($0.shipmentID)" }
    }

    func issueRoutedWaybills(for requests: [WaybillRequest], companyID: Int64, connection: any DatabaseConnection)
        throws -> [IssuedWaybill]
    {
        try issueWaybills(for: requests, companyID: companyID, connection: connection).map {
            IssuedWaybill(number: $0, sortCode: "300-H12 09", bagCentre: "上海转运中心")
        }
    }
}

@Suite("The courier's sorting code goes on the label")
struct CourierRoutingTests {
    @Test(
        "a courier's 三段码 and 集包地 are stored with the waybill and printed, on its 76 × 130 label",
        arguments: Engine.all
    )
    func routingOnLabel(engine: Engine) throws {
        let shop = try TestShop.readyToPrint(engine)
        try shop.ingest([makeTrade("T1", lines: [("A", 1, 5000)])])
        _ = try shop.review.reviewPending(companyID: shop.companyID)
        _ = try AllocationService(database: shop.database).allocateApproved(companyID: shop.companyID)
        _ = try WaybillService(database: shop.database, courier: RoutingCourier()).waybillAllocated(
            companyID: shop.companyID
        )

        let printed = try shop.print(.unprinted)

        let labels = try shop.labels.labels(.batch(1), companyID: shop.companyID)
        #expect(labels.map(\.sortingCode) == ["300-H12 09"])
        #expect(labels.map(\.bagCentre) == ["上海转运中心"])
        #expect(labels.map(\.size) == [.small])
        let text = try PDFTools.pageTexts(printed.pdf)[0].filter { !$0.isWhitespace }
        #expect(text.contains("300-H1209") && text.contains("集包地上海转运中心") && text.contains("中通快递"))
        #expect(try PDFTools.barcodes(printed.pdf, page: 1) == ["73100196611"])
    }
}

@Suite("A parcel given a new waybill number after a cancellation gets a new label")
struct RenumberedLabelTests {
    @Test(
        "the renumbered parcel is a first print in the next batch, and the old batch no longer reprints it",
        arguments: Engine.all
    )
    func renumberedParcelPrintsAgain(engine: Engine) throws {
        let shop = try TestShop.readyToPrint(engine)
        try shop.ingest([makeTrade("T1", lines: [("A", 1, 5000)])])
        try shop.waybill()
        _ = try shop.print(.unprinted)
        let shipment = try shop.count("SELECT id FROM shipments")
        let couriers = CourierWaybillService(
            database: shop.database,
            accounts: CourierAccounts(database: shop.database, box: nil),
            makeClient: { _, _, _ in throw CourierError(code: .unreachable, courierCode: "", detail: "no network") }
        )

        try couriers.cancelWaybill(shipmentID: shipment, companyID: shop.companyID)
        try shop.waybill()
        let printed = try shop.print(.unprinted)

        // The range gave number 1 first, then number 2 to the same parcel.
        #expect(!printed.isReprint && printed.batchNumber == 2 && printed.waybills == ["ZG000000000002"])
        #expect(try PDFTools.barcodes(printed.pdf, page: 1) == ["ZG000000000002"])
        #expect(try shop.count("SELECT COUNT(*) FROM label_prints WHERE is_reprint = 0") == 2)
        #expect(throws: LabelError(code: .nothingToPrint, detail: "every waybilled parcel has its label printed")) {
            _ = try shop.print(.unprinted)
        }
        #expect(
            throws: LabelError(
                code: .nothingToPrint,
                detail: "every label of print batch 1 carries a cancelled waybill number; "
                    + "the parcels' labels with their new numbers are in later batches"
            )
        ) { _ = try shop.print(.batch(1)) }
        let again = try shop.print(.waybills(["ZG000000000002"]))
        #expect(again.isReprint && again.batchNumber == 2)
    }
}
