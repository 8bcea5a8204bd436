import Synchronization
import ZhangguiCore

/// Why the simulator would not open a ciphertext.
enum DecryptRefusal: Error, Equatable {
    /// Not a ciphertext of this order.
    case unknown
    /// The order's state no longer allows decryption.
    case notAllowed
    /// The shop's decrypt quota is used up.
    case quotaExceeded
}

/// The receiver field a ciphertext holds.
enum ReceiverField: String, CaseIterable {
    case name, phone, detail, address
}

extension SimWorld {
    /// Sets how many distinct orders a shop may decrypt (each order counts once); nil lifts the limit.
    public func setDecryptQuota(shopID: String, orders limit: Int?) {
        state.withLock { $0.decryptQuotas[shopID] = limit }
    }

    /// The orders a shop has decrypted so far.
    public func decryptedOrders(shopID: String) -> Set<String> {
        state.withLock { $0.decryptedOrders[shopID] ?? [] }
    }

    /// Opens a ciphertext the gateways handed out for `orderID`, gated by the order's state (the platform's rule
    /// in `isAllowed`) and counted against the shop's quota once per order.
    func decrypt(
        shopID: String,
        orderID: String,
        ciphertext: String,
        marker: String,
        isAllowed: (SimOrder, Int64) -> Bool
    ) -> Result<(ReceiverField, String), DecryptRefusal> {
        state.withLock { state in
            guard let order = state.orders[orderID], order.shopID == shopID else { return .failure(.unknown) }
            let receiver = order.receiver
            let plain: [ReceiverField: String] = [
                .name: receiver.name, .phone: receiver.phone, .detail: receiver.detail,
                .address: receiver.province + receiver.city + receiver.district + receiver.detail,
            ]
            let match = ReceiverField.allCases.first { field in
                ReceiverPrivacy.ciphertext(plain[field]!, orderID: orderID, field: field.rawValue, marker: marker)
                    == ciphertext
            }
            guard let field = match else { return .failure(.unknown) }
            guard isAllowed(order, state.now) else { return .failure(.notAllowed) }
            var seen = state.decryptedOrders[shopID] ?? []
            if !seen.contains(orderID) {
                if let limit = state.decryptQuotas[shopID], seen.count >= limit { return .failure(.quotaExceeded) }
                seen.insert(orderID)
                state.decryptedOrders[shopID] = seen
            }
            return .success((field, plain[field]!))
        }
    }
}
