public import Foundation

/// Where a parcel is in the courier's hands, as the seller follows it (物流状态).
///
/// Couriers report many more steps (收件, 分拣发出, 到达中转, 派送…); each maps onto one of these. The order matters:
/// a parcel moves forward through `collected`, `inTransit`, `delivering` to `delivered`; `problem` (问题件: refused,
/// lost, returned to sender, address wrong) can come at any point and is left only by a later forward event.
public enum TrackingStatus: String, CaseIterable, Hashable, Sendable, Codable {
    /// 已揽收: the courier has picked the parcel up.
    case collected
    /// 运输中: between the courier's sites.
    case inTransit
    /// 派送中: out for delivery.
    case delivering
    /// 已签收: signed for by the receiver or a parcel locker.
    case delivered
    /// 问题件: refused, lost, damaged, returned or otherwise stuck; needs a person.
    case problem

    /// The Chinese name a seller sees.
    public var chineseName: String {
        switch self {
        case .collected: "已揽收"
        case .inTransit: "运输中"
        case .delivering: "派送中"
        case .delivered: "已签收"
        case .problem: "问题件"
        }
    }
}

/// One step of a parcel's journey reported by a courier, pushed to us or read by polling.
///
/// Events are facts: the same event received twice (same waybill, time, status and description) is one event.
public struct TrackingEvent: Hashable, Sendable, Codable {
    /// The courier's code as stored on shipments, such as `SF` or `ZTO`.
    public let courierCode: String
    /// The waybill number (运单号) the event is about.
    public let waybillNumber: String
    /// When the courier says it happened.
    public let occurredAt: Date
    /// What it means for the parcel.
    public let status: TrackingStatus
    /// The courier's own code for the step, such as SF opCode `80` or ZTO `SIGNED`, kept for people and audits.
    public let courierAction: String
    /// The courier's description, such as "已签收，签收人：本人"; may be empty.
    public let detail: String
    /// Where it happened, when the courier says.
    public let place: String?

    public init(
        courierCode: String,
        waybillNumber: String,
        occurredAt: Date,
        status: TrackingStatus,
        courierAction: String,
        detail: String,
        place: String? = nil
    ) {
        self.courierCode = courierCode
        self.waybillNumber = waybillNumber
        self.occurredAt = occurredAt
        self.status = status
        self.courierAction = courierAction
        self.detail = detail
        self.place = place
    }
}
