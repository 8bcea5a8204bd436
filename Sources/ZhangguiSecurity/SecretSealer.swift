internal import CCrypto
internal import Foundation

/// AES-256-GCM for the secrets Zhanggui must keep at rest in readable form: platform app secrets, sign secrets,
/// access and refresh tokens.
///
/// A sealed text is `v1.` + Base64(12-byte random nonce ‖ ciphertext ‖ 16-byte tag). The `context` (such as
/// `shop:42:access_token`) is authenticated but not stored, so a sealed value copied to another shop or field
/// does not open. Neither the key nor any plaintext appears in an error.
public struct SecretSealer: Sendable {
    /// The environment variable holding the key as 64 hex digits or Base64 of 32 bytes.
    public static let keyVariable = "ZHANGGUI_SECRET_KEY"
    /// The environment variable naming a file that holds the key in the same form (or 32 raw bytes).
    public static let keyFileVariable = "ZHANGGUI_SECRET_KEY_FILE"

    private let key: [UInt8]

    /// A sealer with a 32-byte key.
    /// - Throws: ``SecurityError`` `.invalidKey` for any other length.
    public init(key: [UInt8]) throws(SecurityError) {
        guard key.count == 32 else {
            throw SecurityError(code: .invalidKey, detail: "it has \(key.count) bytes, not 32")
        }
        self.key = key
    }

    /// The sealer whose key the process environment gives (see ``fromEnvironment(_:)``).
    public static func fromProcessEnvironment() throws(SecurityError) -> SecretSealer {
        try fromEnvironment(ProcessInfo.processInfo.environment)
    }

