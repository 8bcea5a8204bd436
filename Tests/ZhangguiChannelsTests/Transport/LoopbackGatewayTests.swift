import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiServices

/// The clients over real HTTP (libcurl to a loopback server) against a gateway that recomputes the signature from
/// what arrived, so encoding on the wire and signing agree byte for byte.
@Suite("Clients over libcurl against a signature-checking loopback gateway")
struct LoopbackGatewayTests {
    static func server(_ handler: @escaping Router.Handler) throws -> HTTPServer {
        var router = Router()
        router.add(.post, "/router/rest", handler: handler)
        router.add(.post, "/order/orderDetail", handler: handler)
        return try HTTPServer(
            configuration: HTTPServer.Configuration(port: 0, logger: Logger(sink: MemoryLogSink())),
            router: router
        )
    }

    static func json(_ text: String) -> ZhangguiHTTP.HTTPResponse {
        ZhangguiHTTP.HTTPResponse(status: .ok, body: Array(text.utf8))
    }

    @Test("a TOP call with a GMT+8 timestamp and Chinese values arrives with a signature that checks")
    func topSignatureSurvivesTheWire() throws {
        let server = try Self.server { request in
            let form = Dictionary(
                FormEncoding.decode(String(decoding: request.body, as: UTF8.self)) ?? [],
                uniquingKeysWith: { $1 }
            )
            var unsigned = form
            unsigned["sign"] = nil
            guard form["sign"] == TOPSigner.sign(unsigned, secret: "app-secret-1", method: .md5) else {
                return Self.json(#"{"error_response":{"code":25,"msg":"Invalid Signature"}}"#)
            }
            return Self.json(
                #"{"trade_fullinfo_get_response":{"trade":{"tid":"\#(form["tid"] ?? "")","#
                    + #""status":"WAIT_SELLER_SEND_GOODS","created":"\#(form["timestamp"] ?? "")","payment":"1.00","#
                    + #""seller_memo":"改为发顺丰"}}}"#
            )
        }
        defer { server.stop(gracePeriod: .seconds(1)) }
        let channel = TOPChannel(
            credentials: credentials(.taobao, endpoint: "http://127.0.0.1:\(server.port)/router/rest"),
            clock: fixedClock,
            log: .silent
        )
        let order = try channel.order(platformOrderID: "订单 1+2")
        #expect(order.platformOrderID == "订单 1+2")
        #expect(order.createdAtMillis == fixedNow)
        #expect(order.sellerMemo == "改为发顺丰")
    }

    @Test("a 抖店 call's query signature covers the exact JSON body that arrived")
    func doudianSignatureSurvivesTheWire() throws {
        let server = try Self.server { request in
            let query = Dictionary(request.query.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
            let body = String(decoding: request.body, as: UTF8.self)
            let expected = DoudianSigner.sign(
                appKey: query["app_key"] ?? "",
                method: query["method"] ?? "",
                paramJSON: body,
                timestamp: query["timestamp"] ?? "",
                secret: "app-secret-1",
                signMethod: .hmacSHA256
            )
            guard query["sign"] == expected else {
                return Self.json(#"{"code":40003,"sub_code":"isv.signature-invalid"}"#)
            }
            return Self.json(
                #"{"code":10000,"data":{"shop_order_detail":{"order_id":"6900001","order_status":3,"#
                    + #""create_time":1700000000,"pay_amount":100,"sku_order_list":[]}}}"#
            )
        }
        defer { server.stop(gracePeriod: .seconds(1)) }
        let channel = DoudianChannel(
            credentials: credentials(.doudian, endpoint: "http://127.0.0.1:\(server.port)"),
            clock: fixedClock,
            log: .silent
        )
        let order = try channel.order(platformOrderID: "6900001")
        #expect(order.status == .shipped)
        #expect(order.paid == Money(fen: 100))
    }
}
