import Foundation
import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiServices
import ZhangguiSimulator
import ZhangguiStore
import ZhangguiTestSupport

/// Couriers' tracking reaching us, on both engines: 中通 and 顺丰 pushes to the hook of `zhanggui serve` (a real
/// server on 127.0.0.1, posted to over libcurl), and polling 顺丰's routes on the simulator.
@Suite(.serialized) struct CourierPushAndPollTests {
    /// The waybill bench with order T1 to 广东省 shipped through 中通 (by rule) and T2 to 北京市 through 顺丰 (the
    /// company default), and the server's routes with the push hooks on a free port.
    final class Hooks: Sendable {
        let bench: CourierWaybillTests.Bench
        let server: HTTPServer
        let log = MemoryLogSink()

        init(_ engine: Engine) throws {
            bench = try CourierWaybillTests.Bench(engine)
            try bench.accounts.saveRule(
                CourierRule(priority: 10, name: "广东走中通", accountCode: "zto", provinces: ["广东省"]),
                companyID: bench.companyID
            )
            try bench.allocate([
                CourierWaybillTests.trade("T1", "甲示例", province: "广东省", city: "深圳市", address: "示例路1号"),
                CourierWaybillTests.trade("T2", "乙示例", province: "北京市", city: "北京市", address: "样例街22号"),
            ])
            _ = try bench.service.waybillAllocated(companyID: bench.companyID)
            _ = try ShippingService(database: bench.database).shipWaybilled(companyID: bench.companyID)
            var settings = ZhangguiAPI.Settings(checkAddress: { _, _, _ in .valid(divisionCode: "310101") })
            settings.courierPushes = CourierPushService(
                database: bench.database,
                accounts: bench.accounts,
                readers: CourierClientFactory.pushReaders
            )
            let api = ZhangguiAPI(database: bench.database, schemaVersion: 0, settings: settings)
            server = try HTTPServer(
                configuration: HTTPServer.Configuration(port: 0, logger: Logger(sink: log)),
                router: api.siteRouter
            )
        }

        var companyID: Int64 { bench.companyID }

        func waybill(_ order: String) throws -> String {
            try bench.database.read { connection in
                try connection.queryOne(
                    "SELECT s.waybill_no FROM shipments s JOIN trades t ON t.shipment_id = s.id "
                        + "WHERE t.platform_order_id = ?",
                    order
                )!.string(0)
            }
        }

        /// The parcel's state and the order's delivery time.
        func tracking(_ order: String) throws -> (status: String?, deliveredAt: Int64?) {
            try bench.database.read { connection in
                let row = try connection.queryOne(
                    "SELECT s.tracking_status, t.delivered_at FROM shipments s JOIN trades t ON t.shipment_id = s.id "
                        + "WHERE t.platform_order_id = ?",
                    order
                )!
                return (row.optionalString(0), row.optionalInt(1))
            }
        }

        func eventCount() throws -> Int64 {
            try bench.database.read { connection in
                try connection.queryOne("SELECT COUNT(*) FROM tracking_events WHERE company_id = ?", companyID)!.int(0)
            }
        }

        /// Posts a 中通 `Traces` push of `data`, signed with `secret`, to the `zto` account's hook.
        func pushZTO(_ data: String, secret: String = "zs") throws -> OutboundResponse {
            let fields = [
                ("data", data), ("data_digest", ZTOSigner.dataDigest(body: data, appSecret: secret)),
                ("company_id", "ZTO-PARTNER"), ("msg_type", "Traces"),
            ]
            let url = server.url + "/hooks/couriers/\(companyID)/zto"
            return try CurlTransport().send(.postForm(url, parameters: fields))
        }

