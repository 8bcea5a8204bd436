import Testing
import ZhangguiChannels

@Suite("Form encoding and endpoint policy")
struct FormEncodingTests {
    @Test("only unreserved bytes stay as they are; UTF-8 is percent-encoded")
    func encodes() {
        #expect(
            FormEncoding.encode([("a b", "x&y=z"), ("时间", "2016-01-01 12:00:00"), ("k", "-._~")])
                == "a%20b=x%26y%3Dz&%E6%97%B6%E9%97%B4=2016-01-01%2012%3A00%3A00&k=-._~"
        )
    }

    @Test("decoding reads + as a space and refuses broken escapes")
    func decodes() throws {
        let pairs = try #require(FormEncoding.decode("a=1+2&b=%E7%A4%BA&c"))
        #expect(pairs.map(\.0) == ["a", "b", "c"])
        #expect(pairs.map(\.1) == ["1 2", "示", ""])
        #expect(FormEncoding.decode("a=%G1") == nil)
        #expect(FormEncoding.decode("a=%E7%A4") == nil)
    }

    @Test(
        "https anywhere, plain http only to this machine",
        arguments: [
            ("https://eco.taobao.com/router/rest", "eco.taobao.com"),
            ("http://127.0.0.1:8080/router", "127.0.0.1"),
            ("http://localhost/x", "localhost"),
            ("http://[::1]:9000/x", "[::1]"),
            ("https://user@host.test:443/x?y", "host.test"),
        ]
    )
    func allowedEndpoints(url: String, host: String) throws {
        #expect(try EndpointPolicy.checkedHost(of: url) == host)
    }

    @Test(
        "other endpoints are refused",
        arguments: ["http://api.jd.com/routerjson", "ftp://x.test", "https:///path", "", "http://127.0.0.1.evil.test/"]
    )
    func refusedEndpoints(url: String) {
        #expect(throws: TransportError.self) { try EndpointPolicy.checkedHost(of: url) }
    }
}
