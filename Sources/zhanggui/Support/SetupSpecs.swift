import ZhangguiCore

/// The one-word forms of setup values on the command line, such as `SH:华东仓:1:31+32` for a warehouse.
enum SetupSpecs {
    /// The form of a warehouse, as help and errors show it.
    static let warehouseForm = "CODE:NAME[:PRIORITY[:REGIONS]]"
    /// The form of a waybill number range.
    static let rangeForm = "COURIER:PREFIX:FIRST:LAST"

    /// Reads `CODE:NAME[:PRIORITY[:REGIONS]]`: PRIORITY a whole number (default 1, lower is tried first), REGIONS
    /// division-code prefixes joined by `+` (absent: serves everywhere).
    /// - Parameter label: how the value was given, such as `--warehouse`, for the error.
    static func warehouse(_ spec: String, label: String) throws(UsageError) -> Warehouse {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmed }
        guard (2...4).contains(parts.count), !parts[0].isEmpty, !parts[1].isEmpty else {
            throw UsageError("\(label) '\(spec)' is not \(warehouseForm)")
        }
        let priority = parts.count > 2 ? Int(parts[2]) : 1
        guard let priority else { throw UsageError("\(label) '\(spec)': PRIORITY '\(parts[2])' is not a whole number") }
        let regions =
            parts.count > 3 ? parts[3].split(separator: "+", omittingEmptySubsequences: false).map(String.init) : []
        if regions.contains("") {
            throw UsageError("\(label) '\(spec)': empty region; leave REGIONS off for a warehouse serving everywhere")
        }
        if let wrong = regions.first(where: { !Warehouse.isValidRegion($0) }) {
            throw UsageError(
                "\(label) '\(spec)': region '\(wrong)' is not a division-code prefix of 2 to 6 digits (such as 31 or 3301)"
            )
        }
        if let repeated = regions.first(where: { region in regions.filter { $0 == region }.count > 1 }) {
            throw UsageError("\(label) '\(spec)': region '\(repeated)' is given twice")
        }
        guard Warehouse.isValidCode(parts[0]) else {
            throw UsageError("\(label) '\(spec)': CODE '\(parts[0])' may hold only letters, digits, '-' and '_'")
        }
        return Warehouse(code: parts[0], name: parts[1], priority: priority, regions: regions)
    }

    /// Reads `COURIER:PREFIX:FIRST:LAST`: numbers FIRST to LAST (both included, FIRST ≤ LAST, not negative), issued
    /// as PREFIX followed by the number in 12 digits. PREFIX may be empty.
    static func waybillRange(_ spec: String, label: String) throws(UsageError)
        -> (courier: String, prefix: String, first: Int64, last: Int64)
    {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmed }
        guard parts.count == 4, !parts[0].isEmpty, let first = Int64(parts[2]), let last = Int64(parts[3]) else {
            throw UsageError("\(label) '\(spec)' is not \(rangeForm) (FIRST and LAST whole numbers)")
        }
        guard first >= 0, first <= last else {
            throw UsageError("\(label) '\(spec)': FIRST must be at least 0 and not above LAST")
        }
        return (parts[0], parts[1], first, last)
    }
}
