public import ZhangguiCore
public import ZhangguiStore

/// A company's settings as every service needs them: currency, calendar, review policy, chart of accounts.
public struct CompanyContext: Sendable {
    public let company: CompanyRecord
    public let calendar: BusinessCalendar

    public var id: Int64 { company.id }
    public var currency: Currency { company.currency }

    /// Loads the company `id`.
    /// - Throws: ``SetupError`` when there is no such company or its time zone is unknown.
    public static func load(_ id: Int64, from connection: any DatabaseConnection) throws -> CompanyContext {
        guard let company = try CompanyRecords(connection).company(id) else {
            throw SetupError(code: .noCompany, detail: "company \(id) does not exist")
        }
        guard let calendar = BusinessCalendar(timeZoneIdentifier: company.timeZone) else {
            throw SetupError(code: .unknownTimeZone, detail: company.timeZone)
        }
        return CompanyContext(company: company, calendar: calendar)
    }

    /// The account code this company uses for `role`.
    public func account(_ role: AccountRole) -> String {
        company.standard.account(for: role).code
    }
}

/// Why setting up or finding a company failed.
public struct SetupError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case noCompany
        case unknownTimeZone
        case duplicateWarehouse
        case badWaybillRange
        case badSetting
    }

    public let code: Code
    public let detail: String

    public init(code: Code, detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String {
        switch code {
        case .noCompany: "no company: run `zhanggui init` first (\(detail))"
        case .unknownTimeZone: "unknown time zone '\(detail)'"
        case .duplicateWarehouse: "warehouse \(detail) exists already"
        case .badWaybillRange: "bad waybill number range: \(detail)"
        case .badSetting: "bad setting: \(detail)"
        }
    }
}
