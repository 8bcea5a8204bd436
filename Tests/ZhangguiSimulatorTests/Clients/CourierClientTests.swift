import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiServices
import ZhangguiSimulator

/// The product's courier clients (over libcurl) against the simulated 顺丰 丰桥 and 中通 ZOP on 127.0.0.1.
@Suite(.serialized) struct CourierClientTests {
    static let sender = CourierContact(
        name: "掌柜仓",
        mobile: "13800000000",
        province: "浙江省",
        city: "杭州市",
        district: "余杭区",
        address: "仓前街道 1 号"
    )

    static func parcel(_ key: String, province: String = "广东省", city: String = "深圳市") -> CourierParcel {
        CourierParcel(
            requestKey: key,
            sender: sender,
            receiver: CourierContact(
                name: "收件人",
                mobile: "13900000000",
                province: province,
                city: city,
                district: "某区",
                address: "某路 8 号"
            ),
            weightGrams: 1250,
            valueFen: 2500,
            items: [CourierItem(name: "测试商品", count: 2)]
        )
    }

    static func sf(_ host: SimulatorHost, checkWord: String = "check-word") -> SFClient {
        SFClient(
            settings: SFSettings(endpoint: host.courierURL + "/std/service", partnerID: "P1", checkWord: checkWord)
        )
    }

    static func zto(_ host: SimulatorHost, secret: String = "zto-secret", password: String = "pw") -> ZTOClient {
        ZTOClient(
            settings: ZTOSettings(
                endpoint: host.courierURL,
                appKey: "zk",
                appSecret: secret,
                accountID: "A1",
                accountPassword: password
            )
        )
    }

    static func host() throws -> SimulatorHost {
        let host = try SimulatorHost(basePort: 0)
        host.simulator.couriers.addSFAccount(partnerID: "P1", checkWord: "check-word")
        host.simulator.couriers.addZTOApplication(appKey: "zk", appSecret: "zto-secret", accounts: ["A1": "pw"])
        return host
    }

    @Test("顺丰 gives two receivers two numbers, and the same orderId its first number again")
    func sfIssue() throws {
        let host = try Self.host()
        defer { host.stop() }
        let client = Self.sf(host)
        let first = try client.issueWaybill(for: Self.parcel("ZG1S1A0"))
        let second = try client.issueWaybill(for: Self.parcel("ZG1S2A0", province: "北京市", city: "北京市"))
        let again = try client.issueWaybill(for: Self.parcel("ZG1S1A0"))
        // The simulator numbers 丰桥 waybills SF14 + a 10-digit serial.
        #expect(first.number == "SF140000000001")
        #expect(second.number == "SF140000000002")
        #expect(again == first)
        #expect(first.sortCode != second.sortCode)
        #expect(first.bagCentre == "广东省集包中心")
        let stored = host.simulator.couriers.waybills()
        #expect(stored.map(\.sortCode) == [first.sortCode, second.sortCode].compactMap { $0 })
    }

