public import ZhangguiCore

/// What review and allocation need to know about one SKU or combo.
public struct CatalogEntry: Sendable, Hashable {
    public let id: Int64
    public let code: String
    public let listPrice: Money
    /// For a combo, its components (SKU ids and quantities per combo); for a plain SKU, itself once.
    public let parts: [(skuID: Int64, quantity: Int64)]

    public static func == (lhs: CatalogEntry, rhs: CatalogEntry) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// The company's catalogue loaded once for a batch: entries by 商家编码 and by barcode.
public struct CatalogIndex: Sendable {
    public let byCode: [String: CatalogEntry]
    public let byBarcode: [String: CatalogEntry]
    public let codeByID: [Int64: String]
    public let byID: [Int64: CatalogEntry]

    /// The entry an order line's code refers to: by 商家编码 first, then by barcode.
    public func entry(forMerchantCode code: String) -> CatalogEntry? {
        byCode[code] ?? (code.isEmpty ? nil : byBarcode[code])
    }

    /// The entry with database id `id`.
    public func entry(forSKUID id: Int64) -> CatalogEntry? {
        byID[id]
    }
}

/// Queries about products.
public struct CatalogRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Adds a SKU unless one with its code exists; returns its id, or nil when the code was taken.
    public func insert(_ sku: SKU, isCombo: Bool = false, companyID: Int64) throws -> Int64? {
        try connection.queryOne(
            """
            INSERT INTO skus (company_id, code, barcode, name, spec, weight_grams, list_price_fen, is_combo, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (company_id, code) DO NOTHING RETURNING id
            """,
            companyID,
            sku.code,
            sku.barcode,
            sku.name,
            sku.spec,
            sku.weightGrams,
            sku.listPrice.fen,
            isCombo,
            Clock.nowSeconds()
        )?.int(0)
    }

    /// Records the components of the combo with id `comboID`; component codes must exist.
    public func setComponents(_ components: [(skuID: Int64, quantity: Int64)], comboID: Int64, companyID: Int64) throws
    {
        for component in components {
            try connection.execute(
                "INSERT INTO combo_components (company_id, combo_sku_id, component_sku_id, quantity) "
                    + "VALUES (?, ?, ?, ?)",
                companyID,
                comboID,
                component.skuID,
                component.quantity
            )
        }
    }

    /// The SKU or combo with `code`: its id and whether it is a combo; nil when there is none.
    public func find(code: String, companyID: Int64) throws -> (id: Int64, isCombo: Bool)? {
        try connection.queryOne("SELECT id, is_combo FROM skus WHERE company_id = ? AND code = ?", companyID, code)
            .map { ($0.int(0), $0.bool(1)) }
    }

    /// The code of the product that already uses `barcode`, or nil.
    public func code(ofBarcode barcode: String, companyID: Int64) throws -> String? {
        try connection.queryOne("SELECT code FROM skus WHERE company_id = ? AND barcode = ?", companyID, barcode)?
            .string(0)
    }

    /// The id of the SKU with `code`, or nil.
    public func id(ofCode code: String, companyID: Int64) throws -> Int64? {
        try connection.queryOne("SELECT id FROM skus WHERE company_id = ? AND code = ?", companyID, code)?.int(0)
    }

    /// Loads the whole catalogue of a company.
    public func index(companyID: Int64, currency: Currency) throws -> CatalogIndex {
        var components: [Int64: [(skuID: Int64, quantity: Int64)]] = [:]
        try connection.forEach(
            "SELECT combo_sku_id, component_sku_id, quantity FROM combo_components WHERE company_id = ?",
            [companyID]
        ) { row in
            components[row.int(0), default: []].append((row.int(1), row.int(2)))
        }
        var builder = CatalogIndexBuilder(currency: currency)
        try connection.forEach("SELECT \(Self.entryColumns) FROM skus WHERE company_id = ?", [companyID]) { row in
            builder.add(row, components: components)
        }
        return builder.index
    }

