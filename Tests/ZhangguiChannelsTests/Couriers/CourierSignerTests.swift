import Testing
import ZhangguiChannels

/// The couriers' digests against the vectors of specs/platform-apis.md §7.6 and §7.7.
@Suite struct CourierSignerTests {
    @Test("顺丰's msgDigest of the spec's route query is the spec's vector")
    func sfVector() {
        let data = #"{"language":"0","trackingType":"1","trackingNumber":["SF7444407228423"],"methodType":"1"}"#
        let digest = SFSigner.messageDigest(messageData: data, timestamp: "1700000000000", checkWord: "checkword123")
        #expect(digest == "QNknCFmYO/3KlPxcUVBUqw==")
    }

    @Test("顺丰 encodes as Java's URLEncoder: space as +, * kept, ~ and Chinese percent-encoded")
    func javaEncoding() {
        #expect(SFSigner.javaURLEncoded("a b*~.-_中") == "a+b*%7E.-_%E4%B8%AD")
    }

    @Test("中通's x-dataDigest of the spec's body is the spec's vector")
    func ztoVector() {
        let body = #"{"billCode":"73100196611386","mobilePhone":"5514"}"#
        #expect(ZTOSigner.dataDigest(body: body, appSecret: "appsecret123") == "yIy6v7DtR9rTGNo33x1NEQ==")
    }
}
