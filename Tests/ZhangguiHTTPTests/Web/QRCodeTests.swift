import Testing

@testable import ZhangguiHTTP

@Suite("the QR code of two-factor enrolment")
struct QRCodeTests {
    @Test("an otpauth URI becomes a square code drawn as SVG from numbers only")
    func drawsURI() throws {
        let uri = "otpauth://totp/Zhanggui:owner%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Zhanggui"
        let code = try #require(QRCode(uri))
        #expect(code.width >= 21 && (code.width - 17) % 4 == 0)
        #expect(code.modules.count == code.width * code.width)
        // The three finder patterns: the top-left module of each is dark.
        #expect(code.modules[0] && code.modules[code.width - 1] && code.modules[(code.width - 1) * code.width])
        let svg = code.svg.markup
        #expect(svg.hasPrefix("<svg class=\"qr\""))
        let path = try #require(svg.split(separator: "d=\"").last?.split(separator: "\"").first)
        #expect(path.allSatisfy { "0123456789 Mhvz-".contains($0) })
    }
}
