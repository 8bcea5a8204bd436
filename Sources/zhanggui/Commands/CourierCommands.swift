import Foundation
import ZhangguiAdapters
import ZhangguiChannels
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

/// `zhanggui courier`: courier accounts and the rules that choose them (docs/COURIERS.md).
enum CourierCommands {
    static let command = Command(
        name: "courier",
        summary: "courier accounts (顺丰, 中通, offline ranges) and the rules that choose one per parcel",
        help: """
            Usage: zhanggui courier add CODE --service sf|zto|cainiao|pdd|doudian|offline --carrier CARRIER [--credentials FILE]
                                       [--default]
                   zhanggui courier list
                   zhanggui courier hook-url ACCOUNT [--base URL] [--new-token]
                   zhanggui courier rule PRIORITY ACCOUNT [--name NAME] [--province P] [--city C] [--shop SHOP]
                                         [--min-grams G] [--max-grams G] [--min-fen F] [--max-fen F]
                   zhanggui courier remove-rule PRIORITY
                   zhanggui courier rules
                   zhanggui courier shop-default SHOP ACCOUNT

            add           adds (or replaces) account CODE. --service sf (顺丰 丰桥), zto (中通 ZOP), cainiao (菜鸟
                          e-waybill for the carrier --carrier names, such as YTO 圆通), pdd (拼多多) or doudian
                          (抖店) e-waybill likewise, or offline (an offline number range: --carrier names the range,
                          see zhanggui waybill --set-range). --carrier is the code stored on shipments (SF,
                          ZTO, YTO…). FILE (or - for standard input) is JSON:
                          endpoint, and for sf partnerID, checkWord, monthlyCard, expressTypeID; for zto appKey,
                          appSecret, accountID, accountPassword; for cainiao, pdd and doudian appKey, appSecret, session,
                          templateURL. It is sealed with AES-256-GCM under the key in $ZHANGGUI_SECRET_KEY and never
                          printed. --default makes it the company default.
            list          every account, without secrets, and the path of its tracking push hook.
            hook-url      the URL to give the courier for its tracking pushes (docs/TRACKING.md): URL is how the
                          courier reaches `zhanggui serve` (default http://127.0.0.1:8080). 顺丰's URL carries the
                          account's secret hook token: give it to 丰桥 only; --new-token replaces it (the old URL
                          stops working at once). Needs the key, like add.
            rule          sets the rule at PRIORITY (lower first) choosing ACCOUNT; --province, --city and --shop
                          may be repeated; provinces and cities are divisions (上海 = 上海市) and match orders by
                          the division review found; weights in grams and order values in fen are inclusive bounds.
            remove-rule   removes the rule at PRIORITY.
            rules         the rules in the order they are tried, then the defaults.
            shop-default  the account shop SHOP's parcels take when no rule holds.
            """,
        flags: ["default", "new-token"],
        options: [
            "service", "carrier", "credentials", "name", "province", "city", "shop", "min-grams", "max-grams",
            "min-fen", "max-fen", "base",
        ],
        repeatable: ["province", "city", "shop"],
        positionals: 1...3
    ) { arguments in
        let values = Array(arguments.positional.dropFirst())
        try checkUsage(arguments.positional[0], values, arguments)
        let (database, companyID) = try Workspace(arguments).openCompany()
        let needsKey =
            arguments.positional[0] == "add" && arguments.option("service") != "offline"
            || arguments.positional[0] == "hook-url"
        let accounts = CourierAccounts(database: database, box: needsKey ? try ShopCommands.secretBox() : nil)
        switch arguments.positional[0] {
        case "add": return try add(values, arguments, accounts, companyID)
        case "list": return try list(accounts, companyID)
        case "hook-url":
            let renewing = arguments.flag("new-token")
            return try hookURL(values[0], base: arguments.option("base"), renewing: renewing, accounts, companyID)
        case "rule": return try rule(values, arguments, accounts, database, companyID)
        case "remove-rule":
            guard let priority = values.first.flatMap({ Int($0) }) else {
                throw UsageError("usage: zhanggui courier remove-rule PRIORITY")
            }
            let removed = try accounts.deleteRule(priority: priority, companyID: companyID)
            Output.line(removed ? "removed rule \(priority)" : "there is no rule \(priority)")
            return removed ? 0 : 1
        case "rules": return try rules(accounts, database, companyID)
        case "shop-default":
            guard values.count == 2 else { throw UsageError("usage: zhanggui courier shop-default SHOP ACCOUNT") }
            let shop = try shopID(values[0], database, companyID)
            try accounts.setShopDefault(accountCode: values[1], shopID: shop, companyID: companyID)
            Output.line("shop \(values[0]) defaults to courier account \(values[1])")
            return 0
        default:
            throw UsageError(
                "unknown action '\(arguments.positional[0])' (add, list, hook-url, rule, remove-rule, rules, "
                    + "shop-default)"
            )
        }
    }

