import ZhangguiChannels

/// How gateways hand out receivers: masked for display, or as ciphertext only the platform can open. The
/// simulator never writes a receiver's name, phone or street in plain text.
enum ReceiverPrivacy {
    /// The first character and `**`: `示**`.
    static func maskedName(_ name: String) -> String {
        guard let first = name.first else { return "" }
        return String(first) + "**"
    }

    /// The first 3 and last 4 digits: `138****0001`.
    static func maskedPhone(_ phone: String) -> String {
        guard phone.count > 7 else { return String(repeating: "*", count: phone.count) }
        return String(phone.prefix(3)) + String(repeating: "*", count: phone.count - 7) + String(phone.suffix(4))
    }

    /// Digits and Latin letters replaced by `*`: `示例路**号`.
    static func maskedDetail(_ detail: String) -> String {
        String(detail.map { $0.isASCII && ($0.isNumber || $0.isLetter) ? "*" : $0 })
    }

    /// An opaque ciphertext of one field, the same for the same order and value, wrapped in the platform's
    /// markers (PDD `~…~`, 抖店 and 小红书 `#…#`).
    static func ciphertext(_ value: String, orderID: String, field: String, marker: String) -> String {
        let sealed = SigningDigest.base64(SigningDigest.hmacSHA256(field + ":" + value, key: "sim/" + orderID))
        return marker + sealed + marker
    }

    /// An opaque handle for the receiver (TOP `oaid`, 小红书 `openAddressId`).
    static func openID(_ receiver: SimReceiver, orderID: String) -> String {
        let text = receiver.name + receiver.phone + receiver.detail
        return SigningDigest.hex(SigningDigest.md5(orderID + "/" + text), uppercase: false)
    }
}
