public import Foundation

/// Where a parcel stands, read from every event the couriers reported about it (物流状态).
///
/// The rule, in one place: the latest event by the courier's time wins, so events arriving out of order settle on
/// the same state. Two events at the same second are ordered by ``TrackingStatus`` (a problem last, as it needs a
/// person). A problem (问题件) is left by any later forward event; a delivered parcel is left only by a later problem
/// (refused at the door after a locker signed, returned), not by a late in-transit scan.
public struct ParcelTracking: Sendable, Hashable {
    /// The parcel's state.
    public let status: TrackingStatus
    /// When the event that set it happened.
    public let at: Date
    /// When the parcel was signed for, when it is delivered.
    public var deliveredAt: Date? { status == .delivered ? at : nil }

    /// The state after all of `events`, or nil when there are none.
    public init?(events: [TrackingEvent]) {
        let ordered = events.sorted { left, right in
            if left.occurredAt != right.occurredAt { return left.occurredAt < right.occurredAt }
            return Self.rank(left.status) < Self.rank(right.status)
        }
        var current: (status: TrackingStatus, at: Date)?
        for event in ordered {
            if current?.status == .delivered && event.status != .problem { continue }
            current = (event.status, event.occurredAt)
        }
        guard let current else { return nil }
        self.status = current.status
        self.at = current.at
    }

    private static func rank(_ status: TrackingStatus) -> Int {
        TrackingStatus.allCases.firstIndex(of: status) ?? 0
    }
}
