import Testing
import ZhangguiChannels

@Suite("JD, PDD, 抖店, 快手 and 小红书 signatures (spec §2–6)")
struct PlatformSignerTests {
    @Test("JD signs its system parameters and 360buy_param_json like TOP MD5")
    func jd() {
        let paramJSON = JDSigner.paramJSON([
            "order_id": .string("123456789"), "optional_fields": .string("orderId,orderState"), "dropped": .null,
        ])
        #expect(paramJSON == #"{"optional_fields":"orderId,orderState","order_id":"123456789"}"#)
        let parameters = [
            "app_key": "12345678", "access_token": "test", "method": "jingdong.pop.order.enGet",
            "timestamp": "2016-01-01 12:00:00", "v": "2.0", "format": "json", "360buy_param_json": paramJSON,
        ]
        #expect(TOPSigner.concatenation(parameters).hasPrefix("360buy_param_json{"))
        #expect(JDSigner.sign(parameters, secret: "helloworld") == "19DB65916BE6FC3E73E26D4421257A23")
    }

    @Test("PDD wraps the sorted concatenation in the client secret")
    func pdd() {
        let parameters = [
            "type": "pdd.order.information.get", "client_id": "abcd1234", "access_token": "token123",
            "timestamp": "1700000000", "data_type": "JSON", "order_sn": "231010-123456789012345",
        ]
        #expect(
            PDDSigner.concatenation(parameters)
                == "access_tokentoken123client_idabcd1234data_typeJSONorder_sn231010-123456789012345"
                + "timestamp1700000000typepdd.order.information.get"
        )
        #expect(PDDSigner.sign(parameters, clientSecret: "secret123") == "B252E613DBF56F61BEEB8FE17C8A54D2")
    }

    static let doudianParamJSON = DoudianSigner.paramJSON([
        "size": .int(20), "page": .int(0), "update_time_start": .int(1_700_000_000),
        "update_time_end": .int(1_700_001_800), "order_by": .string("update_time"),
    ])

    @Test("抖店 param_json is compact with sorted keys")
    func doudianParamJSON() {
        #expect(
            Self.doudianParamJSON
                == #"{"order_by":"update_time","page":0,"size":20,"#
                + #""update_time_end":1700001800,"update_time_start":1700000000}"#
        )
        #expect(DoudianSigner.paramJSON([:]) == "{}")
    }

    @Test(
        "抖店 signs the fixed-order string with HMAC-SHA256 or MD5",
        arguments: [
            (DoudianSignMethod.hmacSHA256, "7490c0ffe8e21f5fac78730986eae382b5b70efbdb9f282c895d213d478eaa83"),
            (.md5, "bc74faf1045e7f7a32383946b53629ac"),
        ]
    )
    func doudian(method: DoudianSignMethod, expected: String) {
        let sign = DoudianSigner.sign(
            appKey: "1234567890123456789",
            method: "order.searchList",
            paramJSON: Self.doudianParamJSON,
            timestamp: "1700002000",
            secret: "abcdef",
            signMethod: method
        )
        #expect(sign == expected)
    }

    static func kuaishouParameters(signMethod: KuaishouSignMethod) -> [String: String] {
        [
            "access_token": "xxx", "appkey": "ks123", "method": "open.order.cursor.list",
            "param": #"{"beginTime":1700000000000,"cursor":"","endTime":1700001800000,"orderViewStatus":1,"#
                + #""pageSize":50,"queryType":2}"#,
            "signMethod": signMethod.rawValue, "timestamp": "1700002000000", "version": "1",
        ]
    }

    @Test(
        "快手 signs k=v pairs plus the sign secret, MD5 in hex or HMAC-SHA256 in Base64",
        arguments: [
            (KuaishouSignMethod.md5, "2006386ad2f1edae887d8ef7ba0a49ba"),
            (.hmacSHA256, "h1hjmooKQgqEtd/FPJuBODDyo04QjA3BL/mG9iBut+8="),
        ]
    )
    func kuaishou(method: KuaishouSignMethod, expected: String) {
        var parameters = Self.kuaishouParameters(signMethod: method)
        parameters["sign"] = "ignored"
        parameters["unsigned_extra"] = "ignored"
        #expect(KuaishouSigner.sign(parameters, signSecret: "sigsecret", method: method) == expected)
    }

    @Test("小红书 v3 signs the method, app id, timestamp and version")
    func xhs() {
        let sign = XHSSigner.sign(
            method: "order.getOrderDetail",
            appID: "21d6abc",
            timestamp: "1612518379",
            appSecret: "429aabc"
        )
        #expect(sign == "67073ab8790e72925105535d8d7f44e3")
    }

    @Test("小红书 legacy v1 signs the path and sorted query")
    func xhsLegacy() {
        let sign = XHSSigner.signLegacyV1(
            path: "/ark/open_api/v1/items",
            parameters: [
                "timestamp": "1469902537", "status": "0", "page_size": "50", "page_no": "1", "app-key": "xhs",
            ],
            appSecret: "9a539709cafc1efc9ef05838be468a28"
        )
        #expect(sign == "72be6fad4dd0e5104dbdebbcdadb2a06")
    }

    @Test("Base64 pads to a multiple of four", arguments: [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v")])
    func base64(input: String, expected: String) {
        #expect(SigningDigest.base64(Array(input.utf8)) == expected)
    }
}
