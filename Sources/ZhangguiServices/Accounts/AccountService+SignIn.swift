internal import ZhangguiCore
internal import ZhangguiSecurity
internal import ZhangguiStore

/// What a person typed into the sign-in form, and where it came from.
public struct SignInAttempt: Sendable {
    public var email: String
    public var password: String
    /// The code from the authenticator app, when the account has two-factor sign-in.
    public var totpCode: String?
    /// A recovery code instead of the TOTP code.
    public var recoveryCode: String?
    /// The client's network address, for the per-address limit; empty when unknown (then only the per-account
    /// limit applies).
    public var address: String
    public var requestID: String

    public init(
        email: String,
        password: String,
        totpCode: String? = nil,
        recoveryCode: String? = nil,
        address: String,
        requestID: String = ""
    ) {
        self.email = email
        self.password = password
        self.totpCode = totpCode
        self.recoveryCode = recoveryCode
        self.address = address
        self.requestID = requestID
    }
}

/// A new session. Both tokens are shown to the client once and stored only as digests.
public struct SignedIn: Sendable, Hashable {
    /// The session token for the cookie: 32 random bytes in base64url.
    public let sessionToken: String
    /// The anti-CSRF token the pages send back with every change.
    public let csrfToken: String
    public let companyID: Int64
    public let userID: Int64
    /// The absolute end of the session; it ends earlier after the idle timeout.
    public let expiresAt: Int64
}

extension AccountService {
    /// Signs a user in with email and password, and the second factor when the account has one.
    ///
    /// Steps: refuse if the account or address is over its failure limit; verify the password (or spend the same
    /// time when no such account exists); then, in one transaction, check the limits again, check the second
    /// factor, record the attempt, open the session and audit it.
    /// - Throws: ``AccountError`` `.rateLimited` (with `retryAfter`), `.wrongCredentials` (the same for an unknown
    ///   email, a wrong password and a disabled user), `.secondFactorRequired`, `.wrongSecondFactor`.
    public func signIn(_ attempt: SignInAttempt, now: Int64) throws -> SignedIn {
        let email = Self.normalizedEmail(attempt.email)
        let account = SecretDigest.sha256Hex(email)
        let user = try database.read { connection in
            if let wait = try throttleWait(account: account, address: attempt.address, now: now, in: connection) {
                throw AccountError(.rateLimited, retryAfter: wait)
            }
            return try UserRecords(connection).user(signingInAs: email)
        }
        let passwordMatches: Bool
        if let user, !user.isDisabled {
            passwordMatches = policy.hasher.verify(attempt.password, against: user.passwordHash)
        } else {
            policy.hasher.simulateVerification(attempt.password)
            passwordMatches = false
        }
        let outcome = try database.write { connection in
            try decide(attempt, account: account, user: passwordMatches ? user : nil, now: now, in: connection)
        }
        let signedIn = try outcome.get()
        if let user, policy.hasher.needsRehash(user.passwordHash) {
            try rehash(attempt.password, replacing: user.passwordHash, userID: user.id, companyID: user.companyID)
        }
        return signedIn
    }

    // Known limitation: the limits are checked before the password is verified and again in this transaction, so
    // concurrent attempts can each spend one Argon2 verification beyond the limit, but no session is ever opened
    // for an account or address over it.

    /// The write step of sign-in. Refusals are returned, not thrown, so the failed attempt they record commits.
    private func decide(
        _ attempt: SignInAttempt,
        account: String,
        user verified: UserRecord?,
        now: Int64,
        in connection: any DatabaseConnection
    ) throws -> Result<SignedIn, AccountError> {
        if let wait = try throttleWait(account: account, address: attempt.address, now: now, in: connection) {
            return .failure(AccountError(.rateLimited, retryAfter: wait))
        }
        let record = { (companyID: Int64?, succeeded: Bool) in
            try SignInAttemptRecords(connection).record(
                account: account,
                address: attempt.address,
                companyID: companyID,
                succeeded: succeeded,
                at: now
            )
        }
        // Read the user again inside the transaction: a password change or disabling since the check wins.
        guard let verified, let user = try UserRecords(connection).user(id: verified.id, companyID: verified.companyID),
            !user.isDisabled, user.passwordHash == verified.passwordHash
        else {
            let known = try UserRecords(connection).user(signingInAs: Self.normalizedEmail(attempt.email))
            try record(known?.companyID, false)
            return .failure(AccountError(.wrongCredentials))
        }
        if user.isTOTPEnabled, let refusal = try checkSecondFactor(attempt, user: user, now: now, in: connection) {
            if refusal.code == .wrongSecondFactor { try record(user.companyID, false) }
            return .failure(refusal)
        }
        try record(user.companyID, true)
        return .success(try openSession(for: user, attempt: attempt, now: now, in: connection))
    }

