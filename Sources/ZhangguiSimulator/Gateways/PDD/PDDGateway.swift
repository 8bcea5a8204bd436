import ZhangguiChannels
import ZhangguiCore
import ZhangguiHTTP

/// 拼多多: `POST /api/router` with a JSON or form body, `type` naming the API, MD5 signature in upper-case hex;
/// answers under `<name>_response`, errors under `error_response{error_code, error_msg, sub_code, sub_msg,
/// request_id}` (specs/platform-apis.md §3).
struct PDDGateway: Gateway {
    let platform = Platform.pinduoduo
    let paths: [(HTTPMethod, String)] = [(.post, "/api/router")]

    func parse(_ request: HTTPRequest) throws(GatewayError) -> GatewayCall {
        let fields = Self.fields(request)
        guard let type = fields["type"], !type.isEmpty else { throw .missingParameter("type") }
        if let dataType = fields["data_type"], dataType.uppercased() != "JSON" {
            throw .invalidParameter("data_type", "the simulator answers data_type=JSON only")
        }
        let business: [String: JSONValue] =
            request.jsonObject ?? fields.values.mapValues { JSONValue.string($0) }
        return GatewayCall(
            apiMethod: type,
            appKey: fields["client_id"],
            accessToken: fields["access_token"],
            timestampMillis: fields["timestamp"].flatMap { Int64($0) }.map { $0 * 1000 },
            signature: fields["sign"],
            parameters: GatewayParameters(business)
        )
    }

    /// The signed texts: strings as they are, numbers as written, Booleans `true`/`false`, objects and arrays
    /// serialised; nulls dropped.
    static func fields(_ request: HTTPRequest) -> FormFields {
        guard let object = request.jsonObject else { return request.formFields }
        var fields = FormFields(request.query.map { ($0.name, $0.value ?? "") })
        for (name, value) in object {
            switch value {
            case .null: continue
            case .string(let text), .number(let text): fields[name] = text
            case .bool(let flag): fields[name] = flag ? "true" : "false"
            case .array, .object: fields[name] = value.serialized()
            }
        }
        return fields
    }

    func isSignatureValid(_ call: GatewayCall, request: HTTPRequest, shop: SimShop) -> Bool {
        PDDSigner.sign(Self.fields(request).values, clientSecret: shop.appSecret) == call.signature
    }

    func isPublic(_ apiMethod: String) -> Bool {
        apiMethod == "pdd.pop.auth.token.create" || apiMethod == "pdd.pop.auth.token.refresh"
    }

    func handle(_ call: GatewayCall, shopID: String?, world: SimWorld) throws(GatewayError) -> JSONValue {
        let context = PDDContext(call: call, shopID: shopID ?? "", world: world)
        switch call.apiMethod {
        case "pdd.order.number.list.increment.get":
            return .object(["order_sn_increment_get_response": try context.incrementalOrders()])
        case "pdd.order.list.get": return .object(["order_list_get_response": try context.ordersByConfirmTime()])
        case "pdd.waybill.get": return .object(["pdd_waybill_get_response": try context.waybill()])
        case "pdd.waybill.cancel": return .object(["pdd_waybill_cancel_response": try context.cancelWaybill()])
        case "pdd.order.information.get": return .object(["order_info_get_response": try context.detail()])
        case "pdd.refund.list.increment.get": return .object(["refund_increment_get_response": try context.refunds()])
        case "pdd.logistics.online.send": return .object(["logistics_online_send_response": try context.ship()])
        case "pdd.goods.quantity.update": return .object(["goods_quantity_update_response": try context.updateStock()])
        case "pdd.open.decrypt.batch": return .object(["open_decrypt_batch_response": try context.decryptBatch()])
        case "pdd.pop.auth.token.create": return .object(["pop_auth_token_create_response": try context.createToken()])
        case "pdd.pop.auth.token.refresh":
            return .object(["pop_auth_token_refresh_response": try context.refreshToken()])
        default: throw .unknownMethod(call.apiMethod)
        }
    }

    func failure(_ error: GatewayError, call: GatewayCall?) -> HTTPResponse {
        let (code, message, subMessage) = Self.describe(error)
        var members: [String: JSONValue] = [
            "error_code": .int(code), "error_msg": .string(message), "request_id": .string(RequestNumbers.next()),
        ]
        if let subMessage {
            members["sub_code"] = .string(String(code))
            members["sub_msg"] = .string(subMessage)
        }
        return GatewayRunner.json(.object(["error_response": .object(members)]))
    }

    /// 10019 for an expired token is sourced (spec §3.2); every other code is the simulator's choice.
    private static func describe(_ error: GatewayError) -> (Int, String, String?) {
        switch error {
        case .missingParameter(let name): (10_000, "参数错误", "缺少参数:\(name)")
        case .invalidParameter(let name, let why): (10_000, "参数错误", "\(name): \(why)")
        case .missingAppKey, .invalidAppKey: (10_016, "client_id不存在", nil)
        case .invalidTimestamp: (10_002, "timestamp已过期或格式错误", nil)
        case .missingSignature, .invalidSignature: (10_003, "签名错误", nil)
        case .missingToken: (10_018, "缺少access_token", nil)
        case .tokenExpired: (10_019, "access_token已过期", nil)
        case .tokenInvalid: (10_019, "access_token已过期", "access_token不存在或已失效")
        case .rateLimited(let seconds, _, _): (70_031, "调用过于频繁", "请\(seconds)秒后重试")
        case .unknownMethod(let type): (10_004, "接口不存在", "type \(type) 不存在")
        case .refused(let why): (50_000, "业务错误", why)
        case .notFound(let what): (50_000, "业务错误", what)
        case .platformCode(let code, let why): (code, why, nil)
        }
    }
}