        /// Posts a 顺丰 route push of `routes` to the `sf` account's hook with `token`.
        func pushSF(_ routes: String, token: String) throws -> OutboundResponse {
            let url = server.url + "/hooks/couriers/\(companyID)/sf?token=" + FormEncoding.percentEncode(token)
            return try CurlTransport().send(.postJSON(url, json: #"{"Body":{"WaybillRoute":["# + routes + "]}}"))
        }

        deinit { server.stop(gracePeriod: .seconds(1)) }
    }

    /// 2026-12-05 10:00:00 北京时间 (UTC+8) is 02:00 UTC: 20,792 days after 1970-01-01 × 86,400 s + 7,200 s.
    static let signedAt: Int64 = 1_796_436_000

    static func ztoTrace(_ waybill: String, _ action: String, at time: String) -> String {
        #"{"billCode":"\#(waybill)","action":"\#(action)","actionTime":"\#(time)","desc":"快件已签收","city":"深圳市","#
            + #""facilityName":"深圳福田网点"}"#
    }

    @Test(
        "a 中通 push with the right digest signs the parcel for, and its only order is delivered",
        arguments: Engine.all
    )
    func ztoPushDelivers(engine: Engine) throws {
        let hooks = try Hooks(engine)
        let number = try hooks.waybill("T1")

        let answer = try hooks.pushZTO(Self.ztoTrace(number, "SIGNED", at: "2026-12-05 10:00:00"))

        #expect(answer.status == 200)
        #expect(answer.text == #"{"message":"成功","status":true}"#)
        let tracking = try hooks.tracking("T1")
        #expect(tracking.status == "delivered")
        #expect(tracking.deliveredAt == Self.signedAt)
        #expect(try hooks.tracking("T2").status == nil)
        let lines = hooks.log.lines.filter { $0.contains("courier.push.recorded") }
        #expect(lines.count == 1 && lines[0].contains("tracking.recorded=1"))
        #expect(!hooks.log.lines.joined().contains(number), "the log names no waybill")
    }

    @Test(
        "a 中通 push whose digest was made with another secret is refused with 401 and records nothing",
        arguments: Engine.all
    )
    func ztoWrongDigest(engine: Engine) throws {
        let hooks = try Hooks(engine)
        let number = try hooks.waybill("T1")

        let answer = try hooks.pushZTO(Self.ztoTrace(number, "SIGNED", at: "2026-12-05 10:00:00"), secret: "other")

        #expect(answer.status == 401)
        #expect(answer.text.contains(#""status":false"#))
        #expect(try hooks.eventCount() == 0)
        #expect(try hooks.tracking("T1").status == nil && hooks.tracking("T1").deliveredAt == nil)
        #expect(hooks.log.lines.contains { $0.contains("courier.push.refused") && $0.contains("badSignature") })
    }

    @Test("replaying a 中通 push stores nothing new and changes no state", arguments: Engine.all)
    func replayedPush(engine: Engine) throws {
        let hooks = try Hooks(engine)
        let data = Self.ztoTrace(try hooks.waybill("T1"), "SIGNED", at: "2026-12-05 10:00:00")
        _ = try hooks.pushZTO(data)
        let before = try hooks.tracking("T1")

        let again = try hooks.pushZTO(data)

        #expect(again.status == 200)
        #expect(try hooks.eventCount() == 1)
        #expect(try hooks.tracking("T1") == before)
        #expect(
            hooks.log.lines.last { $0.contains("courier.push.recorded") }?.contains("tracking.duplicates=1") == true
        )
    }

    @Test(
        "a 顺丰 push with a wrong token is refused; with the account's token it moves the parcel",
        arguments: Engine.all
    )
    func sfPushToken(engine: Engine) throws {
        let hooks = try Hooks(engine)
        let number = try hooks.waybill("T2")
        let route =
            #"{"mailno":"\#(number)","acceptTime":"2026-12-05 08:00:00","acceptAddress":"北京市","#
            + #""remark":"快件交给派送员","opCode":"44"}"#

        let refused = try hooks.pushSF(route, token: "not-the-token")
        let countAfterRefusal = try hooks.eventCount()
        let token = try #require(try hooks.bench.accounts.hookToken(accountCode: "sf", companyID: hooks.companyID))
        let taken = try hooks.pushSF(route, token: token)

        #expect(refused.status == 401)
        #expect(refused.text.contains(#""return_code":"1000""#))
        #expect(countAfterRefusal == 0)
        #expect(taken.status == 200)
        #expect(taken.text == #"{"return_code":"0000","return_msg":"成功"}"#)
        #expect(try hooks.tracking("T2").status == "delivering")
        #expect(!hooks.log.lines.joined().contains(token), "the log never holds the token")
    }

