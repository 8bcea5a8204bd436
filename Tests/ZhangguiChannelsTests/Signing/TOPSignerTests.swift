import Testing
import ZhangguiChannels

@Suite("TOP signatures (spec §1.2)")
struct TOPSignerTests {
    /// The parameters of the official TOP SDK vector, `sign_method` set per test.
    static func parameters(signMethod: String) -> [String: String] {
        [
            "method": "taobao.item.seller.get", "app_key": "12345678", "session": "test",
            "timestamp": "2016-01-01 12:00:00", "format": "json", "v": "2.0", "sign_method": signMethod,
            "fields": "num_iid,title,nick,price,num", "num_iid": "11223344",
        ]
    }

    @Test("the parameters are concatenated sorted by key, without separators")
    func concatenation() {
        #expect(
            TOPSigner.concatenation(Self.parameters(signMethod: "md5"))
                == "app_key12345678fieldsnum_iid,title,nick,price,numformatjsonmethodtaobao.item.seller.get"
                + "num_iid11223344sessiontestsign_methodmd5timestamp2016-01-01 12:00:00v2.0"
        )
    }

    @Test(
        "each sign method gives the spec's signature",
        arguments: [
            (TOPSignMethod.md5, "66987CB115214E59E6EC978214934FB8"),
            (.hmac, "D56D7858309C31B6251083A874D48273"),
            (.hmacSHA256, "04DB15AD0774D5CFCE2C837DE43E3FCEA9011ED74F3038FB6AB5F3C4CEA119E8"),
        ]
    )
    func vectors(method: TOPSignMethod, expected: String) {
        #expect(
            TOPSigner.sign(Self.parameters(signMethod: method.rawValue), secret: "helloworld", method: method)
                == expected
        )
    }

    @Test("sign itself and empty values take no part")
    func ignoresSignAndEmptyValues() {
        var parameters = Self.parameters(signMethod: "md5")
        parameters["sign"] = "ANYTHING"
        parameters["partner_id"] = ""
        #expect(TOPSigner.sign(parameters, secret: "helloworld", method: .md5) == "66987CB115214E59E6EC978214934FB8")
    }

    @Test(
        "the legacy signature wraps the secret on the left only",
        arguments: [("winwindg", "E780A69E04E438846FAF25AD28047415"), ("风胜", "C94566A40E066217E83292751B225F2C")]
    )
    func legacy(nick: String, expected: String) {
        #expect(TOPSigner.signLegacy(["fields": "nick,sex", "nick": nick], secret: "carver") == expected)
    }
}