    /// Refuses usage mistakes before any database is opened.
    private static func checkUsage(_ action: String, _ values: [String], _ arguments: Arguments) throws {
        let counts = ["add": 1, "list": 0, "hook-url": 1, "rule": 2, "remove-rule": 1, "rules": 0, "shop-default": 2]
        guard let count = counts[action] else {
            throw UsageError(
                "unknown action '\(action)' (add, list, hook-url, rule, remove-rule, rules, shop-default)"
            )
        }
        guard values.count == count else { throw UsageError("usage: zhanggui courier \(action) — see --help") }
        if action == "add" {
            guard let name = arguments.option("service"), CourierServiceKind(rawValue: name) != nil else {
                throw UsageError("courier add needs --service sf, zto, cainiao, pdd, doudian or offline")
            }
            guard let carrier = arguments.option("carrier"), !carrier.isEmpty else {
                throw UsageError("courier add needs --carrier (the code stored on shipments, such as SF)")
            }
            if name != "offline", arguments.option("credentials") == nil {
                throw UsageError("courier add --service \(name) needs --credentials FILE")
            }
        }
        if action == "rule" || action == "remove-rule", Int(values[0]) == nil {
            throw UsageError("PRIORITY must be a whole number")
        }
    }

    private static func add(_ values: [String], _ arguments: Arguments, _ accounts: CourierAccounts, _ companyID: Int64)
        throws -> Int32
    {
        guard values.count == 1 else { throw UsageError("usage: zhanggui courier add CODE --service S --carrier C") }
        guard let name = arguments.option("service"), let service = CourierServiceKind(rawValue: name) else {
            throw UsageError("courier add needs --service sf, zto, cainiao, pdd, doudian or offline")
        }
        guard let carrier = arguments.option("carrier"), !carrier.isEmpty else {
            throw UsageError("courier add needs --carrier (the code stored on shipments, such as SF)")
        }
        var credentials = CourierCredentials()
        if service != .offline {
            guard let file = arguments.option("credentials") else {
                throw UsageError("courier add --service \(name) needs --credentials FILE")
            }
            credentials = try readCredentials(file)
            _ = try CourierClientFactory.make(service, carrierCode: carrier, credentials: credentials)
        }
        try accounts.save(
            code: values[0],
            service: service,
            carrierCode: carrier,
            credentials: credentials,
            isDefault: arguments.flag("default"),
            companyID: companyID
        )
        Output.line("courier account \(values[0]) saved (\(name), carrier \(carrier))")
        return 0
    }