    /// The part of the catalogue that order lines with these 商家编码 (or barcodes) refer to: their entries, and the
    /// SKUs their combos are made of, so that `entry(forMerchantCode:)` answers for each code as the whole
    /// catalogue would. For checking one order without loading thousands of SKUs.
    public func index(companyID: Int64, currency: Currency, merchantCodes: Set<String>) throws -> CatalogIndex {
        let codes = merchantCodes.filter { !$0.isEmpty }.sorted()
        var builder = CatalogIndexBuilder(currency: currency)
        guard !codes.isEmpty else { return builder.index }
        // By code, then by barcode for the codes that are none: two lookups through the unique indexes, where one
        // query with OR would read the whole catalogue.
        var rows = try connection.query(
            "SELECT \(Self.entryColumns) FROM skus WHERE company_id = ? AND code IN (\(Self.placeholders(codes.count)))",
            [companyID] + codes.map { $0 as any SQLBindable }
        )
        let barcodes = Set(codes).subtracting(rows.map { $0.string(1) }).sorted()
        if !barcodes.isEmpty {
            rows += try connection.query(
                "SELECT \(Self.entryColumns) FROM skus WHERE company_id = ? AND barcode <> '' "
                    + "AND barcode IN (\(Self.placeholders(barcodes.count)))",
                [companyID] + barcodes.map { $0 as any SQLBindable }
            )
        }
        let comboIDs = rows.filter { $0.bool(4) }.map { $0.int(0) }
        var components: [Int64: [(skuID: Int64, quantity: Int64)]] = [:]
        if !comboIDs.isEmpty {
            try connection.forEach(
                "SELECT combo_sku_id, component_sku_id, quantity FROM combo_components "
                    + "WHERE company_id = ? AND combo_sku_id IN (\(Self.placeholders(comboIDs.count)))",
                [companyID] + comboIDs.map { $0 as any SQLBindable }
            ) { row in
                components[row.int(0), default: []].append((row.int(1), row.int(2)))
            }
        }
        for row in rows { builder.add(row, components: components) }
        let loaded = Set(rows.map { $0.int(0) })
        let parts = Set(components.values.flatMap { $0.map(\.skuID) }).subtracting(loaded).sorted()
        if !parts.isEmpty {
            try connection.forEach(
                "SELECT \(Self.entryColumns) FROM skus "
                    + "WHERE company_id = ? AND id IN (\(Self.placeholders(parts.count)))",
                [companyID] + parts.map { $0 as any SQLBindable }
            ) { builder.add($0, components: [:]) }
        }
        return builder.index
    }

    private static let entryColumns = "id, code, barcode, list_price_fen, is_combo"

    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}

/// Collects catalogue rows (`id, code, barcode, list_price_fen, is_combo`) into a ``CatalogIndex``.
private struct CatalogIndexBuilder {
    let currency: Currency
    var byCode: [String: CatalogEntry] = [:]
    var byBarcode: [String: CatalogEntry] = [:]
    var codeByID: [Int64: String] = [:]
    var byID: [Int64: CatalogEntry] = [:]

    init(currency: Currency) {
        self.currency = currency
    }

    var index: CatalogIndex {
        CatalogIndex(byCode: byCode, byBarcode: byBarcode, codeByID: codeByID, byID: byID)
    }

    /// Adds one row; a combo's parts come from `components`, a plain SKU is its own single part.
    mutating func add(_ row: Row, components: [Int64: [(skuID: Int64, quantity: Int64)]]) {
        let id = row.int(0)
        let parts: [(skuID: Int64, quantity: Int64)] = row.bool(4) ? components[id] ?? [] : [(id, Int64(1))]
        let entry = CatalogEntry(
            id: id,
            code: row.string(1),
            listPrice: Money(fen: row.int(3), currency: currency),
            parts: parts
        )
        byCode[entry.code] = entry
        if !row.string(2).isEmpty { byBarcode[row.string(2)] = entry }
        codeByID[id] = entry.code
        byID[id] = entry
    }
}
