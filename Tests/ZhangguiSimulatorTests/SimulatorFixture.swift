import Foundation
import ZhangguiChannels
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiSimulator

/// A simulator with its clock frozen, answering in process.
struct SimulatorFixture {
    let simulator = Simulator()
    var world: SimWorld { simulator.world }

    /// 2023-11-14 22:13:20 UTC = 2023-11-15 06:13:20 in GMT+8 (Unix 1700000000).
    static let epoch: Int64 = 1_700_000_000_000

    init(nowMillis: Int64 = Self.epoch) {
        simulator.world.setClock(millis: nowMillis)
    }

    /// Adds a shop and returns it with a token pair.
    @discardableResult
    func shop(
        _ platform: Platform,
        id: String? = nil,
        appKey: String = "key1",
        secret: String = "secret1",
        signSecret: String = "sign1",
        accessToken: String? = nil
    ) throws -> (shop: SimShop, grant: SimGrant) {
        let shop = SimShop(
            shopID: id ?? "shop-\(platform.rawValue)",
            platform: platform,
            appKey: appKey,
            appSecret: secret,
            signSecret: platform == .kuaishou ? signSecret : ""
        )
        world.addShop(shop)
        return (shop, try world.issueGrant(shopID: shop.shopID, accessToken: accessToken))
    }

    /// One paid order with one line of 2 × 12.50.
    @discardableResult
    func order(in shop: SimShop, id: String? = nil, createdMillis: Int64? = nil, isPaid: Bool = true) throws -> SimOrder
    {
        let line = SimOrderLine(
            itemID: "600100",
            skuID: "500100",
            outerID: "SKU-A",
            title: "测试商品",
            quantity: 2,
            unitPriceFen: 1250
        )
        return try world.createOrder(
            shopID: shop.shopID,
            SimOrderDraft(orderID: id, lines: [line], freightFen: 600, createdMillis: createdMillis, isPaid: isPaid)
        )
    }

    /// Answers a request to `platform`'s gateway.
    func send(
        _ platform: Platform,
        _ method: HTTPMethod = .post,
        _ path: String,
        query: [(String, String)] = [],
        form: [(String, String)]? = nil,
        json: String? = nil
    ) -> Answer {
        var headers: HTTPHeaders = [:]
        var body: [UInt8] = []
        if let form {
            headers.set("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
            body = Array(Self.formBody(form).utf8)
        } else if let json {
            headers.set("Content-Type", "application/json;charset=utf-8")
            body = Array(json.utf8)
        }
        let request = HTTPRequest(
            method: method,
            path: path,
            query: query.map { QueryItem(name: $0.0, value: $0.1) },
            headers: headers,
            body: body
        )
        return Answer(simulator.respond(request, platform: platform))
    }

    static func formBody(_ pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return pairs.map { pair in
            let name = pair.0.addingPercentEncoding(withAllowedCharacters: allowed)!
            return name + "=" + pair.1.addingPercentEncoding(withAllowedCharacters: allowed)!
        }
        .joined(separator: "&")
    }
}

/// A gateway's answer, parsed.
struct Answer {
    let status: Int
    let text: String
    let json: JSONValue

    init(_ response: HTTPResponse) {
        status = response.status.code
        text = String(decoding: response.body, as: UTF8.self)
        json = (try? JSONValue.parse(bytes: response.body)) ?? .null
    }

    /// The value at a path of member names, such as `["error_response", "code"]`.
    subscript(_ path: String...) -> JSONValue? {
        var value: JSONValue? = json
        for name in path { value = value?[name] }
        return value
    }
}
