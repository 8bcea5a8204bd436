import Foundation
public import ZhangguiCore

/// 中通's `Traces` push read into tracking events: a form of `data` (JSON `{billCode, action, actionTime, desc,
/// city, facilityName, …}`, one object or a list), `data_digest`, `company_id` and `msg_type=Traces`.
///
/// `data_digest` must be Base64(MD5(data + appSecret)) (``ZTOSigner``); a push that fails it is refused before
/// anything is read. Actions read: GOT → collected; DEPARTURE, ARRIVAL, INBOUND → in transit; DISPATCH →
/// delivering; SIGNED, DEPARTURE_SIGNED, HANDOVERSCAN_SIGNED → delivered. Others are listed as unknown.
public enum ZTOTracking {
    public static let statusByAction: [String: TrackingStatus] = [
        "GOT": .collected, "DEPARTURE": .inTransit, "ARRIVAL": .inTransit, "INBOUND": .inTransit,
        "DISPATCH": .delivering, "SIGNED": .delivered, "DEPARTURE_SIGNED": .delivered,
        "HANDOVERSCAN_SIGNED": .delivered,
    ]

    /// Reads a push given as its form fields.
    /// - Throws: ``TrackingParseError`` `.invalidDigest` when `data_digest` does not match, `.malformed` naming the
    ///   field otherwise.
    public static func reading(fromPush fields: [(String, String)], appSecret: String) throws(TrackingParseError)
        -> TrackingReading
    {
        func field(_ name: String) -> String? { fields.first { $0.0 == name }?.1 }
        guard let type = field("msg_type"), type == "Traces" else {
            throw TrackingParseError(field: "msg_type", reason: "is not Traces")
        }
        guard let data = field("data"), !data.isEmpty else {
            throw TrackingParseError(field: "data", reason: "is missing")
        }
        guard let digest = field("data_digest"), digest == ZTOSigner.dataDigest(body: data, appSecret: appSecret) else {
            throw TrackingParseError(code: .invalidDigest, field: "data_digest", reason: "does not match the data")
        }
        guard let json = try? JSONValue.parse(data) else {
            throw TrackingParseError(field: "data", reason: "is not JSON")
        }
        let traces = json.array ?? [json]
        var reading = TrackingReading()
        for (index, trace) in traces.enumerated() {
            try add(trace, path: json.array == nil ? "data" : "data[\(index)]", to: &reading)
        }
        return reading
    }

    private static func add(_ trace: JSONValue, path: String, to reading: inout TrackingReading)
        throws(TrackingParseError)
    {
        let number = try SFTracking.required(trace, "billCode", path: path)
        let action = try SFTracking.required(trace, "action", path: path)
        guard let status = statusByAction[action] else {
            reading.unknownActions.append(action)
            return
        }
        let time = try SFTracking.required(trace, "actionTime", path: path)
        let millis: Int64
        do {
            millis = try PlatformTimestamp.millis(gmt8Text: time)
        } catch {
            throw TrackingParseError(field: "\(path).actionTime", reason: "is not yyyy-MM-dd HH:mm:ss")
        }
        let place = [trace["city"]?.text, trace["facilityName"]?.text].compactMap { $0 }.filter { !$0.isEmpty }
        reading.events.append(
            TrackingEvent(
                courierCode: "ZTO",
                waybillNumber: number,
                occurredAt: Date(timeIntervalSince1970: Double(millis) / 1000),
                status: status,
                courierAction: action,
                detail: trace["desc"]?.text ?? "",
                place: place.isEmpty ? nil : place.joined(separator: " ")
            )
        )
    }
}
