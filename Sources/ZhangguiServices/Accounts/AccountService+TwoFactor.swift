internal import ZhangguiCore
internal import ZhangguiSecurity
internal import ZhangguiStore

/// The start of TOTP enrolment: what the authenticator app needs, shown once.
public struct TOTPEnrolment: Sendable, Hashable {
    /// The secret in base32, for typing into the app by hand.
    public let secret: String
    /// The `otpauth://` URI to show as a QR code.
    public let uri: String
}

extension AccountService {
    /// Starts two-factor enrolment for the signed-in user: a new secret, pending until a code from it is confirmed.
    /// Starting again replaces a pending secret.
    /// - Throws: ``AccountError`` `.totpAlreadyEnabled`, `.forbidden` for an API token.
    public func startTOTPEnrolment(by principal: Principal, now: Int64) throws -> TOTPEnrolment {
        try principal.requireSession()
        let secret = try TOTP.generateSecret()
        let encoded = Base32.encode(secret, padded: false)
        return try database.write { connection in
            let users = UserRecords(connection)
            guard let user = try users.user(id: principal.userID, companyID: principal.companyID) else {
                throw AccountError(.sessionInvalid)
            }
            guard !user.isTOTPEnabled else { throw AccountError(.totpAlreadyEnabled) }
            try users.setPendingTOTPSecret(encoded, userID: user.id, companyID: user.companyID)
            try AuditLog.record(
                "user.startTOTPEnrolment",
                object: .user(user.id),
                after: ["totpPending": true],
                by: principal.actor,
                at: now,
                in: connection
            )
            return TOTPEnrolment(
                secret: encoded,
                uri: TOTP(secret: secret).provisioningURI(issuer: policy.issuer, account: user.email)
            )
        }
    }

    /// Confirms enrolment with a code from the app, turns two-factor sign-in on, and returns 10 recovery codes,
    /// which are shown once: only their digests are kept.
    /// - Throws: ``AccountError`` `.totpNotStarted`, `.totpAlreadyEnabled`, `.wrongSecondFactor`, `.forbidden` for
    ///   an API token.
    public func confirmTOTP(code: String, by principal: Principal, now: Int64) throws -> [String] {
        try principal.requireSession()
        let recoveryCodes = try RecoveryCodes.generate()
        return try database.write { connection in
            let users = UserRecords(connection)
            guard let user = try users.user(id: principal.userID, companyID: principal.companyID) else {
                throw AccountError(.sessionInvalid)
            }
            guard !user.isTOTPEnabled else { throw AccountError(.totpAlreadyEnabled) }
            guard let secret = user.totpSecret.flatMap(Base32.decode) else { throw AccountError(.totpNotStarted) }
            guard let counter = TOTP(secret: secret).verify(code.filter { $0 != " " }, at: now) else {
                throw AccountError(.wrongSecondFactor)
            }
            try users.enableTOTP(lastCounter: counter, userID: user.id, companyID: user.companyID)
            try users.replaceRecoveryCodes(
                recoveryCodes.map(SecretDigest.sha256Hex),
                userID: user.id,
                companyID: user.companyID,
                now: now
            )
            try AuditLog.record(
                "user.enableTOTP",
                object: .user(user.id),
                before: ["totpEnabled": false],
                after: ["totpEnabled": true],
                by: principal.actor,
                at: now,
                in: connection
            )
            return recoveryCodes
        }
    }
}
