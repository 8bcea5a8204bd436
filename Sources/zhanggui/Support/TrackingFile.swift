import Foundation
import ZhangguiAdapters
import ZhangguiCore

/// Tracking events from a file for `zhanggui track record`: JSON — `{"events":[…]}` or a list, each event as the
/// API takes it — or a table (CSV, XLSX) with the columns courier, waybill, occurredAt, status, action and
/// optionally detail and place. `occurredAt` is UTC seconds or an ISO 8601 time with its zone.
enum TrackingFile {
    /// Reads every event, or refuses naming the file, the event (JSON: its position from 1; tables: the row) and
    /// the field.
    static func read(path: String) throws -> [TrackingEvent] {
        let name = (path as NSString).lastPathComponent
        if name.lowercased().hasSuffix(".json") { return try readJSON(path: path, name: name) }
        var table = try TableFiles.open(path: path)
        var events: [TrackingEvent] = []
        while let row = try table.nextRow() {
            events.append(try event({ row.value($0) }, at: "\(name) row \(row.number)"))
        }
        return events
    }

    private static func readJSON(path: String, name: String) throws -> [TrackingEvent] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let parsed = try? JSONSerialization.jsonObject(with: data)
        let list = (parsed as? [String: Any])?["events"] ?? parsed
        guard let objects = list as? [[String: Any]] else {
            throw Refusal("\(name): not a list of events nor {\"events\":[…]}")
        }
        return try objects.enumerated().map { index, object in
            try event(
                { field in
                    switch object[field] {
                    case let text as String: text
                    case let number as NSNumber: number.stringValue
                    default: nil
                    }
                },
                at: "\(name) event \(index + 1)"
            )
        }
    }

    private static func event(_ value: (String) -> String?, at place: String) throws -> TrackingEvent {
        func required(_ field: String) throws -> String {
            guard let text = value(field)?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
                throw Refusal("\(place): \(field) is missing")
            }
            return text
        }
        let statusText = try required("status")
        guard let status = TrackingStatus(rawValue: statusText) else {
            let words = TrackingStatus.allCases.map(\.rawValue).joined(separator: ", ")
            throw Refusal("\(place): status '\(statusText)' is not one of \(words)")
        }
        let timeText = try required("occurredAt")
        guard let time = Self.time(timeText) else {
            throw Refusal("\(place): occurredAt '\(timeText)' is neither UTC seconds nor an ISO 8601 time")
        }
        let placeText = value("place")?.trimmingCharacters(in: .whitespaces)
        return TrackingEvent(
            courierCode: try required("courier"),
            waybillNumber: try required("waybill"),
            occurredAt: time,
            status: status,
            courierAction: try required("action"),
            detail: value("detail") ?? "",
            place: placeText?.isEmpty == false ? placeText : nil
        )
    }

    private static func time(_ text: String) -> Date? {
        if let seconds = Int64(text), seconds > 0 { return Date(timeIntervalSince1970: TimeInterval(seconds)) }
        return ISO8601DateFormatter().date(from: text)
    }
}
