import Testing
import ZhangguiSecurity

@Suite("Passwords, digests, tokens and recovery codes")
struct SecretTests {
    @Test("a password hash carries argon2id and its parameters, and verifies only its own password")
    func passwordRoundTrip() throws {
        let hasher = PasswordHasher.standard
        let encoded = try hasher.hash("correct horse battery staple")

        #expect(encoded.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
        #expect(hasher.verify("correct horse battery staple", against: encoded))
        #expect(!hasher.verify("correct horse battery stapler", against: encoded))
        #expect(!hasher.needsRehash(encoded))
        #expect(PasswordHasher(memoryKiB: 47_104, iterations: 1, lanes: 1).needsRehash(encoded))
    }

    @Test("the same password hashed twice gives two different strings (fresh salt)")
    func freshSalt() throws {
        let first = try PasswordHasher.standard.hash("same password twice")
        let second = try PasswordHasher.standard.hash("same password twice")
        #expect(first != second)
    }

    @Test("an empty password and one over 1024 bytes are refused; verifying them is false")
    func passwordLimits() throws {
        let hasher = PasswordHasher.standard
        #expect(throws: SecurityError(code: .emptyPassword)) { try hasher.hash("") }
        #expect(throws: SecurityError(code: .passwordTooLong)) { try hasher.hash(String(repeating: "a", count: 1025)) }
        let encoded = try hasher.hash(String(repeating: "密", count: 341))  // 1023 bytes of UTF-8
        #expect(hasher.verify(String(repeating: "密", count: 341), against: encoded))
        #expect(!hasher.verify("", against: encoded))
        #expect(!hasher.verify("x", against: "not a hash"))
    }

    @Test("SHA-256 of \"abc\" is the FIPS 180-2 example digest")
    func sha256() {
        #expect(
            SecretDigest.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        )
    }

    @Test("HMAC-SHA-256 gives RFC 4231 test case 2")
    func hmac() {
        let mac = HMACAlgorithm.sha256.authenticate(Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8))
        let hex = mac.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
        #expect(hex == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test("constant-time comparison says equal only for equal strings")
    func constantTime() {
        #expect(SecretDigest.constantTimeEquals("abc", "abc"))
        #expect(!SecretDigest.constantTimeEquals("abc", "abd"))
        #expect(!SecretDigest.constantTimeEquals("abc", "abcd"))
        #expect(SecretDigest.constantTimeEquals("", ""))
    }

    @Test("a token is 32 random bytes in 43 base64url characters, never the same twice")
    func tokens() throws {
        let first = try SecureRandom.token()
        let second = try SecureRandom.token()
        #expect(first.count == 43)
        #expect(first != second)
        #expect(first.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }

    @Test("ten recovery codes like xxxx-xxxx, all different, read back however they are typed")
    func recoveryCodes() throws {
        let codes = try RecoveryCodes.generate()
        #expect(codes.count == 10)
        #expect(Set(codes).count == 10)
        for code in codes {
            #expect(code.count == 9)
            #expect(Array(code)[4] == "-")
            #expect(RecoveryCodes.normalized(code) == code)
        }
        #expect(RecoveryCodes.normalized(" K7MQ 2XWP ") == "k7mq-2xwp")
        #expect(RecoveryCodes.normalized("k7mq-2xw0") == nil)  // 0 is not in the alphabet
        #expect(RecoveryCodes.normalized("k7mq") == nil)
    }
}
