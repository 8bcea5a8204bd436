/// Why a shop could not be connected, found or synced. Messages name shops and orders, never secrets or personal
/// data.
public struct ShopError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// No connected shop has this code.
        case notConnected
        /// The shop is connected already; connecting again needs `replacing`.
        case alreadyConnected
        /// The shop is connected to another platform.
        case otherPlatform
        /// The shop does not sync now: its grant expired, or it is paused.
        case notActive
        /// No SKU or combo of ours has this code.
        case unknownSKU
        /// A setting is out of range.
        case badSetting
    }

    public let code: Code
    public let detail: String

    public init(code: Code, detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String {
        switch code {
        case .notConnected: "no connected shop \(detail): connect it with `zhanggui shop add`"
        case .alreadyConnected: "shop \(detail) is connected already (add --replace to give it new credentials)"
        case .otherPlatform: "shop \(detail)"
        case .notActive: "shop \(detail)"
        case .unknownSKU: "no SKU or combo has the code \(detail)"
        case .badSetting: "bad setting: \(detail)"
        }
    }
}
