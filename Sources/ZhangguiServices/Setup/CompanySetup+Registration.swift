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
        guard BusinessCalendar(timeZoneIdentifier: timeZone) != nil else {
            throw SetupError(code: .unknownTimeZone, detail: timeZone)
        }
        guard !name.trimmed.isEmpty else { throw SetupError(code: .badSetting, detail: "a company needs a name") }
        var plan = CompanyPlan(name: name.trimmed)
        plan.timeZone = timeZone
        let records = CompanyRecords(connection)
        // Known limitation: CompanyRecords stamps companies.created_at from the clock, not from the caller's time;
        // only that column is affected, and nothing decides anything on it.
        let companyID = try records.create(name: plan.name, timeZone: plan.timeZone)
        for warehouse in plan.warehouses {
            _ = try records.addWarehouse(warehouse, companyID: companyID)
        }
        let range = plan.waybillRange
        try FulfilmentRecords(connection).setWaybillRange(
            courierCode: range.courier,
            prefix: range.prefix,
            first: range.first,
            last: range.last,
            companyID: companyID
        )
        try records.updateSettings(
            companyID: companyID,
            highPriorityThreshold: plan.policy.highPriorityThreshold,
            minimumListPriceShareBasisPoints: plan.policy.minimumListPriceShareBasisPoints,
            vatRateBasisPoints: plan.vatRateBasisPoints,
            standard: plan.standard
        )
        return companyID
    }
}
