internal import ZhangguiCore
public import ZhangguiStore

extension CompanySetup {
    /// Creates a company with the standard plan (warehouse MAIN, the default waybill range and settings) inside
    /// the caller's transaction, so registration can add the company's roles and first admin in the same one.
    /// - Throws: ``SetupError`` `.unknownTimeZone` or `.badSetting` for an empty name; nothing is written then.
    public static func createStandardCompany(
        name: String,
        timeZone: String,
        in connection: any DatabaseConnection
    ) throws -> Int64 {
        guard !name.trimmed.isEmpty else { throw SetupError(code: .badSetting, detail: "a company needs a name") }
        var plan = CompanyPlan(name: name.trimmed)
        plan.timeZone = timeZone
        try validate(plan)
        // Known limitation: CompanyRecords stamps companies.created_at from the clock, not from the caller's time;
        // only that column is affected, and nothing decides anything on it.
        return try write(plan, in: connection)
    }
}
