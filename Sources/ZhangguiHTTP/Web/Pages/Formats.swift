import Foundation
import ZhangguiCore

/// How pages write amounts, states and hold reasons: amounts from whole fen, names from the catalogue.
extension Texts {
    /// `fen` as yuan with two decimals and the yuan sign, such as `¥1,290.00` or `-¥0.50`.
    func yuan(_ fen: Int64) -> String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        var whole = String(magnitude / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        let cents = magnitude % 100
        return "\(sign)¥\(whole)\(grouped).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// The name of a trade state (`pendingReview` → 待审核); an unknown value as it is.
    func state(_ raw: String) -> String {
        Message(rawValue: "state.\(raw)").map { self($0) } ?? raw
    }

    /// The name of a stock ledger reason (`shipment` → 出库); an unknown value as it is.
    func stockReason(_ raw: String) -> String {
        Message(rawValue: "stockReason.\(raw)").map { self($0) } ?? raw
    }

    /// The name of a permission (`orders.review` → 审核订单); an unknown value as it is.
    func permission(_ permission: Permission) -> String {
        Message(rawValue: "permission.\(permission.rawValue)").map { self($0) } ?? permission.rawValue
    }

    /// A role's name: a built-in role's in the page's language, a company's own role as it was named.
    func roleName(_ role: Role) -> String {
        role.builtIn.flatMap { Message(rawValue: "builtInRole.\($0.rawValue)") }.map { self($0) } ?? role.name
    }

    /// The name of a hold reason (`stock_shortage` → 缺货); an unknown value as it is.
    func holdReason(_ raw: String) -> String {
        Message(rawValue: "hold.\(raw)").map { self($0) } ?? raw
    }
}

extension PageContext {
    /// `seconds` (UTC) as `yyyy-MM-dd HH:mm` in the company's time zone.
    func time(_ seconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
