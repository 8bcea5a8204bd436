import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiSimulator

/// Each gateway accepts the request of the spec's signing vector, signature byte for byte, and answers a wrong
/// signature, a stale timestamp and an expired token with its own documented error.
@Suite struct SpecVectorTests {
    /// 2016-01-01 12:00:00 in GMT+8, the TOP and JD vectors' timestamp.
    static let topVectorTime: Int64 = 1_451_620_800_000

    static func topForm(sign: String, signMethod: String = "md5") -> [(String, String)] {
        [
            ("method", "taobao.item.seller.get"), ("app_key", "12345678"), ("session", "test"),
            ("timestamp", "2016-01-01 12:00:00"), ("format", "json"), ("v", "2.0"), ("sign_method", signMethod),
            ("fields", "num_iid,title,nick,price,num"), ("num_iid", "11223344"), ("sign", sign),
        ]
    }

    @Test("TOP: the vector's MD5, HMAC and HMAC-SHA256 signatures are accepted; the item comes back")
    func topVector() throws {
        let fixture = SimulatorFixture(nowMillis: Self.topVectorTime)
        let (shop, _) = try fixture.shop(.taobao, appKey: "12345678", secret: "helloworld", accessToken: "test")
        fixture.world.putListing(
            SimListing(shopID: shop.shopID, itemID: "11223344", skuID: "1", outerID: "A", quantity: 7)
        )
        let signs = [
            ("md5", "66987CB115214E59E6EC978214934FB8"), ("hmac", "D56D7858309C31B6251083A874D48273"),
            ("hmac-sha256", "04DB15AD0774D5CFCE2C837DE43E3FCEA9011ED74F3038FB6AB5F3C4CEA119E8"),
        ]
        for (method, sign) in signs {
            let answer = fixture.send(
                .taobao,
                .post,
                "/router/rest",
                form: Self.topForm(sign: sign, signMethod: method)
            )
            #expect(answer["item_seller_get_response", "item", "num"] == .number("7"), "\(method): \(answer.text)")
            #expect(answer["item_seller_get_response", "item", "num_iid"] == .number("11223344"))
        }
    }

