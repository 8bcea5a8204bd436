internal import CArgon2
internal import Dispatch

/// Hashes and verifies passwords with Argon2id (RFC 9106) through libargon2.
///
/// A hash is stored as the PHC encoded string, for example
/// `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<tag>`: it carries its own salt and parameters, so stored hashes keep
/// verifying after the parameters are raised, and ``needsRehash(_:)`` tells when to store a new one.
public struct PasswordHasher: Sendable, Hashable {
    /// Memory per hash in KiB; OWASP's minimum for Argon2id is 19,456 KiB (19 MiB).
    public let memoryKiB: UInt32
    /// Passes over the memory.
    public let iterations: UInt32
    /// Lanes (degree of parallelism).
    public let lanes: UInt32

    /// Bytes of random salt per hash.
    public static let saltBytes = 16
    /// Bytes of the derived tag.
    public static let tagBytes = 32
    /// Longer passwords are refused, so a sign-in form cannot be made to hash megabytes.
    public static let maximumPasswordBytes = 1024

    /// The parameters Zhanggui stores new hashes with: m = 19,456 KiB, t = 2, p = 1 (OWASP's first Argon2id set).
    public static let standard = PasswordHasher(memoryKiB: 19_456, iterations: 2, lanes: 1)

    /// At most this many hashes run at once in the process: each takes `memoryKiB` of memory, and a flood of
    /// sign-ins must not exhaust it.
    private static let concurrentHashes = DispatchSemaphore(value: 2)

    public init(memoryKiB: UInt32, iterations: UInt32, lanes: UInt32) {
        self.memoryKiB = memoryKiB
        self.iterations = iterations
        self.lanes = lanes
    }

    /// The encoded Argon2id hash of `password` with a fresh random salt.
    /// - Throws: ``SecurityError`` for an empty password, one over ``maximumPasswordBytes`` bytes, or a failure of
    ///   the random source or of libargon2.
    public func hash(_ password: String) throws(SecurityError) -> String {
        let bytes = try Self.acceptable(password)
        let salt = try SecureRandom.bytes(Self.saltBytes)
        let length = argon2_encodedlen(
            iterations,
            memoryKiB,
            lanes,
            UInt32(Self.saltBytes),
            UInt32(Self.tagBytes),
            Argon2_id
        )
        var encoded = [CChar](repeating: 0, count: length)
        let status = Self.limited {
            argon2id_hash_encoded(
                iterations,
                memoryKiB,
                lanes,
                bytes,
                bytes.count,
                salt,
                salt.count,
                Self.tagBytes,
                &encoded,
                length
            )
        }
        guard status == ARGON2_OK.rawValue else { throw Self.failure(status) }
        return String(decoding: encoded.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether `password` matches the encoded hash. libargon2 compares the tags in constant time.
    ///
    /// An empty or over-long password, or a string that is not an Argon2id hash, never matches.
    public func verify(_ password: String, against encoded: String) -> Bool {
        guard let bytes = try? Self.acceptable(password), encoded.hasPrefix("$argon2id$") else { return false }
        let status = Self.limited { argon2id_verify(encoded, bytes, bytes.count) }
        return status == ARGON2_OK.rawValue
    }

    /// Spends the time and memory of one verification without comparing anything, for an account that does not
    /// exist: a sign-in then takes as long whether the email is known or not.
    public func simulateVerification(_ password: String) {
        let bytes = (try? Self.acceptable(password)) ?? [0]
        var tag = [UInt8](repeating: 0, count: Self.tagBytes)
        let salt = [UInt8](repeating: 0x5A, count: Self.saltBytes)
        _ = Self.limited {
            argon2id_hash_raw(iterations, memoryKiB, lanes, bytes, bytes.count, salt, salt.count, &tag, tag.count)
        }
    }

    /// Whether an encoded hash was made with parameters other than these, so it should be replaced the next time
    /// its password is known (at sign-in).
    public func needsRehash(_ encoded: String) -> Bool {
        !encoded.hasPrefix("$argon2id$v=19$m=\(memoryKiB),t=\(iterations),p=\(lanes)$")
    }

    private static func acceptable(_ password: String) throws(SecurityError) -> [UInt8] {
        let bytes = Array(password.utf8)
        guard !bytes.isEmpty else { throw SecurityError(code: .emptyPassword) }
        guard bytes.count <= maximumPasswordBytes else { throw SecurityError(code: .passwordTooLong) }
        return bytes
    }

    private static func limited(_ body: () -> Int32) -> Int32 {
        concurrentHashes.wait()
        defer { concurrentHashes.signal() }
        return body()
    }

    private static func failure(_ status: Int32) -> SecurityError {
        let message = argon2_error_message(status).map { String(cString: $0) } ?? "error \(status)"
        return SecurityError(code: .libraryFailure, detail: message)
    }
}
