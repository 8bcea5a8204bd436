/// One-time recovery codes for signing in when the authenticator is lost: 10 codes such as `k7mq-2xwp`.
///
/// The alphabet leaves out characters people confuse when reading them off paper (0/o, 1/l/i) and vowels that
/// could spell words; 8 characters from 27 give about 38 bits, enough because each code works once, is stored
/// only as a digest, and sign-in attempts are rate-limited.
public enum RecoveryCodes {
    /// The characters a code is made of.
    public static let alphabet = Array("23456789bcdfghjkmnpqrstvwxz")
    /// How many codes a user receives at once.
    public static let count = 10

    /// `count` fresh codes in the form `xxxx-xxxx`.
    public static func generate(count: Int = RecoveryCodes.count) throws(SecurityError) -> [String] {
        var codes: [String] = []
        while codes.count < count {
            var characters: [Character] = []
            for _ in 0..<8 {
                characters.append(alphabet[try SecureRandom.index(below: alphabet.count)])
            }
            let code = String(characters.prefix(4)) + "-" + String(characters.suffix(4))
            if !codes.contains(code) { codes.append(code) }
        }
        return codes
    }

    /// The canonical form of a code as typed: lower case, spaces removed, the hyphen put back in the middle; nil
    /// when it cannot be a code.
    public static func normalized(_ typed: String) -> String? {
        let characters = typed.lowercased().filter { $0 != " " && $0 != "-" }
        guard characters.count == 8, characters.allSatisfy(alphabet.contains) else { return nil }
        return String(characters.prefix(4)) + "-" + String(characters.suffix(4))
    }
}
