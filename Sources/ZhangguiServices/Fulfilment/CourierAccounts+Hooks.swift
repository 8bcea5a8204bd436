public import ZhangguiSecurity
public import ZhangguiStore

/// A courier account with its open credentials, as the push hook and the tracking poll need it.
///
/// Secret: never log `credentials`.
public struct OpenCourierAccount: Sendable {
    public let code: String
    public let service: CourierServiceKind
    public let carrierCode: String
    public let credentials: CourierCredentials
}

extension CourierAccounts {
    /// The account `code` of the company with its credentials opened; nil when there is none or it is offline.
    /// - Throws: ``SecretKeyError`` when the server has no key or the credentials were sealed under another.
    public func openAccount(code: String, companyID: Int64) throws -> OpenCourierAccount? {
        let record = try database.read { try CourierRecords($0).accounts(companyID: companyID) }
            .first { $0.code == code }
        guard let record, let service = CourierServiceKind(rawValue: record.service), service != .offline else {
            return nil
        }
        return OpenCourierAccount(
            code: record.code,
            service: service,
            carrierCode: record.carrierCode,
            credentials: try credentials(of: record, companyID: companyID)
        )
    }

    /// Every network account of the company (no offline ranges), with its credentials opened.
    /// - Throws: ``SecretKeyError`` when the server has no key or the credentials were sealed under another.
    public func openAccounts(companyID: Int64) throws -> [OpenCourierAccount] {
        let records = try database.read { try CourierRecords($0).accounts(companyID: companyID) }
        return try records.compactMap { record in
            guard let service = CourierServiceKind(rawValue: record.service), service != .offline else { return nil }
            return OpenCourierAccount(
                code: record.code,
                service: service,
                carrierCode: record.carrierCode,
                credentials: try credentials(of: record, companyID: companyID)
            )
        }
    }

    /// The token the account's push hook URL carries, made and stored now when the account has none yet (an
    /// account saved before hooks existed) or when `renewing` (the old URL then stops working at once); nil for an
    /// offline account or none.
    /// - Throws: ``SecretKeyError`` when the server has no key or the credentials were sealed under another.
    public func hookToken(accountCode: String, companyID: Int64, renewing: Bool = false) throws -> String? {
        guard let account = try openAccount(code: accountCode, companyID: companyID) else { return nil }
        if !renewing, let token = account.credentials.hookToken { return token }
        var credentials = account.credentials
        credentials.hookToken = try SecureRandom.token()
        let sealed = try seal(credentials, code: accountCode, companyID: companyID)
        try database.write { connection in
            let records = CourierRecords(connection)
            guard let record = try records.accounts(companyID: companyID).first(where: { $0.code == accountCode })
            else { return }
            let updated = CourierAccountRecord(
                code: record.code,
                service: record.service,
                carrierCode: record.carrierCode,
                sealedCredentials: sealed,
                isDefault: record.isDefault
            )
            try records.saveAccount(updated, companyID: companyID)
        }
        return credentials.hookToken
    }

    /// The hook token of the account being saved again, so that its hook URL stays the same; nil for a new account
    /// or one whose old credentials cannot be opened.
    func existingHookToken(code: String, companyID: Int64) -> String? {
        guard box != nil else { return nil }
        return (try? openAccount(code: code, companyID: companyID))??.credentials.hookToken
    }
}
