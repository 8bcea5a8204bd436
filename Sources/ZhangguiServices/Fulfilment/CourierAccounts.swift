import Foundation
public import ZhangguiCore
public import ZhangguiSecurity
public import ZhangguiStore

/// How a courier account reaches its courier.
public enum CourierServiceKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Numbers from an offline range (``OfflineRangeCourier``): no network.
    case offline
    /// 顺丰 丰桥.
    case sf
    /// 中通 ZOP.
    case zto
    /// 菜鸟 e-waybill through TOP, for the carrier the account's carrier code names (`YTO` 圆通 …).
    case cainiao
    /// 拼多多 e-waybill, for the carrier the account's carrier code names.
    case pdd
    /// 抖店 (抖音电子面单), for the carrier the account's carrier code names.
    case doudian
}

/// An account's secrets and endpoint, sealed in the database.
///
/// Secret: never log; `description` names the fields only.
public struct CourierCredentials: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The courier's endpoint (production by default; the simulator in tests).
    public var endpoint: String
    /// The service's own fields: 丰桥 `partnerID`, `checkWord`, `monthlyCard`; ZOP `appKey`, `appSecret`,
    /// `accountID`, `accountPassword`.
    public var fields: [String: String]
    /// The random token a courier's push must carry in the hook URL (`?token=`), for couriers whose pushes are not
    /// signed (顺丰); set when the account is saved and kept when it is saved again. Nil for an account saved
    /// before hooks existed, until ``CourierAccounts/hookToken(accountCode:companyID:)`` gives it one.
    public var hookToken: String?

    public init(endpoint: String = "", fields: [String: String] = [:], hookToken: String? = nil) {
        self.endpoint = endpoint
        self.fields = fields
        self.hookToken = hookToken
    }

    public var description: String { "credentials with fields \(fields.keys.sorted().joined(separator: ", "))" }
}

/// A courier account as people see it (no secrets).
public struct CourierAccount: Sendable, Hashable, Encodable {
    public let code: String
    public let service: CourierServiceKind
    public let carrierCode: String
    public let isDefault: Bool
}

/// Makes the client of a network account; the interfaces give one built on ZhangguiChannels.
public typealias CourierClientMaker =
    @Sendable (CourierServiceKind, _ carrierCode: String, CourierCredentials) throws -> any CourierClient

/// Courier accounts and rules (快递账号与规则): credentials sealed with AES-256-GCM bound to company and account.
public struct CourierAccounts: Sendable {
    let database: any Database
    let box: SecretBox?

    public init(database: any Database, box: SecretBox?) {
        self.database = database
        self.box = box
    }

    /// Adds or replaces an account.
    /// - Throws: ``SecretKeyError`` `.missing` for a network account without a key to seal its credentials.
    public func save(
        code: String,
        service: CourierServiceKind,
        carrierCode: String,
        credentials: CourierCredentials,
        isDefault: Bool,
        companyID: Int64,
        audit: AuditContext? = nil
    ) throws {
        var credentials = credentials
        if service != .offline, credentials.hookToken == nil {
            credentials.hookToken = try existingHookToken(code: code, companyID: companyID) ?? SecureRandom.token()
        }
        let sealed = service == .offline ? "" : try seal(credentials, code: code, companyID: companyID)
        let record = CourierAccountRecord(
            code: code,
            service: service.rawValue,
            carrierCode: carrierCode,
            sealedCredentials: sealed,
            isDefault: isDefault
        )
        try database.write { connection in
            try CourierRecords(connection).saveAccount(record, companyID: companyID)
            let account = CourierAccount(code: code, service: service, carrierCode: carrierCode, isDefault: isDefault)
            try audit?.record(
                "courier.account.save",
                object: AuditObject(type: "courierAccount", id: code),
                after: account,
                in: connection
            )
        }
    }

    /// Every account of the company, by code.
    public func accounts(companyID: Int64) throws -> [CourierAccount] {
        try database.read { try CourierRecords($0).accounts(companyID: companyID) }.map(Self.account)
    }

    /// The open credentials of an account.
    /// - Throws: ``SecretKeyError`` when they were sealed under another key or changed.
    func credentials(of record: CourierAccountRecord, companyID: Int64) throws -> CourierCredentials {
        guard let box else { throw SecretKeyError(code: .missing) }
        let bytes = try box.open(record.sealedCredentials, associatedData: Self.binding(record.code, companyID))
        return try JSONDecoder().decode(CourierCredentials.self, from: Data(bytes))
    }

    func seal(_ credentials: CourierCredentials, code: String, companyID: Int64) throws -> String {
        guard let box else { throw SecretKeyError(code: .missing) }
        return try box.seal(Array(try JSONEncoder().encode(credentials)), associatedData: Self.binding(code, companyID))
    }

    static func binding(_ code: String, _ companyID: Int64) -> String {
        "zhanggui.courier-credentials.v1;company=\(companyID);account=\(code)"
    }

    static func account(_ record: CourierAccountRecord) -> CourierAccount {
        CourierAccount(
            code: record.code,
            service: CourierServiceKind(rawValue: record.service) ?? .offline,
            carrierCode: record.carrierCode,
            isDefault: record.isDefault
        )
    }

    /// Sets (or replaces) the rule at its priority.
    /// - Throws: ``CourierError`` `.refused` when the rule names an account the company does not have, or has
    ///   bounds no parcel fits (``CourierRule/boundsProblem``).
    public func saveRule(_ rule: CourierRule, companyID: Int64, audit: AuditContext? = nil) throws {
        if let problem = rule.boundsProblem {
            throw CourierError(code: .refused, courierCode: "", detail: "rule \(rule.priority): \(problem)")
        }
        try database.write { connection in
            let records = CourierRecords(connection)
            guard try records.accounts(companyID: companyID).contains(where: { $0.code == rule.accountCode }) else {
                throw CourierError(code: .refused, courierCode: rule.accountCode, detail: "no such courier account")
            }
            try records.saveRule(rule, companyID: companyID)
            try audit?.record(
                "courier.rule.save",
                object: AuditObject(type: "courierRule", id: String(rule.priority)),
                after: rule,
                in: connection
            )
        }
    }

    /// Removes the rule at `priority`; returns whether there was one.
    public func deleteRule(priority: Int, companyID: Int64) throws -> Bool {
        try database.write { try CourierRecords($0).deleteRule(priority: priority, companyID: companyID) }
    }

    /// Sets the account a shop's parcels take when no rule holds.
    public func setShopDefault(accountCode: String, shopID: Int64, companyID: Int64) throws {
        try database.write {
            try CourierRecords($0).setShopDefault(accountCode: accountCode, shopID: shopID, companyID: companyID)
        }
    }

    /// The company's rules and defaults.
    public func ruleBook(companyID: Int64) throws -> CourierRuleBook {
        try database.read { try CourierRecords($0).ruleBook(companyID: companyID) }
    }
}
