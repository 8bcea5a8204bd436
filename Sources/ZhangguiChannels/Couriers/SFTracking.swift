import Foundation
public import ZhangguiCore

/// 顺丰's route steps read into tracking events: the route push (`WaybillRoute[]` of `mailno, acceptTime,
/// acceptAddress, remark, opCode`) and the `EXP_RECE_SEARCH_ROUTES` answer (`routeResps[]{mailNo, routes[]}`).
///
/// opCodes read: 50 收件 → collected; 30 分拣发出, 31 到达中转 → in transit; 44 派送分配 → delivering; 80 签收 →
/// delivered. Other opCodes are steps the spec does not name; they are left out and listed in
/// ``TrackingReading/unknownActions`` so a person can see what was skipped.
public enum SFTracking {
    /// What each opCode means for the parcel.
    public static let statusByOpCode: [String: TrackingStatus] = [
        "50": .collected, "30": .inTransit, "31": .inTransit, "44": .delivering, "80": .delivered,
    ]

    /// Reads a route push body (JSON `{"Body":{"WaybillRoute":[…]}}`, or `{"WaybillRoute":[…]}`).
    public static func reading(fromPush body: [UInt8]) throws(TrackingParseError) -> TrackingReading {
        guard let json = try? JSONValue.parse(bytes: body) else {
            throw TrackingParseError(field: "body", reason: "is not JSON")
        }
        let container = json["Body"] ?? json
        guard let routes = container["WaybillRoute"]?.array else {
            throw TrackingParseError(field: "Body.WaybillRoute", reason: "is missing or not a list")
        }
        var reading = TrackingReading()
        for (index, route) in routes.enumerated() {
            let path = "Body.WaybillRoute[\(index)]"
            let number = try required(route, "mailno", path: path)
            try add(route, waybill: number, path: path, to: &reading)
        }
        return reading
    }

    /// Reads the `msgData` of an `EXP_RECE_SEARCH_ROUTES` answer.
    public static func events(fromRouteAnswer data: JSONValue) throws(TrackingParseError) -> [TrackingEvent] {
        guard let answers = data["routeResps"]?.array else {
            throw TrackingParseError(field: "msgData.routeResps", reason: "is missing or not a list")
        }
        var reading = TrackingReading()
        for (index, answer) in answers.enumerated() {
            let path = "msgData.routeResps[\(index)]"
            let number = try required(answer, "mailNo", path: path)
            for (step, route) in (answer["routes"]?.array ?? []).enumerated() {
                try add(route, waybill: number, path: "\(path).routes[\(step)]", to: &reading)
            }
        }
        return reading.events
    }

    private static func add(_ route: JSONValue, waybill: String, path: String, to reading: inout TrackingReading)
        throws(TrackingParseError)
    {
        let opCode = try required(route, "opCode", path: path)
        guard let status = statusByOpCode[opCode] else {
            reading.unknownActions.append(opCode)
            return
        }
        let time = try required(route, "acceptTime", path: path)
        let millis: Int64
        do {
            millis = try PlatformTimestamp.millis(gmt8Text: time)
        } catch {
            throw TrackingParseError(field: "\(path).acceptTime", reason: "is not yyyy-MM-dd HH:mm:ss")
        }
        let place = route["acceptAddress"]?.text.flatMap { $0.isEmpty ? nil : $0 }
        reading.events.append(
            TrackingEvent(
                courierCode: "SF",
                waybillNumber: waybill,
                occurredAt: Date(timeIntervalSince1970: Double(millis) / 1000),
                status: status,
                courierAction: opCode,
                detail: route["remark"]?.text ?? "",
                place: place
            )
        )
    }

    static func required(_ object: JSONValue, _ field: String, path: String) throws(TrackingParseError) -> String {
        guard let text = object[field]?.text, !text.isEmpty else {
            throw TrackingParseError(field: "\(path).\(field)", reason: "is missing")
        }
        return text
    }
}

/// The events read from one push or answer, and the courier action codes that were left out because they do not
/// say where the parcel is.
public struct TrackingReading: Hashable, Sendable {
    public var events: [TrackingEvent] = []
    public var unknownActions: [String] = []

    public init(events: [TrackingEvent] = [], unknownActions: [String] = []) {
        self.events = events
        self.unknownActions = unknownActions
    }
}
