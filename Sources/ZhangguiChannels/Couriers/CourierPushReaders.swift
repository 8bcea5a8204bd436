public import ZhangguiServices

extension CourierClientFactory {
    /// The readers of couriers' tracking pushes, in the shape ``CourierPushService`` takes: 顺丰's route push and
    /// 中通's `Traces` push; nil for services that do not push to us.
    public static let pushReaders: CourierPushReaders = { service in
        switch service {
        case .sf: SFPushReader()
        case .zto: ZTOPushReader()
        case .offline, .cainiao, .pdd, .doudian: nil
        }
    }
}

/// 顺丰's route push: a JSON body of `WaybillRoute[]` with no signature, so the hook URL's token vouches for it.
///
/// The answer is `{"return_code":"0000","return_msg":"成功"}`, or `"1000"` and the reason on refusal: the shape
/// 丰桥's route push documentation gives, which the spec does not quote (unconfirmed).
public struct SFPushReader: CourierPushReader {
    public var signsPushes: Bool { false }

    public init() {}

    public func reading(of push: CourierPush, credentials: CourierCredentials) throws(CourierPushRefusal)
        -> CourierPushReading
    {
        do {
            let reading = try SFTracking.reading(fromPush: push.body)
            return CourierPushReading(events: reading.events, unknownActions: reading.unknownActions)
        } catch {
            throw CourierPushRefusal(code: .malformed, field: error.field, reason: error.reason)
        }
    }

    public func answer(isAccepted: Bool, message: String) -> [UInt8] {
        let answer = JSONValue.object([
            "return_code": .string(isAccepted ? "0000" : "1000"),
            "return_msg": .string(isAccepted ? "成功" : message),
        ])
        return Array(answer.serialized().utf8)
    }
}

/// 中通's `Traces` push: a form whose `data_digest` is checked with the account's `appSecret` before anything is
/// read.
///
/// The answer is `{"status":true,"message":"成功"}`, or `false` and the reason on refusal: the spec gives no
/// answer shape for pushes, so this is ZOP's usual result shape (unconfirmed); 中通 judges by the HTTP status too.
public struct ZTOPushReader: CourierPushReader {
    public var signsPushes: Bool { true }

    public init() {}

    public func reading(of push: CourierPush, credentials: CourierCredentials) throws(CourierPushRefusal)
        -> CourierPushReading
    {
        guard let secret = credentials.fields["appSecret"], !secret.isEmpty else {
            throw CourierPushRefusal(code: .badSignature, field: "data_digest", reason: "cannot be checked")
        }
        guard let fields = FormEncoding.decode(String(decoding: push.body, as: UTF8.self)) else {
            throw CourierPushRefusal(code: .malformed, field: "body", reason: "is not a form")
        }
        do {
            let reading = try ZTOTracking.reading(fromPush: fields, appSecret: secret)
            return CourierPushReading(events: reading.events, unknownActions: reading.unknownActions)
        } catch {
            let code: CourierPushRefusal.Code = error.code == .invalidDigest ? .badSignature : .malformed
            throw CourierPushRefusal(code: code, field: error.field, reason: error.reason)
        }
    }

    public func answer(isAccepted: Bool, message: String) -> [UInt8] {
        let answer = JSONValue.object([
            "status": .bool(isAccepted),
            "message": .string(isAccepted ? "成功" : message),
        ])
        return Array(answer.serialized().utf8)
    }
}
