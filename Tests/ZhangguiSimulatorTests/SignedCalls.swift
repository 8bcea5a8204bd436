import Foundation
import ZhangguiChannels
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiSimulator

/// Calls signed the way each platform's documentation says, with ZhangguiChannels' signers, at the simulator's
/// current time.
extension SimulatorFixture {
    func call(
        _ platform: Platform,
        _ method: String,
        _ business: [String: JSONValue] = [:],
        shop: SimShop,
        token: String?
    ) -> Answer {
        let now = world.nowMillis
        switch platform {
        case .taobao:
            var fields = [
                "method": method, "app_key": shop.appKey, "timestamp": PlatformTimestamp.gmt8Text(millis: now),
                "format": "json", "v": "2.0", "sign_method": "md5",
            ]
            if let token { fields["session"] = token }
            for (name, value) in business { fields[name] = value.text ?? value.serialized() }
            fields["sign"] = TOPSigner.sign(fields, secret: shop.appSecret, method: .md5)
            return send(
                .taobao,
                .post,
                "/router/rest",
                form: fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            )
        case .jd:
            var fields = [
                "method": method, "app_key": shop.appKey, "timestamp": PlatformTimestamp.gmt8Text(millis: now),
                "format": "json", "v": "2.0", "360buy_param_json": JDSigner.paramJSON(business),
            ]
            if let token { fields["access_token"] = token }
            fields["sign"] = JDSigner.sign(fields, secret: shop.appSecret)
            return send(.jd, .post, "/routerjson", form: fields.map { ($0.key, $0.value) })
        case .pinduoduo:
            var fields = [
                "type": method, "client_id": shop.appKey, "timestamp": String(now / 1000), "data_type": "JSON",
            ]
            if let token { fields["access_token"] = token }
            for (name, value) in business { fields[name] = value.text ?? value.serialized() }
            fields["sign"] = PDDSigner.sign(fields, clientSecret: shop.appSecret)
            return send(.pinduoduo, .post, "/api/router", form: fields.map { ($0.key, $0.value) })
        case .doudian:
            let body = DoudianSigner.paramJSON(business)
            let timestamp = String(now / 1000)
            let sign = DoudianSigner.sign(
                appKey: shop.appKey,
                method: method,
                paramJSON: body,
                timestamp: timestamp,
                secret: shop.appSecret,
                signMethod: .hmacSHA256
            )
            var query = [
                ("app_key", shop.appKey), ("method", method), ("timestamp", timestamp), ("v", "2"),
                ("sign_method", "hmac-sha256"), ("sign", sign),
            ]
            if let token { query.append(("access_token", token)) }
            return send(
                .doudian,
                .post,
                "/" + method.replacingOccurrences(of: ".", with: "/"),
                query: query,
                json: body
            )
        case .kuaishou:
            var fields = [
                "method": method, "appkey": shop.appKey, "version": "1",
                "param": JSONValue.object(business).serialized(),
                "timestamp": String(now), "signMethod": "MD5",
            ]
            if let token { fields["access_token"] = token }
            fields["sign"] = KuaishouSigner.sign(fields, signSecret: shop.signSecret, method: .md5)
            let path = "/" + method.replacingOccurrences(of: ".", with: "/")
            return send(.kuaishou, .post, path, form: fields.map { ($0.key, $0.value) })
        case .xiaohongshu:
            var body = business
            let timestamp = String(now / 1000)
            body["method"] = .string(method)
            body["appId"] = .string(shop.appKey)
            body["timestamp"] = .string(timestamp)
            body["version"] = .string("2.0")
            if let token { body["accessToken"] = .string(token) }
            body["sign"] = .string(
                XHSSigner.sign(method: method, appID: shop.appKey, timestamp: timestamp, appSecret: shop.appSecret)
            )
            return send(
                .xiaohongshu,
                .post,
                "/ark/open_api/v3/common_controller",
                json: JSONValue.object(body).serialized()
            )
        }
    }
}

extension JSONValue {
    /// A whole number.
    static func n(_ value: Int64) -> JSONValue { .number(String(value)) }

    /// A JSON text as a string value.
    static func s(_ text: String) -> JSONValue { .string(text) }
}
