import Foundation
import Testing
import ZhangguiAdapters
import ZhangguiChannels
import ZhangguiCore
import ZhangguiSecurity
import ZhangguiServices
import ZhangguiSimulator
import ZhangguiStore
import ZhangguiTestSupport

/// The waybill step through real courier clients against the simulated 顺丰 and 中通 on 127.0.0.1, on both engines:
/// accounts chosen by rule, numbers and routing on labels, a courier down, a crash between call and store, and
/// cancellation.
@Suite(.serialized) struct CourierWaybillTests {
    /// A company with warehouse MAIN (sender in 杭州), SKUs A and B in stock, accounts `sf` (丰桥) and `zto` (ZOP)
    /// on the simulator, and an offline range account `zg`.
    final class Bench: Sendable {
        let host: SimulatorHost
        let database: TestDatabase
        let companyID: Int64
        let box: SecretBox
        let accounts: CourierAccounts
        let service: CourierWaybillService

        init(_ engine: Engine) throws {
            host = try SimulatorHost(basePort: 0)
            host.simulator.couriers.addSFAccount(partnerID: "P1", checkWord: "cw")
            host.simulator.couriers.addZTOApplication(appKey: "zk", appSecret: "zs", accounts: ["A1": "pw"])
            database = try engine.makeDatabase()
            try Migrator.migrate(database)
            let setup = CompanySetup(database: database)
            companyID = try setup.createCompany(name: "快递店")
            try setup.addWarehouse(
                Warehouse(code: "MAIN", name: "MAIN", priority: 1, regions: []),
                companyID: companyID
            )
            try setup.setWaybillRange(courierCode: "ZG", prefix: "ZG", first: 1, last: 999, companyID: companyID)
            let sender = Sender(
                name: "掌柜仓",
                phone: "057100000000",
                province: "浙江省",
                city: "杭州市",
                district: "余杭区",
                address: "仓前街道 1 号"
            )
            try LabelService(database: database, renderer: PDFLabelRenderer())
                .setSender(sender, warehouseCode: "MAIN", companyID: companyID)
            box = try SecretBox(key: try SecureRandom.bytes(32))
            accounts = CourierAccounts(database: database, box: box)
            service = CourierWaybillService(
                database: database,
                accounts: accounts,
                makeClient: CourierClientFactory.maker
            )
            try addStock()
            try addAccounts()
        }

        private func addStock() throws {
            try database.write { connection in
                var report = ImportReport(kind: "products", file: "test")
                let drafts = ["A", "B"].enumerated().map { index, code in
                    ProductDraft(row: index + 2, sku: SKU(code: code, name: "商品\(code)", listPrice: Money(fen: 1000)))
                }
                try CatalogService().add(drafts, into: &report, companyID: companyID, connection: connection)
                let context = try CompanyContext.load(companyID, from: connection)
                var opening = ImportReport(kind: "opening", file: "test")
                let lines = ["A", "B"].enumerated().map { index, code in
                    OpeningStockLine(
                        row: index + 2,
                        warehouseCode: "MAIN",
                        skuCode: code,
                        quantity: 50,
                        unitCost: Money(fen: 500)
                    )
                }
                try OpeningStockService().receive(lines, into: &opening, context: context, connection: connection)
            }
        }

        private func addAccounts() throws {
            let sf = CourierCredentials(
                endpoint: host.courierURL + "/std/service",
                fields: ["partnerID": "P1", "checkWord": "cw"]
            )
            let zto = CourierCredentials(
                endpoint: host.courierURL,
                fields: ["appKey": "zk", "appSecret": "zs", "accountID": "A1", "accountPassword": "pw"]
            )
            try accounts.save(
                code: "sf",
                service: .sf,
                carrierCode: "SF",
                credentials: sf,
                isDefault: true,
                companyID: companyID
            )
            try accounts.save(
                code: "zto",
                service: .zto,
                carrierCode: "ZTO",
                credentials: zto,
                isDefault: false,
                companyID: companyID
            )
            try accounts.save(
                code: "zg",
                service: .offline,
                carrierCode: "ZG",
                credentials: CourierCredentials(),
                isDefault: false,
                companyID: companyID
            )
        }

        /// Stores trades, reviews and allocates them.
        func allocate(_ trades: [Trade]) throws {
            try database.write { connection in
                let context = try CompanyContext.load(companyID, from: connection)
                _ = try OrderIntake().ingest(trades, source: "test", context: context, connection: connection)
            }
            let anywhere: AddressChecker = { _, _, _ in .valid(divisionCode: "310101") }
            _ = try ReviewService(database: database, checkAddress: anywhere).reviewPending(companyID: companyID)
            _ = try AllocationService(database: database).allocateApproved(companyID: companyID)
        }

        func labels() throws -> [ShippingLabel] {
            try LabelService(database: database, renderer: PDFLabelRenderer()).labels(.unprinted, companyID: companyID)
        }

        func shipmentID(_ order: String) throws -> Int64 {
            try database.read {
                try $0.queryOne("SELECT shipment_id FROM trades WHERE platform_order_id = ?", order)!.int(0)
            }
        }

