import Foundation
import Testing

@testable import ZhangguiSecurity

@Suite("Secrets at rest, sealed with AES-256-GCM")
struct SecretSealerTests {
    static let key = (0..<32).map { UInt8($0) }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    @Test("the GCM specification's test cases 13 and 14 (zero key and nonce) come out as published")
    func knownAnswers() throws {
        let sealer = try SecretSealer(key: [UInt8](repeating: 0, count: 32))
        let nonce = [UInt8](repeating: 0, count: 12)
        let (empty, emptyTag) = try sealer.encrypt([], nonce: nonce, context: "")
        #expect(empty.isEmpty)
        #expect(Self.hex(emptyTag) == "530f8afbc74536b9a963b4f1c4cb738b")
        let (block, blockTag) = try sealer.encrypt([UInt8](repeating: 0, count: 16), nonce: nonce, context: "")
        #expect(Self.hex(block) == "cea7403d4d606b6e074ec5d3baf39d18")
        #expect(Self.hex(blockTag) == "d0d1c8a799996bf0265b98b5d48ab919")
    }

    @Test("a sealed token opens for its own context only, and never shows the token")
    func roundTrip() throws {
        let sealer = try SecretSealer(key: Self.key)
        let sealed = try sealer.seal("access-token-示例", context: "shop:1:access_token")
        #expect(sealed.hasPrefix("v1."))
        #expect(!sealed.contains("access-token"))
        #expect(try sealer.open(sealed, context: "shop:1:access_token") == "access-token-示例")
        #expect(try sealer.seal("access-token-示例", context: "shop:1:access_token") != sealed)
        #expect(
            throws: SecurityError(
                code: .unreadableSealedSecret,
                detail: "altered, or sealed under another key or context"
            )
        ) {
            try sealer.open(sealed, context: "shop:2:access_token")
        }
    }

    @Test("an altered text, another key or garbage is refused")
    func refusals() throws {
        let sealer = try SecretSealer(key: Self.key)
        let sealed = try sealer.seal("secret", context: "c")
        var bytes = [UInt8](Data(base64Encoded: String(sealed.dropFirst(3)))!)
        bytes[13] ^= 1
        let altered = "v1." + Data(bytes).base64EncodedString()
        #expect(throws: SecurityError.self) { try sealer.open(altered, context: "c") }
        let other = try SecretSealer(key: [UInt8](repeating: 7, count: 32))
        #expect(throws: SecurityError.self) { try other.open(sealed, context: "c") }
        #expect(throws: SecurityError.self) { try sealer.open("v1.AAAA", context: "c") }
        #expect(throws: SecurityError.self) { try sealer.open("secret", context: "c") }
    }

    @Test("the key comes from the environment as hex or Base64, or from a key file")
    func keyFromEnvironment() throws {
        let hexKey = Self.hex(Self.key)
        let base64Key = Data(Self.key).base64EncodedString()
        let sealed = try SecretSealer(key: Self.key).seal("x", context: "c")
        for environment in [["ZHANGGUI_SECRET_KEY": hexKey], ["ZHANGGUI_SECRET_KEY": " \(base64Key)\n"]] {
            #expect(try SecretSealer.fromEnvironment(environment).open(sealed, context: "c") == "x")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-key-\(UUID().uuidString)")
        try Data((hexKey + "\n").utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let fromFile = try SecretSealer.fromEnvironment(["ZHANGGUI_SECRET_KEY_FILE": file.path])
        #expect(try fromFile.open(sealed, context: "c") == "x")
    }

    @Test(
        "a missing or short key is refused by name, without echoing it",
        arguments: [[:], ["ZHANGGUI_SECRET_KEY": "abcd"], ["ZHANGGUI_SECRET_KEY_FILE": "/nonexistent/zhanggui.key"]]
    )
    func badKeys(environment: [String: String]) {
        do {
            _ = try SecretSealer.fromEnvironment(environment)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.code == .invalidKey)
            #expect(!error.description.contains("abcd"))
        }
    }
}
