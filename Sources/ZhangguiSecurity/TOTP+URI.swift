extension TOTP {
    /// The `otpauth://` URI an authenticator app reads from a QR code (Google Authenticator's Key URI format):
    /// label `issuer:account`, the secret in unpadded base32, and the algorithm, digits and period spelled out.
    public func provisioningURI(issuer: String, account: String) -> String {
        let label = "\(Self.percentEncoded(issuer)):\(Self.percentEncoded(account))"
        let query = [
            "secret=\(Base32.encode(secret, padded: false))",
            "issuer=\(Self.percentEncoded(issuer))",
            "algorithm=\(algorithm.rawValue)",
            "digits=\(digits.rawValue)",
            "period=\(Self.step)",
        ]
        return "otpauth://totp/\(label)?\(query.joined(separator: "&"))"
    }

    /// Percent-encodes every byte of UTF-8 except unreserved characters (RFC 3986) and `@`.
    static func percentEncoded(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            let isUnreserved =
                (65...90).contains(byte) || (97...122).contains(byte) || (48...57).contains(byte)
                || "-._~@".utf8.contains(byte)
            if isUnreserved {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output += "%" + SecretDigest.hex([byte]).uppercased()
            }
        }
        return output
    }
}