    @Test("TOP: wrong sign → 25, stale timestamp → 31, expired session → 27")
    func topRefusals() throws {
        let fixture = SimulatorFixture(nowMillis: Self.topVectorTime)
        try fixture.shop(.taobao, appKey: "12345678", secret: "helloworld", accessToken: "test")
        let good = Self.topForm(sign: "66987CB115214E59E6EC978214934FB8")
        let lowerCase = Self.topForm(sign: "66987cb115214e59e6ec978214934fb8")
        #expect(
            fixture.send(.taobao, .post, "/router/rest", form: lowerCase)["error_response", "code"] == .number("25")
        )
        fixture.world.advanceClock(seconds: 601)
        #expect(fixture.send(.taobao, .post, "/router/rest", form: good)["error_response", "code"] == .number("31"))
        fixture.world.setClock(millis: Self.topVectorTime)
        try fixture.world.expire(token: "test")
        let expired = fixture.send(.taobao, .post, "/router/rest", form: good)
        #expect(expired["error_response", "code"] == .number("27"))
        #expect(expired["error_response", "msg"] == .string("Invalid session"))
    }

    static func jdForm(sign: String) -> [(String, String)] {
        [
            ("app_key", "12345678"), ("access_token", "test"), ("method", "jingdong.pop.order.enGet"),
            ("timestamp", "2016-01-01 12:00:00"), ("v", "2.0"), ("format", "json"),
            ("360buy_param_json", #"{"optional_fields":"orderId,orderState","order_id":"123456789"}"#), ("sign", sign),
        ]
    }

    @Test("JD: the vector is accepted and answers the order under enGet_responce; refusals 12, 8 and 19")
    func jdVector() throws {
        let fixture = SimulatorFixture(nowMillis: Self.topVectorTime)
        let (shop, _) = try fixture.shop(.jd, appKey: "12345678", secret: "helloworld", accessToken: "test")
        try fixture.order(in: shop, id: "123456789")
        let answer = fixture.send(
            .jd,
            .post,
            "/routerjson",
            form: Self.jdForm(sign: "19DB65916BE6FC3E73E26D4421257A23")
        )
        let info = answer["jingdong_pop_order_enGet_responce", "orderDetailInfo", "orderInfo"]
        #expect(info?["orderId"] == .string("123456789"), "\(answer.text)")
        #expect(info?["orderState"] == .string("WAIT_SELLER_STOCK_OUT"))
        #expect(info?["orderPayment"] == .string("31.00"))
        #expect(answer["jingdong_pop_order_enGet_responce", "code"] == .string("0"))

        let wrong = fixture.send(.jd, .post, "/routerjson", form: Self.jdForm(sign: "19DB65916BE6FC3E73E26D4421257A24"))
        #expect(wrong["error_response", "code"] == .string("12"))
        fixture.world.advanceClock(seconds: 361)
        let good = Self.jdForm(sign: "19DB65916BE6FC3E73E26D4421257A23")
        #expect(fixture.send(.jd, .post, "/routerjson", form: good)["error_response", "code"] == .string("8"))
        fixture.world.setClock(millis: Self.topVectorTime)
        try fixture.world.expire(token: "test")
        #expect(fixture.send(.jd, .post, "/routerjson", form: good)["error_response", "code"] == .string("19"))
    }

    static func pddForm(sign: String) -> [(String, String)] {
        [
            ("type", "pdd.order.information.get"), ("client_id", "abcd1234"), ("access_token", "token123"),
            ("timestamp", "1700000000"), ("data_type", "JSON"), ("order_sn", "231010-123456789012345"),
            ("sign", sign),
        ]
    }

    @Test("PDD: the vector is accepted; wrong sign, stale timestamp refused; expired token → 10019")
    func pddVector() throws {
        let fixture = SimulatorFixture(nowMillis: 1_700_000_000_000)
        let (shop, _) = try fixture.shop(.pinduoduo, appKey: "abcd1234", secret: "secret123", accessToken: "token123")
        try fixture.order(in: shop, id: "231010-123456789012345")
        let good = Self.pddForm(sign: "B252E613DBF56F61BEEB8FE17C8A54D2")
        let answer = fixture.send(.pinduoduo, .post, "/api/router", form: good)
        #expect(answer["order_info_get_response", "order_info", "order_sn"] == .string("231010-123456789012345"))
        #expect(answer["order_info_get_response", "order_info", "pay_amount"] == .number("31"), "\(answer.text)")

        let wrong = fixture.send(
            .pinduoduo,
            .post,
            "/api/router",
            form: Self.pddForm(sign: "B252E613DBF56F61BEEB8FE17C8A54D3")
        )
        #expect(wrong["error_response", "error_code"] == .number("10003"))
        fixture.world.advanceClock(seconds: -601)
        #expect(
            fixture.send(.pinduoduo, .post, "/api/router", form: good)["error_response", "error_code"]
                == .number("10002")
        )
        fixture.world.setClock(millis: 1_700_000_000_000)
        try fixture.world.expire(token: "token123")
        let expired = fixture.send(.pinduoduo, .post, "/api/router", form: good)
        #expect(expired["error_response", "error_code"] == .number("10019"))
        #expect(expired["error_response", "error_msg"] == .string("access_token已过期"))
    }

    @Test("PDD: the same vector posted as a JSON body (as qihangerp does) is accepted")
    func pddVectorAsJSON() throws {
        let fixture = SimulatorFixture(nowMillis: 1_700_000_000_000)
        let (shop, _) = try fixture.shop(.pinduoduo, appKey: "abcd1234", secret: "secret123", accessToken: "token123")
        try fixture.order(in: shop, id: "231010-123456789012345")
        let body =
            #"{"type":"pdd.order.information.get","client_id":"abcd1234","access_token":"token123","#
            + #""timestamp":1700000000,"data_type":"JSON","order_sn":"231010-123456789012345","#
            + #""sign":"B252E613DBF56F61BEEB8FE17C8A54D2"}"#
        let answer = fixture.send(.pinduoduo, .post, "/api/router", json: body)
        #expect(answer["order_info_get_response", "order_info", "order_sn"] == .string("231010-123456789012345"))
    }

    static let doudianParamJSON =
        #"{"order_by":"update_time","page":0,"size":20,"update_time_end":1700001800,"update_time_start":1700000000}"#

    static func doudianQuery(sign: String, signMethod: String = "hmac-sha256") -> [(String, String)] {
        [
            ("app_key", "1234567890123456789"), ("method", "order.searchList"), ("timestamp", "1700002000"),
            ("v", "2"), ("sign_method", signMethod), ("sign", sign), ("access_token", "tok"),
        ]
    }

    @Test("抖店: the vector's HMAC and MD5 signatures are accepted; refusals carry 40003 and their sub-codes")
    func doudianVector() throws {
        let fixture = SimulatorFixture(nowMillis: 1_700_002_000_000)
        let (shop, _) = try fixture.shop(.doudian, appKey: "1234567890123456789", secret: "abcdef", accessToken: "tok")
        try fixture.order(in: shop, createdMillis: 1_700_000_900_000)
        let hmac = "7490c0ffe8e21f5fac78730986eae382b5b70efbdb9f282c895d213d478eaa83"
        for (method, sign) in [("hmac-sha256", hmac), ("md5", "bc74faf1045e7f7a32383946b53629ac")] {
            let answer = fixture.send(
                .doudian,
                .post,
                "/order/searchList",
                query: Self.doudianQuery(sign: sign, signMethod: method),
                json: Self.doudianParamJSON
            )
            #expect(answer["code"] == .number("10000"), "\(method): \(answer.text)")
            #expect(answer["data", "total"] == .number("1"))
            #expect(answer["data", "page"] == .number("0"))
        }
        let wrong = fixture.send(
            .doudian,
            .post,
            "/order/searchList",
            query: Self.doudianQuery(sign: String(hmac.reversed())),
            json: Self.doudianParamJSON
        )
        #expect(wrong["code"] == .number("40003"))
        #expect(wrong["sub_code"] == .string("isv.signature-invalid"))
        let good = Self.doudianQuery(sign: hmac)
        fixture.world.advanceClock(seconds: 601)
        let stale = fixture.send(.doudian, .post, "/order/searchList", query: good, json: Self.doudianParamJSON)
        #expect(stale["sub_code"] == .string("isv.timestamp-invalid"))
        fixture.world.setClock(millis: 1_700_002_000_000)
        try fixture.world.expire(token: "tok")
        let expired = fixture.send(.doudian, .post, "/order/searchList", query: good, json: Self.doudianParamJSON)
        #expect(expired["code"] == .number("40003"))
        #expect(expired["sub_code"] == .string("isv.access-token-expired"))
    }

    static func kuaishouQuery(sign: String, signMethod: String = "MD5") -> [(String, String)] {
        let param =
            #"{"beginTime":1700000000000,"cursor":"","endTime":1700001800000,"orderViewStatus":1,"pageSize":50,"#
            + #""queryType":2}"#
        return [
            ("access_token", "xxx"), ("appkey", "ks123"), ("method", "open.order.cursor.list"), ("param", param),
            ("signMethod", signMethod), ("timestamp", "1700002000000"), ("version", "1"), ("sign", sign),
        ]
    }

    @Test("快手: the vector's MD5 and HMAC_SHA256 signatures are accepted; refusals 26, 25 and 28 TOKEN过期")
    func kuaishouVector() throws {
        let fixture = SimulatorFixture(nowMillis: 1_700_002_000_000)
        let (shop, _) = try fixture.shop(.kuaishou, appKey: "ks123", signSecret: "sigsecret", accessToken: "xxx")
        try fixture.order(in: shop, createdMillis: 1_700_000_900_000)
        let signs = [
            ("MD5", "2006386ad2f1edae887d8ef7ba0a49ba"),
            ("HMAC_SHA256", "h1hjmooKQgqEtd/FPJuBODDyo04QjA3BL/mG9iBut+8="),
        ]
        for (method, sign) in signs {
            let answer = fixture.send(
                .kuaishou,
                .get,
                "/open/order/cursor/list",
                query: Self.kuaishouQuery(sign: sign, signMethod: method)
            )
            #expect(answer["result"] == .number("1"), "\(method): \(answer.text)")
            #expect(answer["data", "orderList"]?.array?.count == 1)
            #expect(answer["data", "cursor"] == .string("nomore"))
        }
        let wrong = fixture.send(.kuaishou, .get, "/open/order/cursor/list", query: Self.kuaishouQuery(sign: "00"))
        #expect(wrong["result"] == .number("26"))
        let good = Self.kuaishouQuery(sign: "2006386ad2f1edae887d8ef7ba0a49ba")
        fixture.world.advanceClock(seconds: 601)
        #expect(fixture.send(.kuaishou, .get, "/open/order/cursor/list", query: good)["result"] == .number("25"))
        fixture.world.setClock(millis: 1_700_002_000_000)
        try fixture.world.expire(token: "xxx")
        let expired = fixture.send(.kuaishou, .get, "/open/order/cursor/list", query: good)
        #expect(expired["result"] == .number("28"))
        #expect(expired["error_msg"]?.text?.contains("TOKEN过期") == true)
    }

    static func xhsBody(sign: String, orderID: String) -> String {
        #"{"method":"order.getOrderDetail","appId":"21d6abc","timestamp":"1612518379","version":"2.0","#
            + #""sign":"\#(sign)","accessToken":"tok","orderId":"\#(orderID)"}"#
    }

    @Test("小红书: the vector is accepted and the detail has no receiver name; refusals -1004, -1003, -1006")
    func xhsVector() throws {
        let fixture = SimulatorFixture(nowMillis: 1_612_518_379_000)
        let (shop, _) = try fixture.shop(.xiaohongshu, appKey: "21d6abc", secret: "429aabc", accessToken: "tok")
        let order = try fixture.order(in: shop)
        let good = Self.xhsBody(sign: "67073ab8790e72925105535d8d7f44e3", orderID: order.orderID)
        let path = "/ark/open_api/v3/common_controller"
        let answer = fixture.send(.xiaohongshu, .post, path, json: good)
        #expect(answer["success"] == .bool(true), "\(answer.text)")
        #expect(answer["data", "orderId"] == .string(order.orderID))
        #expect(answer["data", "orderStatus"] == .number("4"))
        #expect(answer["data", "totalPayAmount"] == .number("3100"))
        #expect(answer["data", "receiverName"] == nil)

        let wrong = fixture.send(.xiaohongshu, .post, path, json: Self.xhsBody(sign: "0", orderID: order.orderID))
        #expect(wrong["error_code"] == .number("-1004"))
        fixture.world.advanceClock(seconds: 601)
        #expect(fixture.send(.xiaohongshu, .post, path, json: good)["error_code"] == .number("-1003"))
        fixture.world.setClock(millis: 1_612_518_379_000)
        try fixture.world.expire(token: "tok")
        #expect(fixture.send(.xiaohongshu, .post, path, json: good)["error_code"] == .number("-1006"))
    }
}
