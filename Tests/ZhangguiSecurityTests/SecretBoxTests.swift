import Foundation
import Testing

@testable import ZhangguiSecurity

@Suite("Sealing platform secrets with AES-256-GCM")
struct SecretBoxTests {
    private let key = [UInt8](repeating: 7, count: 32)
    private let binding = "zhanggui.shop-credentials.v1;company=1;shop=2"

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    @Test("the GCM specification's test cases 13 and 14 (zero key and nonce) come out as published")
    func knownAnswers() throws {
        let box = try SecretBox(key: [UInt8](repeating: 0, count: 32))
        let nonce = [UInt8](repeating: 0, count: 12)
        let empty = try box.crypt([], nonce: nonce, associatedData: "", tag: nil)
        #expect(empty.output.isEmpty)
        #expect(Self.hex(empty.tag) == "530f8afbc74536b9a963b4f1c4cb738b")
        let block = try box.crypt([UInt8](repeating: 0, count: 16), nonce: nonce, associatedData: "", tag: nil)
        #expect(Self.hex(block.output) == "cea7403d4d606b6e074ec5d3baf39d18")
        #expect(Self.hex(block.tag) == "d0d1c8a799996bf0265b98b5d48ab919")
    }

    @Test("a sealed secret opens to the same bytes, and never shows them")
    func roundTrip() throws {
        let box = try SecretBox(key: key)
        let secret = Array("app-secret-演示".utf8)
        let sealed = try box.seal(secret, associatedData: binding)
        #expect(sealed.hasPrefix("v1."))
        #expect(!sealed.contains("app-secret"))
        // 12-byte nonce + 17 bytes of UTF-8 + 16-byte tag = 45 bytes, 60 characters of base64.
        #expect(sealed.count == 3 + 60)
        #expect(try box.open(sealed, associatedData: binding) == secret)
    }

    @Test("sealing the same secret twice gives two texts (a fresh nonce each time)")
    func freshNonce() throws {
        let box = try SecretBox(key: key)
        #expect(try box.seal([1, 2, 3], associatedData: binding) != box.seal([1, 2, 3], associatedData: binding))
    }

    @Test("a changed byte, another key or another row's binding is refused")
    func refusals() throws {
        let box = try SecretBox(key: key)
        let sealed = try box.seal(Array("token".utf8), associatedData: binding)
        var bytes = [UInt8](Data(base64Encoded: String(sealed.dropFirst(3)))!)
        bytes[14] ^= 0x01
        let tampered = "v1." + Data(bytes).base64EncodedString()
        let refused = SecretKeyError(code: .cannotOpen)
        #expect(throws: refused) { try box.open(tampered, associatedData: binding) }
        #expect(throws: refused) {
            try SecretBox(key: [UInt8](repeating: 8, count: 32)).open(sealed, associatedData: binding)
        }
        #expect(throws: refused) {
            try box.open(sealed, associatedData: "zhanggui.shop-credentials.v1;company=1;shop=3")
        }
        #expect(throws: refused) { try box.open("v1.short", associatedData: binding) }
        #expect(throws: refused) { try box.open("plain text", associatedData: binding) }
    }

    @Test("the key comes from ZHANGGUI_SECRET_KEY or a key file, with a clear error when missing or wrong")
    func keyLoading() throws {
        let encoded = Data(key).base64EncodedString()
        let box = try SecretKey.box(environment: ["ZHANGGUI_SECRET_KEY": encoded])
        let sealed = try box.seal([42], associatedData: binding)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("secret.key")
        try (encoded + "\n").write(to: file, atomically: true, encoding: .utf8)
        let fromFile = try SecretKey.box(environment: ["ZHANGGUI_SECRET_KEY_FILE": file.path])
        #expect(try fromFile.open(sealed, associatedData: binding) == [42])

        #expect(throws: SecretKeyError(code: .missing)) { try SecretKey.box(environment: [:]) }
        #expect(throws: SecretKeyError(code: .notBase64)) {
            try SecretKey.box(environment: ["ZHANGGUI_SECRET_KEY": "%%%"])
        }
        #expect(throws: SecretKeyError(code: .wrongLength, detail: "16 bytes")) {
            try SecretKey.box(environment: ["ZHANGGUI_SECRET_KEY": Data(repeating: 1, count: 16).base64EncodedString()])
        }
        #expect(SecretKeyError(code: .missing).description.contains("ZHANGGUI_SECRET_KEY"))
    }
}