    @Test("顺丰 refuses a digest made with the wrong check word (A1006)")
    func sfWrongDigest() throws {
        let host = try Self.host()
        defer { host.stop() }
        #expect(throws: CourierError(code: .refused, courierCode: "SF", detail: "A1006 数字签名无效")) {
            try Self.sf(host, checkWord: "wrong").issueWaybill(for: Self.parcel("K"))
        }
    }

    @Test("顺丰 cancels an order once (dealType 2), and reads its route back as events")
    func sfCancelAndRoutes() throws {
        let host = try Self.host()
        defer { host.stop() }
        let client = Self.sf(host)
        let waybill = try client.issueWaybill(for: Self.parcel("K1"))
        try host.simulator.couriers.advanceRoute(waybill: waybill.number, action: "50", time: "2026-12-01 10:00:00")
        try host.simulator.couriers.advanceRoute(waybill: waybill.number, action: "44", time: "2026-12-02 08:00:00")
        let events = try client.routes(of: [waybill.number])
        #expect(events.map(\.status) == [.collected, .delivering])
        #expect(events.map(\.courierAction) == ["50", "44"])
        try client.cancelWaybill(waybill.number, requestKey: "K1")
        #expect(host.simulator.couriers.waybills().first?.isCancelled == true)
        #expect(throws: CourierError(code: .refused, courierCode: "SF", detail: "SIM404 no live order K1")) {
            try client.cancelWaybill(waybill.number, requestKey: "K1")
        }
    }

    @Test("a courier that is down is unreachable, not a refusal")
    func down() throws {
        let host = try Self.host()
        defer { host.stop() }
        host.simulator.couriers.setUp("SF", false)
        host.simulator.couriers.setUp("ZTO", false)
        #expect(throws: CourierError(code: .unreachable, courierCode: "SF", detail: "HTTP 503")) {
            try Self.sf(host).issueWaybill(for: Self.parcel("K"))
        }
        #expect(throws: CourierError(code: .unreachable, courierCode: "ZTO", detail: "HTTP 503")) {
            try Self.zto(host).issueWaybill(for: Self.parcel("K"))
        }
    }

    @Test("中通 issues with 大头笔 and 集包地, the same partnerOrderCode keeps its number, and cancels")
    func ztoIssueAndCancel() throws {
        let host = try Self.host()
        defer { host.stop() }
        let client = Self.zto(host)
        let first = try client.issueWaybill(for: Self.parcel("Z1"))
        let again = try client.issueWaybill(for: Self.parcel("Z1"))
        #expect(first.number == "75310000000001")
        #expect(again == first)
        #expect(first.bagCentre == "广东省集包中心")
        #expect(first.sortCode == host.simulator.couriers.waybills().first?.sortCode)
        try client.subscribeTracking(first.number, phoneTail: "0000")
        try client.cancelWaybill(first.number, requestKey: "Z1")
        #expect(host.simulator.couriers.waybills().first?.isCancelled == true)
    }

    @Test("中通 refuses a wrong secret with S211 and an unbound account with E404")
    func ztoRefusals() throws {
        let host = try Self.host()
        defer { host.stop() }
        #expect(throws: CourierError(code: .refused, courierCode: "ZTO", detail: "S211 签名错误")) {
            try Self.zto(host, secret: "wrong").issueWaybill(for: Self.parcel("Z"))
        }
        #expect(throws: CourierError(code: .refused, courierCode: "ZTO", detail: "E404 未绑定电子面单账号")) {
            try Self.zto(host, password: "wrong").issueWaybill(for: Self.parcel("Z"))
        }
    }

    @Test("圆通 through 菜鸟: cainiao.waybill.ii.get signed as TOP gives a YTO number with routing, and cancels")
    func cainiaoYTO() throws {
        let host = try Self.host()
        defer { host.stop() }
        let world = host.simulator.world
        let shop = SimShop(shopID: "tb1", platform: .taobao, appKey: "tk", appSecret: "ts", signSecret: "")
        world.addShop(shop)
        let grant = try world.issueGrant(shopID: "tb1")
        let credentials = ShopCredentials(
            platform: .taobao,
            appKey: "tk",
            appSecret: "ts",
            authorization: ShopAuthorization(accessToken: grant.accessToken, accessExpiresAtMillis: Int64.max),
            endpoint: host.url(for: .taobao) + "/router/rest"
        )
        let client = CainiaoWaybillClient(
            credentials: credentials,
            carrierCode: "YTO",
            templateURL: "http://cloudprint.cainiao.com/template/standard/101",
            clock: { world.nowMillis }
        )
        let first = try client.issueWaybill(for: Self.parcel("C1"))
        let again = try client.issueWaybill(for: Self.parcel("C1"))
        // The simulator numbers 圆通 waybills YT + a 10-digit serial.
        #expect(first.number == "YT0000000001")
        #expect(again == first)
        #expect(first.bagCentre == "广东省集包中心")
        #expect(first.sortCode == host.simulator.couriers.waybills().first?.sortCode)
        try client.cancelWaybill(first.number, requestKey: "C1")
        #expect(host.simulator.couriers.waybills().first?.isCancelled == true)
        #expect(throws: CourierError.self) { try client.cancelWaybill(first.number, requestKey: "C1") }
    }

    @Test("圆通 through 拼多多: pdd.waybill.get signed as PDD gives a number for the object_id, and cancels once")
    func pddYTO() throws {
        let host = try Self.host()
        defer { host.stop() }
        let world = host.simulator.world
        world.addShop(SimShop(shopID: "pdd1", platform: .pinduoduo, appKey: "pk", appSecret: "ps", signSecret: ""))
        let grant = try world.issueGrant(shopID: "pdd1")
        let credentials = ShopCredentials(
            platform: .pinduoduo,
            appKey: "pk",
            appSecret: "ps",
            authorization: ShopAuthorization(accessToken: grant.accessToken, accessExpiresAtMillis: Int64.max),
            endpoint: host.url(for: .pinduoduo) + "/api/router"
        )
        let client = PDDWaybillClient(
            credentials: credentials,
            carrierCode: "YTO",
            templateURL: "https://file-link.pinduoduo.com/yto_one",
            clock: { world.nowMillis }
        )
        let first = try client.issueWaybill(for: Self.parcel("P1", province: "北京市", city: "北京市"))
        let again = try client.issueWaybill(for: Self.parcel("P1", province: "北京市", city: "北京市"))
        #expect(first.number == "YT0000000001")
        #expect(again == first)
        #expect(first.bagCentre == "北京市集包中心")
        try client.cancelWaybill(first.number, requestKey: "P1")
        #expect(host.simulator.couriers.waybills().first?.isCancelled == true)
        #expect(throws: CourierError.self) { try client.cancelWaybill(first.number, requestKey: "P1") }
    }

    @Test("中通 through 抖店: logistics.newCreateOrder gives track_no with sort_code and 集包地, and cancels")
    func doudianZTO() throws {
        let host = try Self.host()
        defer { host.stop() }
        let world = host.simulator.world
        world.addShop(SimShop(shopID: "dd1", platform: .doudian, appKey: "dk", appSecret: "ds", signSecret: ""))
        let grant = try world.issueGrant(shopID: "dd1")
        let credentials = ShopCredentials(
            platform: .doudian,
            appKey: "dk",
            appSecret: "ds",
            authorization: ShopAuthorization(accessToken: grant.accessToken, accessExpiresAtMillis: Int64.max),
            endpoint: host.url(for: .doudian)
        )
        let client = DoudianWaybillClient(
            credentials: credentials,
            carrierCode: "zhongtong",
            clock: { world.nowMillis }
        )
        let first = try client.issueWaybill(for: Self.parcel("D1"))
        let again = try client.issueWaybill(for: Self.parcel("D1"))
        // Carriers the simulator has no number format for are numbered with their code + a 10-digit serial.
        #expect(first.number == "zhongtong0000000001")
        #expect(again == first)
        #expect(first.bagCentre == "广东省集包中心")
        #expect(first.sortCode == host.simulator.couriers.waybills().first?.sortCode)
        try client.cancelWaybill(first.number, requestKey: "D1")
        #expect(host.simulator.couriers.waybills().first?.isCancelled == true)
    }
}
