public import ZhangguiCore
internal import ZhangguiSecurity
public import ZhangguiStore

/// A new API token. `token` is shown once and cannot be recovered: only its digest is stored.
public struct IssuedAPIToken: Sendable, Hashable {
    public let id: Int64
    /// `zg_` followed by 32 random bytes in base64url.
    public let token: String
    /// The first characters of the token, kept so people can tell their tokens apart.
    public let prefix: String
}

extension AccountService {
    /// What every API token starts with, so leaked tokens are easy to recognise (secret scanners, logs).
    public static let tokenPrefix = "zg_"

    /// Creates an API token for an integration, allowed at most what its creator is allowed.
    /// - Parameters:
    ///   - permissions: what the token may do; not empty, and all held by `principal`.
    ///   - expiresAt: when it stops working (UTC seconds), nil for never.
    /// - Throws: ``AccountError`` `.forbidden` for a permission the creator lacks or when an API token asks,
    ///   `.invalidInput` for an empty name, no permissions or an expiry in the past.
    public func createAPIToken(
        name: String,
        permissions: Set<Permission>,
        expiresAt: Int64?,
        by principal: Principal,
        now: Int64
    ) throws -> IssuedAPIToken {
        try principal.requireSession()
        let name = try Self.validName(name)
        guard !permissions.isEmpty else { throw AccountError(.invalidInput, detail: "permissions: none given") }
        let excess = permissions.subtracting(principal.permissions)
        guard excess.isEmpty else {
            throw AccountError(.forbidden, detail: "the token cannot have \(Permission.list(excess))")
        }
        if let expiresAt, expiresAt <= now { throw AccountError(.invalidInput, detail: "expiry in the past") }
        let token = Self.tokenPrefix + (try SecureRandom.token())
        let prefix = String(token.prefix(Self.tokenPrefix.count + 6))
        return try database.write { connection in
            let records = TokenRecords(connection)
            let id = try records.insert(
                hash: SecretDigest.sha256Hex(token),
                prefix: prefix,
                name: name,
                permissions: permissions,
                createdBy: principal.userID,
                expiresAt: expiresAt,
                companyID: principal.companyID,
                now: now
            )
            let stored = try records.token(id: id, companyID: principal.companyID)
            try AuditLog.record(
                "apiToken.create",
                object: .apiToken(id),
                after: stored.map(TokenSnapshot.init),
                by: principal.actor,
                at: now,
                in: connection
            )
            return IssuedAPIToken(id: id, token: token, prefix: prefix)
        }
    }

    /// The principal of an API token.
    ///
    /// The token acts for its creator: it may do what both it and its creator may do now (demoting the creator
    /// narrows the token), within the creator's data scope, and stops working when the creator is disabled.
    /// - Throws: ``AccountError`` `.tokenInvalid` for an unknown, revoked or expired token or a disabled creator.
    public func verifyAPIToken(_ token: String, now: Int64, requestID: String = "") throws -> Principal {
        guard token.hasPrefix(Self.tokenPrefix) else { throw AccountError(.tokenInvalid) }
        let (record, principal) = try database.read { connection in
            guard let record = try TokenRecords(connection).token(hash: SecretDigest.sha256Hex(token)),
                record.revokedAt == nil, now < record.expiresAt ?? Int64.max,
                let creator = try userPrincipal(
                    userID: record.createdBy,
                    companyID: record.companyID,
                    sessionID: nil,
                    requestID: requestID,
                    in: connection
                )
            else { throw AccountError(.tokenInvalid) }
            let principal = Principal(
                companyID: record.companyID,
                userID: record.createdBy,
                tokenID: record.id,
                sessionID: nil,
                permissions: record.permissions.intersection(creator.permissions),
                scope: creator.scope,
                requestID: requestID
            )
            return (record, principal)
        }
        if record.lastUsedAt.map({ now - $0 >= policy.touchInterval }) ?? true {
            try database.write { try TokenRecords($0).touch(id: record.id, now: now) }
        }
        return principal
    }

    /// Revokes an API token of the principal's company: its creator or `users.manage` may.
    /// - Throws: ``AccountError`` `.notFound` for a token of another company, `.forbidden`.
    public func revokeAPIToken(id: Int64, by principal: Principal, now: Int64) throws {
        try database.write { connection in
            let records = TokenRecords(connection)
            guard let before = try records.token(id: id, companyID: principal.companyID) else {
                throw AccountError(.notFound, detail: "API token \(id)")
            }
            // Like managing a user, revoking another's token needs users.manage and every permission it carries.
            let mayManage = principal.can(.usersManage) && before.permissions.isSubset(of: principal.permissions)
            guard before.createdBy == principal.userID || mayManage else {
                throw AccountError(
                    .forbidden,
                    detail: "revoking another user's token needs users.manage and every permission the token holds"
                )
            }
            guard try records.revoke(id: id, companyID: principal.companyID, now: now) else { return }
            try AuditLog.record(
                "apiToken.revoke",
                object: .apiToken(id),
                before: TokenSnapshot(before),
                after: try records.token(id: id, companyID: principal.companyID).map(TokenSnapshot.init),
                by: principal.actor,
                at: now,
                in: connection
            )
        }
    }

    /// The company's API tokens, newest first: all of them for `users.manage`, otherwise the principal's own.
    public func apiTokens(by principal: Principal) throws -> [APITokenRecord] {
        try database.read { connection in
            try TokenRecords(connection).tokens(
                companyID: principal.companyID,
                createdBy: principal.can(.usersManage) ? nil : principal.userID
            )
        }
    }
}
