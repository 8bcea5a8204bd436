/// One kind of operation a user or API token may be allowed to perform. Roles are sets of permissions; every
/// service entry point names the permission it needs.
///
/// The raw values are stored in the database and in API tokens: never rename one, add a new case instead.
public enum Permission: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    /// See products, SKUs, combos and their barcodes and prices (商品资料).
    case catalogueRead = "catalogue.read"
    /// Add and change products, SKUs, combos, barcodes and list prices.
    case catalogueWrite = "catalogue.write"
    /// See stock balances, reservations and the stock ledger per warehouse (库存).
    case stockRead = "stock.read"
    /// Change stock: opening stock, receipts and issues, counts, transfers, freezing; every change goes through the
    /// stock ledger.
    case stockWrite = "stock.write"
    /// See trades, their lines, holds, shipments and waybills (订单), including receivers' contact details.
    case ordersRead = "orders.read"
    /// Review trades: approve, hold and release them (审单).
    case ordersReview = "orders.review"
    /// Fulfil trades: allocate to warehouses, take waybill numbers, print labels and ship (配货、打单、发货).
    case ordersFulfil = "orders.fulfil"
    /// Import files: orders, products and opening stock.
    case importsRun = "imports.run"
    /// See the books: vouchers, reports and the integrity check (账簿、报表、对账).
    case booksRead = "books.read"
    /// Create users, assign roles and data scopes, define custom roles, disable users (用户与权限).
    case usersManage = "users.manage"
    /// Read the audit log of the company (审计日志).
    case auditRead = "audit.read"
    /// See the alerts the scheduled jobs raise: stock at or below its reorder point, orders held too long (预警).
    case alertsRead = "alerts.read"
    /// Change company settings: warehouses, waybill ranges, review thresholds, tax and accounting standard.
    case settingsManage = "settings.manage"

    public static func < (lhs: Permission, rhs: Permission) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Parses a comma-separated list of raw values, as API tokens and roles store them; nil when one is unknown,
    /// so a permission a newer release wrote is never silently dropped or widened.
    public static func parse(list: String) -> Set<Permission>? {
        var permissions: Set<Permission> = []
        for name in list.split(separator: ",") {
            guard let permission = Permission(rawValue: String(name)) else { return nil }
            permissions.insert(permission)
        }
        return permissions
    }

    /// The comma-separated, sorted form of `permissions`, the inverse of ``parse(list:)``.
    public static func list(_ permissions: Set<Permission>) -> String {
        permissions.sorted().map(\.rawValue).joined(separator: ",")
    }
}