    /// The sealer whose key `environment` gives: ``keyVariable`` first, else the file ``keyFileVariable`` names.
    /// - Throws: ``SecurityError`` `.invalidKey` naming the variable or file when neither gives a 32-byte key.
    public static func fromEnvironment(_ environment: [String: String]) throws(SecurityError) -> SecretSealer {
        if let text = environment[keyVariable], !text.isEmpty {
            guard let key = keyBytes(fromText: text) else {
                throw SecurityError(
                    code: .invalidKey,
                    detail: "\(keyVariable) is neither 64 hex digits nor Base64 of 32 bytes"
                )
            }
            return try SecretSealer(key: key)
        }
        guard let path = environment[keyFileVariable], !path.isEmpty else {
            throw SecurityError(code: .invalidKey, detail: "set \(keyVariable) or \(keyFileVariable)")
        }
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw SecurityError(code: .invalidKey, detail: "the file named by \(keyFileVariable) cannot be read")
        }
        let bytes = [UInt8](contents)
        if bytes.count == 32 { return try SecretSealer(key: bytes) }
        guard let key = keyBytes(fromText: String(decoding: bytes, as: UTF8.self)) else {
            throw SecurityError(code: .invalidKey, detail: "the file named by \(keyFileVariable) holds no 32-byte key")
        }
        return try SecretSealer(key: key)
    }

    /// 32 bytes from 64 hex digits or from Base64, surrounding whitespace ignored; `nil` otherwise.
    static func keyBytes(fromText text: String) -> [UInt8]? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.count == 64, trimmed.allSatisfy(\.isHexDigit) {
            var bytes: [UInt8] = []
            var index = trimmed.startIndex
            while index < trimmed.endIndex {
                let next = trimmed.index(index, offsetBy: 2)
                guard let byte = UInt8(trimmed[index..<next], radix: 16) else { return nil }
                bytes.append(byte)
                index = next
            }
            return bytes
        }
        guard let data = Data(base64Encoded: trimmed), data.count == 32 else { return nil }
        return [UInt8](data)
    }

    /// `plaintext` sealed for `context`, with a fresh random nonce (sealing the same text twice differs).
    public func seal(_ plaintext: String, context: String) throws(SecurityError) -> String {
        let nonce = try SecureRandom.bytes(12)
        let (ciphertext, tag) = try encrypt(Array(plaintext.utf8), nonce: nonce, context: context)
        return "v1." + Data(nonce + ciphertext + tag).base64EncodedString()
    }

    /// AES-256-GCM of `plaintext` under a given nonce: the ciphertext and the 16-byte tag (for known-answer tests;
    /// sealing always draws a fresh nonce).
    func encrypt(_ plaintext: [UInt8], nonce: [UInt8], context: String) throws(SecurityError) -> ([UInt8], [UInt8]) {
        let result = try crypt(plaintext, nonce: nonce, context: context, tag: nil)
        return (result.output, result.tag)
    }

    /// The plaintext of a text ``seal(_:context:)`` made for the same `context` under the same key.
    /// - Throws: ``SecurityError`` `.unreadableSealedSecret` for anything else.
    public func open(_ sealed: String, context: String) throws(SecurityError) -> String {
        guard sealed.hasPrefix("v1."), let data = Data(base64Encoded: String(sealed.dropFirst(3))), data.count >= 28
        else { throw SecurityError(code: .unreadableSealedSecret, detail: "not a v1 sealed text") }
        let bytes = [UInt8](data)
        let nonce = Array(bytes[0..<12])
        let ciphertext = Array(bytes[12..<(bytes.count - 16)])
        let tag = Array(bytes[(bytes.count - 16)...])
        let (plaintext, _) = try crypt(ciphertext, nonce: nonce, context: context, tag: tag)
        guard let text = String(validating: plaintext, as: UTF8.self) else {
            throw SecurityError(code: .unreadableSealedSecret, detail: "the plaintext is not UTF-8")
        }
        return text
    }

    /// Encrypts (`tag` nil: returns ciphertext and the new tag) or decrypts and verifies (`tag` given).
    private func crypt(
        _ input: [UInt8],
        nonce: [UInt8],
        context: String,
        tag: [UInt8]?
    ) throws(SecurityError) -> (output: [UInt8], tag: [UInt8]) {
        guard let cipherContext = EVP_CIPHER_CTX_new() else {
            throw SecurityError(code: .libraryFailure, detail: "EVP_CIPHER_CTX_new")
        }
        defer { EVP_CIPHER_CTX_free(cipherContext) }
        let isEncrypting = tag == nil
        let aad = Array(context.utf8)
        var output = [UInt8](repeating: 0, count: input.count + 16)
        var length: Int32 = 0
        var total = 0
        var newTag = tag ?? [UInt8](repeating: 0, count: 16)
        let ok: Bool = output.withUnsafeMutableBufferPointer { out in
            guard EVP_CipherInit_ex(cipherContext, EVP_aes_256_gcm(), nil, nil, nil, isEncrypting ? 1 : 0) == 1,
                EVP_CIPHER_CTX_ctrl(cipherContext, EVP_CTRL_AEAD_SET_IVLEN, 12, nil) == 1,
                EVP_CipherInit_ex(cipherContext, nil, nil, key, nonce, -1) == 1,
                aad.isEmpty || EVP_CipherUpdate(cipherContext, nil, &length, aad, Int32(aad.count)) == 1,
                input.isEmpty
                    || EVP_CipherUpdate(cipherContext, out.baseAddress, &length, input, Int32(input.count)) == 1
            else { return false }
            total = input.isEmpty ? 0 : Int(length)
            if !isEncrypting {
                guard EVP_CIPHER_CTX_ctrl(cipherContext, EVP_CTRL_AEAD_SET_TAG, 16, &newTag) == 1 else { return false }
            }
            guard EVP_CipherFinal_ex(cipherContext, out.baseAddress.map { $0 + total }, &length) == 1 else {
                return false
            }
            total += Int(length)
            if isEncrypting {
                return EVP_CIPHER_CTX_ctrl(cipherContext, EVP_CTRL_AEAD_GET_TAG, 16, &newTag) == 1
            }
            return true
        }
        guard ok else {
            if isEncrypting { throw SecurityError(code: .libraryFailure, detail: "AES-256-GCM encryption failed") }
            throw SecurityError(
                code: .unreadableSealedSecret,
                detail: "altered, or sealed under another key or context"
            )
        }
        return (Array(output.prefix(total)), newTag)
    }
}
