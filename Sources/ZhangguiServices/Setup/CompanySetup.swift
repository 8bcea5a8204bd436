public import ZhangguiCore
public import ZhangguiStore

/// Creating a company with what it needs to start: warehouses and a waybill number range.
public struct CompanySetup: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Creates a company in time zone `timeZone` (default Asia/Shanghai) and returns its id.
    /// - Throws: ``SetupError`` for an unknown time zone.
    public func createCompany(name: String, timeZone: String = "Asia/Shanghai") throws -> Int64 {
        guard BusinessCalendar(timeZoneIdentifier: timeZone) != nil else {
            throw SetupError(code: .unknownTimeZone, detail: timeZone)
        }
        return try database.write { try CompanyRecords($0).create(name: name, timeZone: timeZone) }
    }

    /// Adds a warehouse to the company.
    /// - Throws: ``SetupError`` when the code is taken.
    @discardableResult
    public func addWarehouse(_ warehouse: Warehouse, companyID: Int64) throws -> Int64 {
        do {
            return try database.write { try CompanyRecords($0).addWarehouse(warehouse, companyID: companyID) }
        } catch let error as DatabaseError where error.kind == .uniqueViolation {
            throw SetupError(code: .duplicateWarehouse, detail: warehouse.code)
        }
    }

    /// Sets the offline number range a courier's waybill numbers come from, such as `ZG` 1…999,999,999.
    public func setWaybillRange(courierCode: String, prefix: String, first: Int64, last: Int64, companyID: Int64) throws
    {
        guard first >= 0, last >= first, !courierCode.isEmpty else {
            throw SetupError(code: .badWaybillRange, detail: "\(courierCode) \(first)…\(last)")
        }
        try database.write {
            try FulfilmentRecords($0).setWaybillRange(
                courierCode: courierCode,
                prefix: prefix,
                first: first,
                last: last,
                companyID: companyID
            )
        }
    }
}
