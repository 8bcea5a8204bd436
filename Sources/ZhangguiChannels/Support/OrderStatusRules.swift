import ZhangguiCore

/// The after-sale overlay of specs/platform-apis.md §8, shared by every platform: the base status comes from the
/// order status; an order whose every line was refunded is ``PlatformOrderStatus/refunded``; otherwise an open
/// refund on any line makes a paid order ``PlatformOrderStatus/refunding``. Partial refunds keep the base status
/// and mark their lines.
enum OrderStatusRules {
    static func overlay(
        base: PlatformOrderStatus,
        hasOpenRefund: Bool,
        isFullyRefunded: Bool
    ) -> PlatformOrderStatus {
        switch base {
        case .awaitingShipment, .shipped, .delivered, .closed:
            if isFullyRefunded { return .refunded }
            if hasOpenRefund && base != .closed { return .refunding }
            return base
        case .pendingPayment, .refunding, .refunded:
            return base
        }
    }
}

/// Finds the first run of digits after `marker` in `text` (as in TOP's "This ban will last for 12 more seconds").
func number(after marker: String, in text: String) -> Int? {
    guard let range = Substring(text).range(of: marker) else { return nil }
    let digits = text[range.upperBound...].drop { !$0.isASCII || !$0.isNumber }.prefix { $0.isASCII && $0.isNumber }
    return Int(digits)
}
