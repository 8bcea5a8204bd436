import ZhangguiChannels
import ZhangguiServices

/// `zhanggui courier hook-url`: where a courier pushes its tracking steps.
extension CourierCommands {
    /// The path of an account's push hook, without its token.
    static func hookPath(companyID: Int64, accountCode: String) -> String {
        "/hooks/couriers/\(companyID)/\(FormEncoding.percentEncode(accountCode))"
    }

    /// Prints the hook URL of `accountCode` under `base`, with its token for couriers that do not sign pushes.
    static func hookURL(
        _ accountCode: String,
        base: String?,
        renewing: Bool,
        _ accounts: CourierAccounts,
        _ companyID: Int64
    ) throws -> Int32 {
        let base = String((base ?? "http://127.0.0.1:8080").reversed().drop { $0 == "/" }.reversed())
        guard base.hasPrefix("http://") || base.hasPrefix("https://") else {
            throw UsageError("--base is the server's http:// or https:// address, such as https://erp.example.com")
        }
        guard let account = try accounts.openAccount(code: accountCode, companyID: companyID) else {
            throw Refusal("there is no courier account \(accountCode) (zhanggui courier list shows them)")
        }
        guard let reader = CourierClientFactory.pushReaders(account.service) else {
            throw Refusal("courier account \(accountCode) does not push tracking (only sf and zto accounts do)")
        }
        var url = base + hookPath(companyID: companyID, accountCode: accountCode)
        if reader.signsPushes {
            Output.line(url)
            Output.line(
                "中通 signs each push with the account's appSecret (data_digest); pushes that fail it are refused"
            )
        } else {
            let token =
                try accounts.hookToken(accountCode: accountCode, companyID: companyID, renewing: renewing) ?? ""
            url += "?token=" + token
            Output.line(url)
            Output.line("the token vouches for 顺丰's unsigned pushes: give this URL to 丰桥 only, never publish it")
        }
        return 0
    }
}
