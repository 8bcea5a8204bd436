public import ZhangguiCore

/// A courier's tracking push as it reached our hook: the raw body, its content type, and the token of the hook URL.
public struct CourierPush: Sendable {
    public let body: [UInt8]
    /// The `Content-Type` header, empty when none was sent.
    public let contentType: String
    /// The `token` of the hook URL's query, empty when none was given. Secret: never log.
    public let token: String

    public init(body: [UInt8], contentType: String, token: String) {
        self.body = body
        self.contentType = contentType
        self.token = token
    }
}

/// The events read from one push or route answer, and the courier's action codes that were left out because they
/// do not say where a parcel is.
public struct CourierPushReading: Sendable, Hashable {
    public var events: [TrackingEvent]
    public var unknownActions: [String]

    public init(events: [TrackingEvent] = [], unknownActions: [String] = []) {
        self.events = events
        self.unknownActions = unknownActions
    }
}

/// Reads one courier's tracking pushes and writes the answers it expects; the adapters give one per service that
/// pushes (顺丰 route push, 中通 `Traces`).
public protocol CourierPushReader: Sendable {
    /// Whether the courier signs its pushes with the account's secret (中通's `data_digest`). A courier that does
    /// not is trusted only with the account's hook token in the URL.
    var signsPushes: Bool { get }

    /// Reads the events of `push`, checking its signature with `credentials` when the courier signs.
    /// - Throws: ``CourierPushRefusal`` `.badSignature` or `.malformed` naming the field.
    func reading(of push: CourierPush, credentials: CourierCredentials) throws(CourierPushRefusal) -> CourierPushReading

    /// The body the courier expects back (JSON): the push taken, or refused with `message`.
    func answer(isAccepted: Bool, message: String) -> [UInt8]
}

/// Finds the push reader of a courier service; nil for a service whose pushes we do not take.
public typealias CourierPushReaders = @Sendable (CourierServiceKind) -> (any CourierPushReader)?

/// Why a push was refused; nothing of it was recorded.
public struct CourierPushRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// No such company or account, an offline account, or a service whose pushes we do not take.
        case unknownHook
        /// The hook token is missing or wrong (couriers that do not sign).
        case badToken
        /// The courier's signature does not match the body and the account's secret.
        case badSignature
        /// The body is larger than a push may be.
        case tooLarge
        /// The body is not what the courier's protocol allows; `field` names what is wrong.
        case malformed
    }

    public let code: Code
    /// The field at fault, empty when the refusal is about the push as a whole.
    public let field: String
    /// What is wrong, without any of the push's data.
    public let reason: String

    public init(code: Code, field: String = "", reason: String) {
        self.code = code
        self.field = field
        self.reason = reason
    }

    public var description: String { field.isEmpty ? reason : "\(field) \(reason)" }
}
