public import ZhangguiCore

/// A company (tenant) and the settings its business rules read.
public struct CompanyRecord: Sendable, Hashable {
    public let id: Int64
    public let name: String
    public let timeZone: String
    public let currency: Currency
    public let standard: AccountingStandard
    public let vatRateBasisPoints: Int64
    public let policy: ReviewPolicy
}

/// Queries about companies, shops and warehouses.
public struct CompanyRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Creates a company and returns its id.
    public func create(name: String, timeZone: String) throws -> Int64 {
        let row = try connection.queryOne(
            "INSERT INTO companies (name, time_zone, created_at) VALUES (?, ?, ?) RETURNING id",
            name,
            timeZone,
            Clock.nowSeconds()
        )
        return row?.int(0) ?? 0
    }

    /// Changes the settings review and the books read: the high-priority threshold, the list-price share below
    /// which a price is an anomaly, the VAT rate and the accounting standard.
    public func updateSettings(
        companyID: Int64,
        highPriorityThreshold: Money,
        minimumListPriceShareBasisPoints: Int64,
        vatRateBasisPoints: Int64,
        standard: AccountingStandard
    ) throws {
        try connection.execute(
            """
            UPDATE companies SET high_priority_threshold_fen = ?, min_list_price_share_bp = ?, vat_rate_bp = ?,
                                 accounting_standard = ?
            WHERE id = ?
            """,
            highPriorityThreshold.fen,
            minimumListPriceShareBasisPoints,
            vatRateBasisPoints,
            standard.rawValue,
            companyID
        )
    }

    /// The company with `id`, or nil.
    public func company(_ id: Int64) throws -> CompanyRecord? {
        try connection.queryOne(
            """
            SELECT id, name, time_zone, currency, accounting_standard, vat_rate_bp, high_priority_threshold_fen,
                   min_list_price_share_bp
            FROM companies WHERE id = ?
            """,
            id
        ).map { row in
            let currency = Currency(rawValue: row.string(3))
            return CompanyRecord(
                id: row.int(0),
                name: row.string(1),
                timeZone: row.string(2),
                currency: currency,
                standard: AccountingStandard(rawValue: row.string(4)) ?? .smallEnterprise,
                vatRateBasisPoints: row.int(5),
                policy: ReviewPolicy(
                    highPriorityThreshold: Money(fen: row.int(6), currency: currency),
                    minimumListPriceShareBasisPoints: row.int(7)
                )
            )
        }
    }

    /// The first company, for the single-company command-line tool; nil on an empty database.
    public func firstCompanyID() throws -> Int64? {
        try connection.queryOne("SELECT MIN(id) FROM companies")?.optionalInt(0)
    }

    /// Every company's id, in order: the scheduler runs its jobs for each.
    public func companyIDs() throws -> [Int64] {
        try connection.query("SELECT id FROM companies ORDER BY id").map { $0.int(0) }
    }

    /// The id of the shop with `code`, creating it when it does not exist yet.
    public func shopID(code: String, platform: String, companyID: Int64) throws -> Int64 {
        if let row = try connection.queryOne("SELECT id FROM shops WHERE company_id = ? AND code = ?", companyID, code)
        {
            return row.int(0)
        }
        let row = try connection.queryOne(
            "INSERT INTO shops (company_id, code, name, platform) VALUES (?, ?, ?, ?) RETURNING id",
            companyID,
            code,
            code,
            platform
        )
        return row?.int(0) ?? 0
    }

    /// Adds a warehouse and returns its id.
    /// - Throws: ``DatabaseError`` of kind `uniqueViolation` when the code is taken.
    public func addWarehouse(_ warehouse: Warehouse, companyID: Int64) throws -> Int64 {
        let row = try connection.queryOne(
            "INSERT INTO warehouses (company_id, code, name, priority, regions) VALUES (?, ?, ?, ?, ?) RETURNING id",
            companyID,
            warehouse.code,
            warehouse.name,
            warehouse.priority,
            warehouse.regions.joined(separator: ",")
        )
        return row?.int(0) ?? 0
    }

    /// The company's warehouses with their ids, in the order allocation tries them (priority, then code).
    public func warehouses(companyID: Int64) throws -> [(id: Int64, warehouse: Warehouse)] {
        try connection.query(
            "SELECT id, code, name, priority, regions FROM warehouses WHERE company_id = ? ORDER BY priority, code",
            companyID
        ).map { row in
            let regions = row.string(4).split(separator: ",").map(String.init)
            return (
                row.int(0),
                Warehouse(code: row.string(1), name: row.string(2), priority: Int(row.int(3)), regions: regions)
            )
        }
    }
}
