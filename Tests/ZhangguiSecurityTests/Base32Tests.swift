import Testing
import ZhangguiSecurity

@Suite("Base32 follows RFC 4648")
struct Base32Tests {
    @Test(
        "RFC 4648 section 10 vectors encode and decode",
        arguments: [
            ("", ""),
            ("f", "MY======"),
            ("fo", "MZXQ===="),
            ("foo", "MZXW6==="),
            ("foob", "MZXW6YQ="),
            ("fooba", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI======"),
        ]
    )
    func vectors(plain: String, encoded: String) {
        #expect(Base32.encode(Array(plain.utf8)) == encoded)
        #expect(Base32.decode(encoded) == Array(plain.utf8))
    }

    @Test("secrets are shown without padding and read back in lower case with spaces")
    func unpaddedAndLowerCase() {
        #expect(Base32.encode(Array("foobar".utf8), padded: false) == "MZXW6YTBOI")
        #expect(Base32.decode("mzxw 6ytb oi") == Array("foobar".utf8))
    }

    @Test(
        "characters outside the alphabet and impossible lengths are refused",
        arguments: ["MZXW1", "M", "MZX", "MY=A"]
    )
    func refusals(text: String) {
        #expect(Base32.decode(text) == nil)
    }
}
