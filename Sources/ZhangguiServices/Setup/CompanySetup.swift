public import ZhangguiCore
public import ZhangguiStore

/// Everything a new company starts with.
public struct CompanyPlan: Sendable {
    public var name: String
    /// IANA time zone deciding which day an order belongs to.
    public var timeZone: String = "Asia/Shanghai"
    public var warehouses: [Warehouse] = [Warehouse(code: "MAIN", name: "主仓", priority: 1)]
    /// The offline waybill range: courier code, number prefix, first and last number.
    public var waybillRange: (courier: String, prefix: String, first: Int64, last: Int64) = (
        "ZG", "ZG", 1, 999_999_999_999
    )
    public var policy: ReviewPolicy = .standard
    /// Output VAT rate in basis points (1300 = 13 %).
    public var vatRateBasisPoints: Int64 = 1300
    public var standard: AccountingStandard = .smallEnterprise

    public init(name: String) {
        self.name = name
    }
}

/// Creating a company with what it needs to start: warehouses, a waybill number range, review and tax settings.
public struct CompanySetup: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Creates the company of `plan` in one transaction and returns its id: either all of it exists afterwards
    /// or, when something is refused, none of it.
    /// - Throws: ``SetupError`` for an unknown time zone, a warehouse code given twice, a bad range or setting.
    public func create(_ plan: CompanyPlan) throws -> Int64 {
        try Self.validate(plan)
        return try database.write { try Self.write(plan, in: $0) }
    }

    /// Writes a validated plan in the caller's transaction: company, warehouses, waybill range, settings.
    static func write(_ plan: CompanyPlan, in connection: any DatabaseConnection) throws -> Int64 {
        let records = CompanyRecords(connection)
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

    static func validate(_ plan: CompanyPlan) throws {
        guard BusinessCalendar(timeZoneIdentifier: plan.timeZone) != nil else {
            throw SetupError(code: .unknownTimeZone, detail: plan.timeZone)
        }
        var codes: Set<String> = []
        for warehouse in plan.warehouses {
            try Self.validate(warehouse)
            guard codes.insert(warehouse.code).inserted else {
                throw SetupError(code: .duplicateWarehouse, detail: warehouse.code)
            }
        }
        let range = plan.waybillRange
        guard range.first >= 0, range.last >= range.first, !range.courier.isEmpty else {
            throw SetupError(code: .badWaybillRange, detail: "\(range.courier) \(range.first)…\(range.last)")
        }
        let policy = plan.policy
        guard policy.highPriorityThreshold.fen >= 0, (0...10_000).contains(policy.minimumListPriceShareBasisPoints),
            (0...10_000).contains(plan.vatRateBasisPoints)
        else {
            throw SetupError(code: .badSetting, detail: "amounts must not be negative; shares and rates lie in 0…100 %")
        }
    }

    static func validate(_ warehouse: Warehouse) throws {
        guard Warehouse.isValidCode(warehouse.code), !warehouse.name.isEmpty else {
            throw SetupError(
                code: .badSetting,
                detail: "a warehouse needs a name and a code of letters, digits, '-' or '_'"
            )
        }
        guard Set(warehouse.regions).count == warehouse.regions.count else {
            throw SetupError(code: .badSetting, detail: "warehouse \(warehouse.code) names a region twice")
        }
        if let region = warehouse.regions.first(where: { !Warehouse.isValidRegion($0) }) {
            throw SetupError(
                code: .badSetting,
                detail: "region '\(region)' is not a division-code prefix of 2 to 6 digits"
            )
        }
    }

    /// Creates a company with one warehouse MAIN and the default settings, and returns its id.
    public func createCompany(name: String, timeZone: String = "Asia/Shanghai") throws -> Int64 {
        var plan = CompanyPlan(name: name)
        plan.timeZone = timeZone
        plan.warehouses = []
        return try create(plan)
    }

    /// Adds a warehouse to an existing company.
    /// - Throws: ``SetupError`` when the code is taken.
    @discardableResult
    public func addWarehouse(_ warehouse: Warehouse, companyID: Int64) throws -> Int64 {
        try Self.validate(warehouse)
        do {
            return try database.write { try CompanyRecords($0).addWarehouse(warehouse, companyID: companyID) }
        } catch let error as DatabaseError where error.kind == .uniqueViolation {
            throw SetupError(code: .duplicateWarehouse, detail: warehouse.code)
        }
    }

    /// Sets (or replaces) the offline number range a courier's waybill numbers come from.
    public func setWaybillRange(courierCode: String, prefix: String, first: Int64, last: Int64, companyID: Int64) throws
    {
        guard first >= 0, last >= first, !courierCode.isEmpty else {
            throw SetupError(code: .badWaybillRange, detail: "\(courierCode) \(first)…\(last)")
        }
        try database.write { connection in
            let records = FulfilmentRecords(connection)
            let issued = try records.issuedNumber(
                courierCode: courierCode,
                prefix: prefix,
                first: first,
                last: last,
                companyID: companyID
            )
            if let issued {
                throw SetupError(
                    code: .badWaybillRange,
                    detail: "\(courierCode) \(prefix)\(first)…\(last): \(issued) was issued already; start above it"
                )
            }
            try records.setWaybillRange(
                courierCode: courierCode,
                prefix: prefix,
                first: first,
                last: last,
                companyID: companyID
            )
        }
    }
}
