import Testing
import ZhangguiSecurity

@Suite("One-time codes follow RFC 4226 and RFC 6238")
struct TOTPTests {
    /// RFC 6238 appendix B seeds: "12345678901234567890" repeated to the hash's own length.
    private static func seed(_ algorithm: HMACAlgorithm) -> [UInt8] {
        let length =
            switch algorithm {
            case .sha1: 20
            case .sha256: 32
            case .sha512: 64
            }
        return Array(Array(repeating: "1234567890", count: 7).joined().utf8.prefix(length))
    }

    @Test(
        "RFC 6238 appendix B: every published 8-digit code, for SHA-1, SHA-256 and SHA-512",
        arguments: [
            (59, "94287082", "46119246", "90693936"),
            (1_111_111_109, "07081804", "68084774", "25091201"),
            (1_111_111_111, "14050471", "67062674", "99943326"),
            (1_234_567_890, "89005924", "91819424", "93441116"),
            (2_000_000_000, "69279037", "90698825", "38618901"),
            (20_000_000_000, "65353130", "77737706", "47863826"),
        ] as [(Int64, String, String, String)]
    )
    func appendixB(time: Int64, sha1: String, sha256: String, sha512: String) {
        #expect(TOTP(secret: Self.seed(.sha1), algorithm: .sha1, digits: .eight).code(at: time) == sha1)
        #expect(TOTP(secret: Self.seed(.sha256), algorithm: .sha256, digits: .eight).code(at: time) == sha256)
        #expect(TOTP(secret: Self.seed(.sha512), algorithm: .sha512, digits: .eight).code(at: time) == sha512)
    }

    @Test("RFC 4226 appendix D: the HOTP values for counters 0 to 9")
    func hotpVectors() {
        let hotp = TOTP(secret: Self.seed(.sha1))
        let expected = [
            "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489",
        ]
        #expect((0..<10).map { hotp.code(counter: Int64($0)) } == expected)
    }

    @Test("a 6-digit code is the last six digits of the 8-digit one: t = 59 gives 287082")
    func sixDigits() {
        #expect(TOTP(secret: Self.seed(.sha1)).code(at: 59) == "287082")
    }

    @Test("a code is accepted one step early or late and returns its own step, never two steps off")
    func window() {
        let totp = TOTP(secret: Self.seed(.sha1))
        // t = 59 lies in step 1; its code is HOTP(1) = 287082.
        #expect(totp.verify("287082", at: 59) == 1)
        #expect(totp.verify("287082", at: 89) == 1)  // step 2, one late
        #expect(totp.verify("287082", at: 0) == 1)  // step 0, one early
        #expect(totp.verify("287082", at: 90) == nil)  // step 3, two late
    }

    @Test("a step at or before the last accepted one is refused: a code cannot be replayed")
    func replay() {
        let totp = TOTP(secret: Self.seed(.sha1))
        #expect(totp.verify("287082", at: 59, after: 0) == 1)
        #expect(totp.verify("287082", at: 59, after: 1) == nil)
    }

    @Test(
        "codes of the wrong length or with other characters never match",
        arguments: ["28708", "2870822", "28708a", ""]
    )
    func malformedCodes(code: String) {
        #expect(TOTP(secret: Self.seed(.sha1)).verify(code, at: 59) == nil)
    }

    @Test("the provisioning URI names issuer, account, secret and parameters")
    func provisioningURI() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        let expected: String =
            "otpauth://totp/Zhanggui:li.lei@example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            + "&issuer=Zhanggui&algorithm=SHA1&digits=6&period=30"
        #expect(totp.provisioningURI(issuer: "Zhanggui", account: "li.lei@example.com") == expected)
    }

    @Test("a label with spaces or Chinese is percent-encoded as UTF-8")
    func percentEncodedLabel() {
        let uri = TOTP(secret: [0]).provisioningURI(issuer: "掌柜 Z", account: "a b@example.com")
        #expect(uri.hasPrefix("otpauth://totp/%E6%8E%8C%E6%9F%9C%20Z:a%20b@example.com?"))
    }
}
