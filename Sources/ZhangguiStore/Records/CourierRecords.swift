import Foundation
public import ZhangguiCore

/// A courier account as stored: the credentials stay sealed until a service opens them.
public struct CourierAccountRecord: Sendable, Hashable {
    public let code: String
    /// `offline`, `sf` or `zto`.
    public let service: String
    /// The carrier code stored on shipments (`SF`, `ZTO`, `YTO`, or an offline range's courier code).
    public let carrierCode: String
    public let sealedCredentials: String
    public let isDefault: Bool

    public init(code: String, service: String, carrierCode: String, sealedCredentials: String, isDefault: Bool) {
        self.code = code
        self.service = service
        self.carrierCode = carrierCode
        self.sealedCredentials = sealedCredentials
        self.isDefault = isDefault
    }
}

/// Queries about courier accounts, the rules that choose them and the shops' default accounts.
public struct CourierRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Adds an account, or replaces the one with the same code; a default account takes over from the previous one.
    public func saveAccount(_ account: CourierAccountRecord, companyID: Int64) throws {
        if account.isDefault {
            try connection.execute(
                "UPDATE courier_accounts SET is_default = 0 WHERE company_id = ? AND code <> ?",
                companyID,
                account.code
            )
        }
        try connection.execute(
            """
            INSERT INTO courier_accounts (company_id, code, service, carrier_code, credentials, is_default, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (company_id, code) DO UPDATE SET service = excluded.service,
                carrier_code = excluded.carrier_code, credentials = excluded.credentials,
                is_default = excluded.is_default
            """,
            companyID,
            account.code,
            account.service,
            account.carrierCode,
            account.sealedCredentials,
            account.isDefault ? 1 : 0,
            Clock.nowSeconds()
        )
    }

    /// Every account of the company, by code.
    public func accounts(companyID: Int64) throws -> [CourierAccountRecord] {
        try connection.query(
            """
            SELECT code, service, carrier_code, credentials, is_default FROM courier_accounts
            WHERE company_id = ? ORDER BY code
            """,
            companyID
        ).map { row in
            CourierAccountRecord(
                code: row.string(0),
                service: row.string(1),
                carrierCode: row.string(2),
                sealedCredentials: row.string(3),
                isDefault: row.int(4) == 1
            )
        }
    }

    /// Sets (or replaces) the rule at its priority.
    public func saveRule(_ rule: CourierRule, companyID: Int64) throws {
        let json = String(decoding: try JSONEncoder().encode(rule), as: UTF8.self)
        try connection.execute(
            """
            INSERT INTO courier_rules (company_id, priority, account_code, rule) VALUES (?, ?, ?, ?)
            ON CONFLICT (company_id, priority) DO UPDATE SET account_code = excluded.account_code, rule = excluded.rule
            """,
            companyID,
            Int64(rule.priority),
            rule.accountCode,
            json
        )
    }

    /// Removes the rule at `priority`; returns whether there was one.
    public func deleteRule(priority: Int, companyID: Int64) throws -> Bool {
        try connection.execute(
            "DELETE FROM courier_rules WHERE company_id = ? AND priority = ?",
            companyID,
            Int64(priority)
        ) > 0
    }

    /// Sets the account a shop's parcels take when no rule holds.
    public func setShopDefault(accountCode: String, shopID: Int64, companyID: Int64) throws {
        try connection.execute(
            """
            INSERT INTO shop_courier_defaults (shop_id, company_id, account_code) VALUES (?, ?, ?)
            ON CONFLICT (shop_id) DO UPDATE SET account_code = excluded.account_code
            """,
            shopID,
            companyID,
            accountCode
        )
    }

    /// The company's rules, shop defaults and default account.
    public func ruleBook(companyID: Int64) throws -> CourierRuleBook {
        var book = CourierRuleBook()
        for row in try connection.query(
            "SELECT rule FROM courier_rules WHERE company_id = ? ORDER BY priority",
            companyID
        ) {
            book.rules.append(try JSONDecoder().decode(CourierRule.self, from: Data(row.string(0).utf8)))
        }
        for row in try connection.query(
            "SELECT shop_id, account_code FROM shop_courier_defaults WHERE company_id = ?",
            companyID
        ) {
            book.shopDefaults[row.int(0)] = row.string(1)
        }
        book.companyDefault = try connection.queryOne(
            "SELECT code FROM courier_accounts WHERE company_id = ? AND is_default = 1",
            companyID
        )?.string(0)
        return book
    }
}
