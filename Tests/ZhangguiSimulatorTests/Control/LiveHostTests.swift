import Foundation
import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiSimulator

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The simulator on real sockets: driven through the control API, called at a platform's port, taken down.
@Suite(.serialized) struct LiveHostTests {
    struct Reply {
        let status: Int
        let json: JSONValue
    }

    static func send(_ method: String, _ url: String, body: String? = nil, form: Bool = false) async throws -> Reply {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body.utf8)
            let type = form ? "application/x-www-form-urlencoded;charset=utf-8" : "application/json"
            request.setValue(type, forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return Reply(status: status, json: (try? JSONValue.parse(bytes: Array(data))) ?? .null)
    }

    @Test("Control API: add a shop, issue a token, create an order; TOP lists it at its own port")
    func controlThenGateway() async throws {
        let host = try SimulatorHost(basePort: 0)
        defer { host.stop() }
        let control = "http://127.0.0.1:\(host.control.port)/_sim"
        let now: Int64 = 1_700_000_000_000
        #expect(
            try await Self.send("POST", control + "/clock", body: #"{"nowMillis":\#(now)}"#).json["nowMillis"]
                == .n(now)
        )
        let shop = #"{"shopID":"s1","platform":"taobao","appKey":"k1","appSecret":"sec1","signSecret":""}"#
        #expect(try await Self.send("POST", control + "/shops", body: shop).status == 201)
        let grant = try await Self.send("POST", control + "/shops/s1/grants")
        let token = try #require(grant.json["accessToken"]?.text)
        let order = #"{"lines":[{"itemID":"1","skuID":"2","outerID":"A-1","quantity":3,"unitPriceFen":990}]}"#
        let created = try await Self.send("POST", control + "/shops/s1/orders", body: order)
        let orderID = try #require(created.json["orderID"]?.text)

        var fields = [
            "method": "taobao.trades.sold.increment.get", "app_key": "k1", "session": token,
            "timestamp": PlatformTimestamp.gmt8Text(millis: now), "format": "json", "v": "2.0", "sign_method": "md5",
            "fields": "tid,payment", "start_modified": PlatformTimestamp.gmt8Text(millis: now - 60_000),
            "end_modified": PlatformTimestamp.gmt8Text(millis: now),
        ]
        fields["sign"] = TOPSigner.sign(fields, secret: "sec1", method: .md5)
        let body = SimulatorFixture.formBody(fields.map { ($0.key, $0.value) })
        let listed = try await Self.send("POST", host.url(for: .taobao) + "/router/rest", body: body, form: true)
        let trade = listed.json["trades_sold_increment_get_response"]?["trades"]?["trade"]?.array?.first
        #expect(trade?["tid"] == .number(orderID))
        #expect(trade?["payment"] == .s("29.70"))

        let paid = try await Self.send("POST", control + "/shops/s1/orders/\(orderID)/pay")
        #expect(paid.status == 409, "already paid")
        #expect(
            try await Self.send("POST", control + "/shops/s1/orders/\(orderID)/ship").json["phase"] == .s("shipped")
        )
        let shipments = try await Self.send("GET", control + "/shops/s1/shipments")
        #expect(shipments.json["shipments"]?.array?.isEmpty == true, "shipped in the backend, not through the API")
    }

    @Test("A platform goes down with 503, refuses connections, and comes back on the same port")
    func downAndBack() async throws {
        let host = try SimulatorHost(basePort: 0)
        defer { host.stop() }
        let control = "http://127.0.0.1:\(host.control.port)/_sim/platforms/doudian/availability"
        let gateway = host.url(for: .doudian) + "/order/searchList"
        let port = host.port(for: .doudian)
        #expect(try await Self.send("POST", control, body: #"{"state":"unavailable"}"#).status == 204)
        #expect(try await Self.send("POST", gateway, body: "{}").status == 503)
        #expect(try await Self.send("POST", control, body: #"{"state":"refusing"}"#).status == 204)
        await #expect(throws: (any Error).self) { try await Self.send("POST", gateway, body: "{}") }
        #expect(try await Self.send("POST", control, body: #"{"state":"up"}"#).status == 204)
        #expect(host.port(for: .doudian) == port)
        let back = try await Self.send("POST", gateway, body: "{}")
        #expect(back.status == 200)
        #expect(back.json["code"] == .n(40_001), "answers again: app_key missing")
    }
}