    /// A credentials file: one JSON object of text fields.
    private static func readCredentials(_ file: String) throws -> CourierCredentials {
        let data =
            file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: file)
        guard let data else { throw Refusal("\(file): cannot be read") }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Refusal("\(file): is not a JSON object")
        }
        var fields: [String: String] = [:]
        for (key, value) in object {
            switch value {
            case let text as String: fields[key] = text
            case let number as NSNumber: fields[key] = number.stringValue
            default: throw Refusal("\(file): field \(key) must be text")
            }
        }
        let endpoint = fields.removeValue(forKey: "endpoint") ?? ""
        return CourierCredentials(endpoint: endpoint, fields: fields)
    }

    private static func list(_ accounts: CourierAccounts, _ companyID: Int64) throws -> Int32 {
        let all = try accounts.accounts(companyID: companyID)
        guard !all.isEmpty else {
            Output.line("no courier accounts; waybills come from the offline range (zhanggui waybill --ranges)")
            return 0
        }
        Output.table(
            [["account", "service", "carrier", "default", "push hook"]]
                + all.map { account in
                    [
                        account.code, account.service.rawValue, account.carrierCode, account.isDefault ? "yes" : "",
                        CourierClientFactory.pushReaders(account.service) == nil
                            ? "" : hookPath(companyID: companyID, accountCode: account.code),
                    ]
                }
        )
        return 0
    }

    private static func rule(
        _ values: [String],
        _ arguments: Arguments,
        _ accounts: CourierAccounts,
        _ database: any Database,
        _ companyID: Int64
    ) throws -> Int32 {
        guard values.count == 2, let priority = Int(values[0]) else {
            throw UsageError("usage: zhanggui courier rule PRIORITY ACCOUNT [conditions]")
        }
        func number(_ option: String) throws -> Int64? {
            guard let text = arguments.option(option) else { return nil }
            guard let value = Int64(text), value >= 0 else {
                throw UsageError("--\(option) must be a whole number ≥ 0")
            }
            return value
        }
        let shops = try arguments.options("shop").map { try shopID($0, database, companyID) }
        let typed = CourierRule(
            priority: priority,
            name: arguments.option("name") ?? "rule \(priority)",
            accountCode: values[1],
            provinces: Set(arguments.options("province")),
            cities: Set(arguments.options("city")),
            shopIDs: Set(shops),
            minimumWeightGrams: try number("min-grams"),
            maximumWeightGrams: try number("max-grams"),
            minimumValueFen: try number("min-fen"),
            maximumValueFen: try number("max-fen")
        )
        let rule = try resolvedRegions(typed, arguments)
        try accounts.saveRule(rule, companyID: companyID)
        Output.line("\(rule.title): \(rule.conditions) → \(rule.accountCode)")
        return 0
    }

    /// The rule with its provinces and cities resolved to divisions; names no division has are refused.
    private static func resolvedRegions(_ rule: CourierRule, _ arguments: Arguments) throws -> CourierRule {
        guard !rule.provinces.isEmpty || !rule.cities.isEmpty else { return rule }
        let catalog = try Workspace(arguments).addressBook().catalog
        do {
            return try rule.resolvingRegions(in: catalog)
        } catch {
            let kind = error.field == "province" ? "province" : "city"
            throw UsageError("--\(error.field): no \(kind) is called '\(error.value)'")
        }
    }

    private static func rules(_ accounts: CourierAccounts, _ database: any Database, _ companyID: Int64) throws
        -> Int32
    {
        let book = try accounts.ruleBook(companyID: companyID)
        Output.table(
            [["priority", "name", "when", "account"]]
                + book.rules.map { [String($0.priority), $0.name, $0.conditions, $0.accountCode] }
        )
        let shopCodes = try database.read { connection in
            try connection.query("SELECT id, code FROM shops WHERE company_id = ?", companyID)
                .map { ($0.int(0), $0.string(1)) }
        }
        let codes = Dictionary(shopCodes, uniquingKeysWith: { first, _ in first })
        for (shop, account) in book.shopDefaults.sorted(by: { $0.key < $1.key }) {
            Output.line("shop \(codes[shop] ?? String(shop)) default: \(account)")
        }
        Output.line("company default: \(book.companyDefault ?? "none (parcels no rule takes wait)")")
        return 0
    }

    static func shopID(_ code: String, _ database: any Database, _ companyID: Int64) throws -> Int64 {
        let found = try database.read { connection in
            try connection.queryOne("SELECT id FROM shops WHERE company_id = ? AND code = ?", companyID, code)?.int(0)
        }
        guard let found else { throw Refusal("there is no shop \(code)") }
        return found
    }
}
