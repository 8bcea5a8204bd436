import Foundation
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension ZhangguiAPI {
    /// `{"events":[…]}`: tracking events in our own shape, from a courier integration or a person.
    struct TrackingEventsBody: JSONBody {
        let events: [TrackingEventBody]

        enum CodingKeys: String, CodingKey, CaseIterable { case events }

        static var nestedBodies: [CodingKeys: any JSONBody.Type] { [.events: TrackingEventBody.self] }
    }

    /// `{"courier","waybill","occurredAt","status","action","detail"?,"place"?}`; `occurredAt` in UTC seconds.
    struct TrackingEventBody: JSONBody {
        let courier: String
        let waybill: String
        let occurredAt: Int64
        let status: String
        let action: String
        let detail: String?
        let place: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case courier, waybill, occurredAt, status, action, detail, place
        }
    }

    /// A parcel's tracking as the API answers it.
    struct ParcelTrackingAnswer: Encodable {
        struct Event: Encodable {
            let occurredAt: Int64
            let status: String
            let action: String
            let detail: String
            let place: String?
        }

        let shipmentID: Int64
        let courier: String
        let waybill: String
        let status: String?
        let statusAt: Int64?
        let deliveredAt: Int64?
        let events: [Event]
    }

    struct OrderTrackingAnswer: Encodable {
        let id: Int64
        let deliveredAt: Int64?
        let parcels: [ParcelTrackingAnswer]
    }

    func addTrackingRoutes(to router: inout Router) {
        let fulfil = RouteAccess.permission(.ordersFulfil)
        let read = RouteAccess.permission(.ordersRead)
        add(&router, .post, "/api/v1/tracking/events", fulfil, "record couriers' tracking events", recordTracking)
        add(&router, .get, "/api/v1/orders/{id}/tracking", read, "an order's parcels and their tracking", tracking)
    }

    /// `POST /api/v1/tracking/events`: records the batch (duplicates once), audited; 200 with the report. Parcels
    /// outside the principal's data scope are answered as unknown waybills.
    func recordTracking(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let body = try request.decodeJSON(TrackingEventsBody.self)
        guard !body.events.isEmpty, body.events.count <= 1000 else {
            throw HTTPError(.badRequest, code: .invalidValue, message: "1 to 1000 events", field: "events")
        }
        let events = try body.events.enumerated().map { index, event in
            try Self.trackingEvent(event, field: "events[\(index)]")
        }
        let report = try TrackingService(database: database).record(
            events,
            companyID: principal.companyID,
            scope: principal.scope,
            audit: AuditContext(actor: principal.actor, at: now)
        )
        return try .json(report)
    }

    static func trackingEvent(_ event: TrackingEventBody, field: String) throws -> TrackingEvent {
        guard let status = TrackingStatus(rawValue: event.status) else {
            let words = TrackingStatus.allCases.map(\.rawValue).joined(separator: ", ")
            throw HTTPError(
                .badRequest,
                code: .invalidValue,
                message: "status is one of \(words)",
                field: field + ".status"
            )
        }
        for (name, text) in [("courier", event.courier), ("waybill", event.waybill)]
        where text.isEmpty || text.count > 64 {
            throw HTTPError(.badRequest, code: .invalidValue, message: "1 to 64 characters", field: "\(field).\(name)")
        }
        guard event.occurredAt > 0 else {
            throw HTTPError(.badRequest, code: .invalidValue, message: "UTC seconds", field: field + ".occurredAt")
        }
        return TrackingEvent(
            courierCode: event.courier,
            waybillNumber: event.waybill,
            occurredAt: Date(timeIntervalSince1970: TimeInterval(event.occurredAt)),
            status: status,
            courierAction: event.action,
            detail: event.detail ?? "",
            place: event.place
        )
    }

    /// `GET /api/v1/orders/{id}/tracking`: the order's parcels, their states and events, oldest first.
    func tracking(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let id = try tradeID(request, principal)
        let answer = try database.read { connection in
            let records = TrackingRecords(connection)
            let parcels = try records.parcels(tradeIDs: [id], companyID: principal.companyID).map { parcel in
                ParcelTrackingAnswer(
                    shipmentID: parcel.shipmentID,
                    courier: parcel.courierCode,
                    waybill: parcel.waybillNumber,
                    status: parcel.status?.rawValue,
                    statusAt: parcel.statusAt,
                    deliveredAt: parcel.deliveredAt,
                    events: try records.events(shipmentID: parcel.shipmentID).map { event in
                        ParcelTrackingAnswer.Event(
                            occurredAt: Int64(event.occurredAt.timeIntervalSince1970),
                            status: event.status.rawValue,
                            action: event.courierAction,
                            detail: event.detail,
                            place: event.place
                        )
                    }
                )
            }
            let delivered = try records.deliveredAt(tradeIDs: [id], companyID: principal.companyID)[id] ?? nil
            return OrderTrackingAnswer(id: id, deliveredAt: delivered, parcels: parcels)
        }
        return try .json(answer)
    }
}