        deinit { host.stop() }
    }

    static func trade(_ id: String, _ name: String, province: String, city: String, address: String) -> Trade {
        Trade(
            platformOrderID: id,
            shopCode: "SHOP",
            orderedAt: 1_700_000_000,
            paidAt: 1_700_000_060,
            receiver: Receiver(
                name: name,
                phone: "13800138000",
                province: province,
                city: city,
                district: "某区",
                address: address
            ),
            lines: [TradeLine(merchantCode: "A", quantity: 1, unitPrice: Money(fen: 5000))],
            discount: Money(fen: 0),
            freight: Money(fen: 0)
        )
    }

    @Test(
        "two orders to different receivers waybilled together through 顺丰 give two labels, two numbers, two addresses",
        arguments: Engine.all
    )
    func twoReceivers(engine: Engine) throws {
        let bench = try Bench(engine)
        try bench.allocate([
            Self.trade("T1", "甲示例", province: "广东省", city: "深圳市", address: "示例路1号"),
            Self.trade("T2", "乙示例", province: "北京市", city: "北京市", address: "样例街22号"),
        ])

        let summary = try bench.service.waybillAllocated(companyID: bench.companyID)

        #expect(summary.issued == 2 && summary.waiting.isEmpty)
        let labels = try bench.labels()
        // The simulator numbers 丰桥 waybills SF14 + a 10-digit serial, and routes them by the receiver's province.
        #expect(labels.map(\.waybillNumber) == ["SF140000000001", "SF140000000002"])
        #expect(labels.map(\.receiver.name) == ["甲示例", "乙示例"])
        #expect(labels.map(\.receiver.address) == ["示例路1号", "样例街22号"])
        #expect(labels.map(\.bagCentre) == ["广东省集包中心", "北京市集包中心"])
        #expect(labels[0].sortingCode != labels[1].sortingCode)
        #expect(
            bench.host.simulator.couriers.waybills().map(\.requestKey) == [
                "ZG\(bench.companyID)S\(try bench.shipmentID("T1"))A0",
                "ZG\(bench.companyID)S\(try bench.shipmentID("T2"))A0",
            ]
        )
        let explained = try bench.service.explain(shipmentID: try bench.shipmentID("T1"), companyID: bench.companyID)
        #expect(explained?.reason == "company default")
    }

    @Test("a rule sends 广东省 to 中通 and an offline range takes 上海, each reason recorded", arguments: Engine.all)
    func rules(engine: Engine) throws {
        let bench = try Bench(engine)
        try bench.accounts.saveRule(
            CourierRule(priority: 10, name: "广东走中通", accountCode: "zto", provinces: ["广东省"]),
            companyID: bench.companyID
        )
        try bench.accounts.saveRule(
            CourierRule(priority: 20, name: "上海走号段", accountCode: "zg", cities: ["上海市"]),
            companyID: bench.companyID
        )
        try bench.allocate([
            Self.trade("T1", "甲示例", province: "广东省", city: "深圳市", address: "示例路1号"),
            Self.trade("T2", "乙示例", province: "上海", city: "上海市", address: "样例街22号"),
        ])

        let summary = try bench.service.waybillAllocated(companyID: bench.companyID)

        #expect(summary.issued == 2)
        let labels = try bench.labels()
        #expect(labels.map(\.courierCode) == ["ZTO", "ZG"])
        #expect(labels.map(\.waybillNumber) == ["75310000000001", "ZG000000000001"])
        let first = try bench.service.explain(shipmentID: try bench.shipmentID("T1"), companyID: bench.companyID)
        #expect(first?.reason == "rule 10 广东走中通: province 广东省")
    }

    @Test("顺丰 down: the order waits with 顺丰's error, then gets its number once 顺丰 is back", arguments: Engine.all)
    func courierDown(engine: Engine) throws {
        let bench = try Bench(engine)
        try bench.allocate([Self.trade("T1", "甲示例", province: "广东省", city: "深圳市", address: "示例路1号")])
        bench.host.simulator.couriers.setUp("SF", false)

        let down = try bench.service.waybillAllocated(companyID: bench.companyID)

        let shipment = try bench.shipmentID("T1")
        #expect(down.issued == 0)
        #expect(down.waiting == [WaitingShipment(shipmentID: shipment, reason: "courier SF: HTTP 503")])
        #expect(
            try bench.service.explain(shipmentID: shipment, companyID: bench.companyID)?.error == "courier SF: HTTP 503"
        )
        bench.host.simulator.couriers.setUp("SF", true)
        let back = try bench.service.waybillAllocated(companyID: bench.companyID)
        #expect(back.issued == 1)
        #expect(try bench.labels().map(\.waybillNumber) == ["SF140000000001"])
    }

    @Test("a crash after 顺丰 answered and before the store: the next run gets the same number, not a second")
    func crashBetweenCallAndStore() throws {
        let bench = try Bench(.sqlite)
        try bench.allocate([Self.trade("T1", "甲示例", province: "广东省", city: "深圳市", address: "示例路1号")])
        bench.host.simulator.couriers.setUp("SF", false)
        _ = try bench.service.waybillAllocated(companyID: bench.companyID)
        bench.host.simulator.couriers.setUp("SF", true)
        // The courier issues for the stored request key, as if our process had called and died before storing.
        let key = "ZG\(bench.companyID)S\(try bench.shipmentID("T1"))A0"
        let client = SFClient(
            settings: SFSettings(endpoint: bench.host.courierURL + "/std/service", partnerID: "P1", checkWord: "cw")
        )
        let lost = try client.issueWaybill(
            for: CourierParcel(
                requestKey: key,
                sender: CourierContact(
                    name: "x",
                    mobile: "1",
                    province: "浙江省",
                    city: "杭州市",
                    district: "",
                    address: "x"
                ),
                receiver: CourierContact(
                    name: "y",
                    mobile: "1",
                    province: "广东省",
                    city: "深圳市",
                    district: "",
                    address: "y"
                ),
                weightGrams: 0,
                valueFen: 0,
                items: []
            )
        )

        _ = try bench.service.waybillAllocated(companyID: bench.companyID)

        #expect(try bench.labels().map(\.waybillNumber) == [lost.number])
        #expect(bench.host.simulator.couriers.waybills().count == 1)
    }

    @Test(
        "cancelling tells 顺丰 (dealType 2), frees the parcel, and the next run asks with attempt 1",
        arguments: Engine.all
    )
    func cancel(engine: Engine) throws {
        let bench = try Bench(engine)
        try bench.allocate([Self.trade("T1", "甲示例", province: "广东省", city: "深圳市", address: "示例路1号")])
        _ = try bench.service.waybillAllocated(companyID: bench.companyID)
        let shipment = try bench.shipmentID("T1")

        let cancelled = try bench.service.cancelWaybill(shipmentID: shipment, companyID: bench.companyID)

        #expect(
            cancelled == WaybillCancellation(shipmentID: shipment, waybillNumber: "SF140000000001", toldCourier: true)
        )
        #expect(bench.host.simulator.couriers.waybills().map(\.isCancelled) == [true])
        let left = try bench.database.read { connection in
            try connection.queryOne(
                "SELECT COUNT(*) FROM shipments WHERE id = ? AND waybill_no IS NULL",
                shipment
            )!.int(0)
        }
        #expect(left == 1)
        _ = try bench.service.waybillAllocated(companyID: bench.companyID)
        #expect(try bench.labels().map(\.waybillNumber) == ["SF140000000002"])
        #expect(bench.host.simulator.couriers.waybills().last?.requestKey == "ZG\(bench.companyID)S\(shipment)A1")
    }

    @Test("a shipped parcel's waybill cannot be cancelled")
    func shippedRefused() throws {
        let bench = try Bench(.sqlite)
        try bench.allocate([Self.trade("T1", "甲示例", province: "广东省", city: "深圳市", address: "示例路1号")])
        _ = try bench.service.waybillAllocated(companyID: bench.companyID)
        _ = try ShippingService(database: bench.database).shipWaybilled(companyID: bench.companyID)
        let shipment = try bench.shipmentID("T1")

        #expect(
            throws: CourierError(code: .notCancellable, courierCode: "", detail: "shipment \(shipment) has shipped")
        ) {
            try bench.service.cancelWaybill(shipmentID: shipment, companyID: bench.companyID)
        }
        #expect(bench.host.simulator.couriers.waybills().map(\.isCancelled) == [false])
    }

    @Test("a rule sends 北京市 to 圆通, whose numbers come through 菜鸟 (cp_code YTO)", arguments: Engine.all)
    func ytoThroughCainiao(engine: Engine) throws {
        let bench = try Bench(engine)
        let world = bench.host.simulator.world
        world.addShop(SimShop(shopID: "tb1", platform: .taobao, appKey: "tk", appSecret: "ts", signSecret: ""))
        let grant = try world.issueGrant(shopID: "tb1")
        let credentials = CourierCredentials(
            endpoint: bench.host.url(for: .taobao) + "/router/rest",
            fields: [
                "appKey": "tk", "appSecret": "ts", "session": grant.accessToken,
                "templateURL": "http://cloudprint.cainiao.com/template/standard/101",
            ]
        )
        try bench.accounts.save(
            code: "yto",
            service: .cainiao,
            carrierCode: "YTO",
            credentials: credentials,
            isDefault: false,
            companyID: bench.companyID
        )
        try bench.accounts.saveRule(
            CourierRule(priority: 5, name: "北京走圆通", accountCode: "yto", provinces: ["北京市"]),
            companyID: bench.companyID
        )
        try bench.allocate([Self.trade("T1", "乙示例", province: "北京市", city: "北京市", address: "样例街22号")])

        let summary = try bench.service.waybillAllocated(companyID: bench.companyID)

        #expect(summary.issued == 1)
        let labels = try bench.labels()
        #expect(labels.map(\.courierCode) == ["YTO"])
        #expect(labels.map(\.waybillNumber) == ["YT0000000001"])
        #expect(labels.map(\.bagCentre) == ["北京市集包中心"])
    }
}
