internal import CCrypto
internal import Foundation

/// Seals secrets for storage with AES-256-GCM (libcrypto EVP): a fresh random 12-byte nonce per sealing, a 16-byte
/// tag, and associated data that binds the sealed text to its row, so a ciphertext copied to another row, changed
/// by one bit or opened with another key is refused.
///
/// The sealed form is text: `v1.` followed by base64 of nonce, ciphertext and tag.
public struct SecretBox: Sendable {
    private let key: [UInt8]

    /// - Parameter key: 32 bytes.
    public init(key: [UInt8]) throws(SecretKeyError) {
        guard key.count == 32 else { throw SecretKeyError(code: .wrongLength, detail: "\(key.count) bytes") }
        self.key = key
    }

    private static let prefix = "v1."
    private static let nonceLength = 12
    private static let tagLength = 16

    /// `plaintext` sealed under the key, bound to `associatedData`.
    public func seal(_ plaintext: [UInt8], associatedData: String) throws(SecurityError) -> String {
        let nonce = try SecureRandom.bytes(Self.nonceLength)
        let (ciphertext, tag) = try crypt(plaintext, nonce: nonce, associatedData: associatedData, tag: nil)
        return Self.prefix + Data(nonce + ciphertext + tag).base64EncodedString()
    }

    /// The plaintext of `sealed`.
    /// - Throws: ``SecretKeyError`` `.cannotOpen` when the text is not a sealed secret, was changed, was sealed
    ///   under another key or for other associated data; the error never says which.
    public func open(_ sealed: String, associatedData: String) throws(SecretKeyError) -> [UInt8] {
        guard sealed.hasPrefix(Self.prefix), let data = Data(base64Encoded: String(sealed.dropFirst(Self.prefix.count)))
        else { throw SecretKeyError(code: .cannotOpen) }
        let bytes = [UInt8](data)
        guard bytes.count >= Self.nonceLength + Self.tagLength else { throw SecretKeyError(code: .cannotOpen) }
        let nonce = Array(bytes.prefix(Self.nonceLength))
        let tag = Array(bytes.suffix(Self.tagLength))
        let ciphertext = Array(bytes.dropFirst(Self.nonceLength).dropLast(Self.tagLength))
        do {
            return try crypt(ciphertext, nonce: nonce, associatedData: associatedData, tag: tag).output
        } catch {
            throw SecretKeyError(code: .cannotOpen)
        }
    }

    /// Encrypts (tag nil) or decrypts and verifies (tag given) `input`; internal so tests can check published
    /// answers with a fixed nonce.
    func crypt(_ input: [UInt8], nonce: [UInt8], associatedData: String, tag: [UInt8]?)
        throws(SecurityError) -> (output: [UInt8], tag: [UInt8])
    {
        guard let context = EVP_CIPHER_CTX_new() else { throw SecurityError(code: .libraryFailure, detail: "context") }
        defer { EVP_CIPHER_CTX_free(context) }
        let encrypting: Int32 = tag == nil ? 1 : 0
        var output = [UInt8](repeating: 0, count: input.count + 16)
        var produced: Int32 = 0
        var finished: Int32 = 0
        var ok = EVP_CipherInit_ex(context, EVP_aes_256_gcm(), nil, key, nonce, encrypting) == 1
        let aad = Array(associatedData.utf8)
        var ignored: Int32 = 0
        ok = ok && EVP_CipherUpdate(context, nil, &ignored, aad, Int32(aad.count)) == 1
        ok = ok && EVP_CipherUpdate(context, &output, &produced, input, Int32(input.count)) == 1
        var tagBytes = tag ?? [UInt8](repeating: 0, count: Self.tagLength)
        if tag != nil {
            ok = ok && EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_AEAD_SET_TAG, Int32(Self.tagLength), &tagBytes) == 1
        }
        ok =
            ok
            && output.withUnsafeMutableBufferPointer { buffer in
                EVP_CipherFinal_ex(context, buffer.baseAddress! + Int(produced), &finished) == 1
            }
        if ok, tag == nil {
            ok = EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_AEAD_GET_TAG, Int32(Self.tagLength), &tagBytes) == 1
        }
        guard ok else { throw SecurityError(code: .libraryFailure, detail: "AES-GCM refused the input") }
        return (Array(output.prefix(Int(produced + finished))), tagBytes)
    }
}

/// Where the key that seals platform secrets comes from: `ZHANGGUI_SECRET_KEY` (32 bytes in base64, such as
/// `openssl rand -base64 32` prints) or, when that is unset, the file `ZHANGGUI_SECRET_KEY_FILE` names, holding the
/// same base64 text.
public enum SecretKey {
    public static let environmentVariable = "ZHANGGUI_SECRET_KEY"
    public static let fileVariable = "ZHANGGUI_SECRET_KEY_FILE"

    /// The box for the key the environment names.
    /// - Throws: ``SecretKeyError`` `.missing` when neither variable is set, `.unreadableFile`, `.notBase64` or
    ///   `.wrongLength`; the message names the variable, never the key.
    public static func box(environment: [String: String]) throws(SecretKeyError) -> SecretBox {
        let text: String
        if let value = environment[environmentVariable], !value.isEmpty {
            text = value
        } else if let path = environment[fileVariable], !path.isEmpty {
            guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw SecretKeyError(code: .unreadableFile, detail: fileVariable)
            }
            text = contents
        } else {
            throw SecretKeyError(code: .missing)
        }
        guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw SecretKeyError(code: .notBase64)
        }
        return try SecretBox(key: [UInt8](data))
    }
}

/// Why a secret key could not be had, or a sealed secret not opened. The message never holds key or secret.
public struct SecretKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case missing
        case unreadableFile
        case notBase64
        case wrongLength
        /// The sealed text was changed, or sealed under another key or for another row.
        case cannotOpen
    }

    public let code: Code
    public let detail: String

    public init(code: Code, detail: String = "") {
        self.code = code
        self.detail = detail
    }

    public var description: String {
        switch code {
        case .missing:
            "no secret key: set \(SecretKey.environmentVariable) to 32 random bytes in base64 "
                + "(openssl rand -base64 32), or \(SecretKey.fileVariable) to a file holding them"
        case .unreadableFile: "cannot read the secret key file that \(detail) names"
        case .notBase64: "the secret key is not base64 text"
        case .wrongLength: "the secret key must be 32 bytes, not \(detail)"
        case .cannotOpen: "a stored secret cannot be opened: changed, or sealed under another key"
        }
    }
}
