import Foundation
import Testing
import ZhangguiChannels
import ZhangguiCore

/// Couriers' tracking pushes read into events: times converted from 北京时间, codes mapped as the spec lists them.
@Suite struct CourierTrackingTests {
    /// 2026-12-01 10:00:00 GMT+8 = 2026-12-01 02:00:00 UTC.
    static let tenOClock = Date(timeIntervalSince1970: 1_796_090_400)
    /// 2026-12-02 09:30:05 GMT+8 = 2026-12-02 01:30:05 UTC.
    static let signedAt = Date(timeIntervalSince1970: 1_796_175_005)

    @Test("a 顺丰 route push gives one event per known opCode and lists the unknown ones")
    func sfPush() throws {
        let body = """
            {"Body":{"WaybillRoute":[
            {"mailno":"SF1000000001","orderid":"ZG1S2A0","acceptTime":"2026-12-01 10:00:00",
             "acceptAddress":"深圳市","remark":"顺丰速运 已收取快件","opCode":"50"},
            {"mailno":"SF1000000001","acceptTime":"2026-12-01 10:05:00","remark":"x","opCode":"99"},
            {"mailno":"SF1000000001","acceptTime":"2026-12-02 09:30:05","acceptAddress":"","remark":"已签收",
             "opCode":"80"}]}}
            """
        let reading = try SFTracking.reading(fromPush: Array(body.utf8))
        #expect(
            reading.events == [
                TrackingEvent(
                    courierCode: "SF",
                    waybillNumber: "SF1000000001",
                    occurredAt: Self.tenOClock,
                    status: .collected,
                    courierAction: "50",
                    detail: "顺丰速运 已收取快件",
                    place: "深圳市"
                ),
                TrackingEvent(
                    courierCode: "SF",
                    waybillNumber: "SF1000000001",
                    occurredAt: Self.signedAt,
                    status: .delivered,
                    courierAction: "80",
                    detail: "已签收",
                    place: nil
                ),
            ]
        )
        #expect(reading.unknownActions == ["99"])
    }

    @Test("顺丰's opCodes 30, 31, 44 read as in transit, in transit and delivering")
    func sfCodes() {
        #expect(SFTracking.statusByOpCode["30"] == .inTransit)
        #expect(SFTracking.statusByOpCode["31"] == .inTransit)
        #expect(SFTracking.statusByOpCode["44"] == .delivering)
    }

    @Test("a 顺丰 push without a time names the field")
    func sfMissingTime() {
        let body = #"{"Body":{"WaybillRoute":[{"mailno":"SF1","opCode":"50"}]}}"#
        #expect(throws: TrackingParseError(field: "Body.WaybillRoute[0].acceptTime", reason: "is missing")) {
            try SFTracking.reading(fromPush: Array(body.utf8))
        }
    }

    static let ztoData =
        #"{"billCode":"75312345678901","action":"SIGNED","actionTime":"2026-12-02 09:30:05","desc":"已签收","#
        + #""city":"杭州市","facilityName":"西湖网点"}"#

    @Test("a 中通 Traces push with the right digest gives its event")
    func ztoPush() throws {
        // Base64(MD5(data + "zto-secret")), computed with Python's hashlib.
        let fields = [
            ("data", Self.ztoData), ("data_digest", "sBUFYW+Fq1c6m4jBKaY7ew=="), ("company_id", "c1"),
            ("msg_type", "Traces"),
        ]
        let reading = try ZTOTracking.reading(fromPush: fields, appSecret: "zto-secret")
        #expect(
            reading.events == [
                TrackingEvent(
                    courierCode: "ZTO",
                    waybillNumber: "75312345678901",
                    occurredAt: Self.signedAt,
                    status: .delivered,
                    courierAction: "SIGNED",
                    detail: "已签收",
                    place: "杭州市 西湖网点"
                )
            ]
        )
    }

    @Test("a 中通 push whose digest was made with another secret is refused")
    func ztoBadDigest() {
        let fields = [("data", Self.ztoData), ("data_digest", "sBUFYW+Fq1c6m4jBKaY7ew=="), ("msg_type", "Traces")]
        #expect(
            throws: TrackingParseError(code: .invalidDigest, field: "data_digest", reason: "does not match the data")
        ) {
            try ZTOTracking.reading(fromPush: fields, appSecret: "another-secret")
        }
    }

    @Test(
        "中通's actions map onto the seller's statuses",
        arguments: [
            ("GOT", TrackingStatus.collected), ("DEPARTURE", .inTransit), ("ARRIVAL", .inTransit),
            ("DISPATCH", .delivering), ("SIGNED", .delivered), ("HANDOVERSCAN_SIGNED", .delivered),
        ]
    )
    func ztoActions(action: String, status: TrackingStatus) {
        #expect(ZTOTracking.statusByAction[action] == status)
    }
}