    @Test("a push about a waybill that is not ours is answered 200 and records nothing", arguments: Engine.all)
    func unknownWaybill(engine: Engine) throws {
        let hooks = try Hooks(engine)

        let answer = try hooks.pushZTO(Self.ztoTrace("75319999999999", "SIGNED", at: "2026-12-05 10:00:00"))

        #expect(answer.status == 200)
        #expect(try hooks.eventCount() == 0)
        #expect(hooks.log.lines.contains { $0.contains("tracking.unknown_waybills=1") })
    }

    @Test("polling 顺丰 after the simulator advances the route moves the parcel to delivered", arguments: Engine.all)
    func sfPolling(engine: Engine) throws {
        let hooks = try Hooks(engine)
        let number = try hooks.waybill("T2")
        let couriers = hooks.bench.host.simulator.couriers
        try couriers.advanceRoute(waybill: number, action: "50", time: "2026-12-04 18:00:00", remark: "顺丰已收取快件")
        try couriers.advanceRoute(waybill: number, action: "80", time: "2026-12-05 10:00:00", remark: "已签收")
        let job = TrackingPollJob(box: hooks.bench.box, makeQuery: CourierClientFactory.routeQueryMaker)
        let context = JobContext(database: hooks.bench.database, companyID: hooks.companyID, tick: 1, runID: 1, now: 0)

        let summary = try job.run(context)
        let again = try job.run(context)

        // T2's 顺丰 parcel is asked about; T1's 中通 parcel is not (中通 pushes).
        #expect(summary == "1 parcels asked, 2 events recorded, 1 parcels moved")
        #expect(try hooks.tracking("T2") == ("delivered", Self.signedAt))
        #expect(again == "0 parcels asked, 0 events recorded, 0 parcels moved", "a delivered parcel is not asked again")
    }

    @Test("a 顺丰 that is down is counted in the run's summary, not thrown", arguments: Engine.all)
    func sfDown(engine: Engine) throws {
        let hooks = try Hooks(engine)
        hooks.bench.host.simulator.couriers.setUp("SF", false)
        let job = TrackingPollJob(box: hooks.bench.box, makeQuery: CourierClientFactory.routeQueryMaker)
        let context = JobContext(database: hooks.bench.database, companyID: hooks.companyID, tick: 1, runID: 1, now: 0)

        let summary = try job.run(context)

        #expect(
            summary == "1 parcels asked, 0 events recorded, 0 parcels moved, 1 calls failed (last: account sf: "
                + "courier SF: HTTP 503)"
        )
        #expect(try hooks.eventCount() == 0)
    }

    @Test("saving a 顺丰 account again keeps its hook token, so the URL given to 丰桥 stays right")
    func tokenKept() throws {
        let hooks = try Hooks(.sqlite)
        let before = try hooks.bench.accounts.hookToken(accountCode: "sf", companyID: hooks.companyID)
        let credentials = CourierCredentials(
            endpoint: hooks.bench.host.courierURL + "/std/service",
            fields: ["partnerID": "P1", "checkWord": "cw2"]
        )

        try hooks.bench.accounts.save(
            code: "sf",
            service: .sf,
            carrierCode: "SF",
            credentials: credentials,
            isDefault: true,
            companyID: hooks.companyID
        )

        let after = try hooks.bench.accounts.hookToken(accountCode: "sf", companyID: hooks.companyID)
        #expect(before?.count == 43, "32 random bytes in unpadded base64url")
        #expect(after == before)
        #expect(try hooks.bench.accounts.hookToken(accountCode: "zg", companyID: hooks.companyID) == nil)
    }
}