    /// Checks the TOTP code or recovery code; nil when one of them is right.
    private func checkSecondFactor(
        _ attempt: SignInAttempt,
        user: UserRecord,
        now: Int64,
        in connection: any DatabaseConnection
    ) throws -> AccountError? {
        let users = UserRecords(connection)
        if let code = attempt.totpCode?.filter({ $0 != " " }), !code.isEmpty {
            guard let secret = user.totpSecret.flatMap(Base32.decode),
                let counter = TOTP(secret: secret).verify(code, at: now, after: user.totpLastCounter),
                try users.acceptTOTPCounter(counter, userID: user.id, companyID: user.companyID)
            else { return AccountError(.wrongSecondFactor) }
            return nil
        }
        if let typed = attempt.recoveryCode, !typed.trimmed.isEmpty {
            guard let code = RecoveryCodes.normalized(typed),
                try users.useRecoveryCode(
                    SecretDigest.sha256Hex(code),
                    userID: user.id,
                    companyID: user.companyID,
                    now: now
                )
            else { return AccountError(.wrongSecondFactor) }
            let left = try users.unusedRecoveryCodes(userID: user.id, companyID: user.companyID)
            try AuditLog.record(
                "user.useRecoveryCode",
                object: .user(user.id),
                after: ["unusedRecoveryCodes": left],
                by: AuditActor(companyID: user.companyID, userID: user.id, requestID: attempt.requestID),
                at: now,
                in: connection
            )
            return nil
        }
        return AccountError(.secondFactorRequired)
    }

    /// Stores a new session for `user` and audits the sign-in.
    private func openSession(
        for user: UserRecord,
        attempt: SignInAttempt,
        now: Int64,
        in connection: any DatabaseConnection
    ) throws -> SignedIn {
        let token = try SecureRandom.token()
        let csrf = try SecureRandom.token()
        let expiresAt = now + policy.sessions.absolute
        try SessionRecords(connection).insert(
            SessionRecord(
                id: SecretDigest.sha256Hex(token),
                companyID: user.companyID,
                userID: user.id,
                createdAt: now,
                expiresAt: expiresAt,
                lastSeenAt: now,
                revokedAt: nil,
                csrfTokenHash: SecretDigest.sha256Hex(csrf),
                address: attempt.address
            )
        )
        try AuditLog.record(
            "session.signIn",
            object: .user(user.id),
            after: SessionSnapshot(address: attempt.address, expiresAt: expiresAt, secondFactor: user.isTOTPEnabled),
            by: AuditActor(companyID: user.companyID, userID: user.id, requestID: attempt.requestID),
            at: now,
            in: connection
        )
        return SignedIn(
            sessionToken: token,
            csrfToken: csrf,
            companyID: user.companyID,
            userID: user.id,
            expiresAt: expiresAt
        )
    }

    /// Seconds to wait before the account or address may try again, the longer of the two; nil when neither is
    /// over its limit.
    func throttleWait(account: String, address: String, now: Int64, in connection: any DatabaseConnection) throws
        -> Int64?
    {
        let attempts = SignInAttemptRecords(connection)
        let accountThrottle = policy.accountThrottle
        let accountWait = accountThrottle.retryAfter(
            failures: try attempts.failures(account: account, since: now - accountThrottle.window),
            now: now
        )
        var addressWait: Int64?
        if !address.isEmpty {
            let addressThrottle = policy.addressThrottle
            addressWait = addressThrottle.retryAfter(
                failures: try attempts.failures(address: address, since: now - addressThrottle.window),
                now: now
            )
        }
        return [accountWait, addressWait].compactMap { $0 }.max()
    }

    /// Stores a hash with the current parameters for a password that was just verified against an older hash.
    private func rehash(_ password: String, replacing old: String, userID: Int64, companyID: Int64) throws {
        let hash = try policy.hasher.hash(password)
        try database.write { connection in
            _ = try UserRecords(connection).replacePasswordHash(
                old,
                with: hash,
                changedAt: nil,
                userID: userID,
                companyID: companyID
            )
        }
    }
}

/// What the audit log keeps of a sign-in: never the tokens.
struct SessionSnapshot: Encodable {
    let address: String
    let expiresAt: Int64
    let secondFactor: Bool
}
