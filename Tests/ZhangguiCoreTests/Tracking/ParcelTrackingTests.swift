import Foundation
import Testing
import ZhangguiCore

@Suite("A parcel's state is its latest event, read the same whatever order events arrive in")
struct ParcelTrackingTests {
    static func event(_ status: TrackingStatus, at seconds: TimeInterval) -> TrackingEvent {
        TrackingEvent(
            courierCode: "ZTO",
            waybillNumber: "7300001",
            occurredAt: Date(timeIntervalSince1970: seconds),
            status: status,
            courierAction: status.rawValue,
            detail: ""
        )
    }

    @Test("no events, no state")
    func empty() {
        #expect(ParcelTracking(events: []) == nil)
    }

    @Test("the latest by the courier's time wins, not the last to arrive")
    func latestWins() {
        let events = [
            Self.event(.delivering, at: 300), Self.event(.collected, at: 100), Self.event(.inTransit, at: 200),
        ]
        let tracking = ParcelTracking(events: events)
        #expect(tracking?.status == .delivering)
        #expect(tracking?.at == Date(timeIntervalSince1970: 300))
        #expect(tracking?.deliveredAt == nil)
    }

    @Test("a problem is left by a later forward event, and set by a later problem")
    func problem() {
        let stuck = ParcelTracking(events: [Self.event(.inTransit, at: 100), Self.event(.problem, at: 200)])
        let moving = ParcelTracking(
            events: [Self.event(.inTransit, at: 100), Self.event(.problem, at: 200), Self.event(.inTransit, at: 300)]
        )
        #expect(stuck?.status == .problem)
        #expect(moving?.status == .inTransit)
    }

    @Test("a delivered parcel stays delivered through a late scan, but not through a later problem")
    func deliveredIsFinal() {
        let late = ParcelTracking(events: [Self.event(.delivered, at: 200), Self.event(.inTransit, at: 300)])
        let refused = ParcelTracking(events: [Self.event(.delivered, at: 200), Self.event(.problem, at: 300)])
        #expect(late?.status == .delivered)
        #expect(late?.deliveredAt == Date(timeIntervalSince1970: 200))
        #expect(refused?.status == .problem)
    }

    @Test("two events in the same second: the one further along wins, a problem over all")
    func sameSecond() {
        #expect(
            ParcelTracking(events: [Self.event(.delivered, at: 100), Self.event(.delivering, at: 100)])?.status
                == .delivered
        )
        #expect(
            ParcelTracking(events: [Self.event(.problem, at: 100), Self.event(.inTransit, at: 100)])?.status == .problem
        )
    }
}
