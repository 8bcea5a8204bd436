public import ZhangguiCore

/// Loads the division reference tables shipped in `Data/divisions` into a ``DivisionCatalog``.
///
/// Three files, all required:
/// - `cn_divisions_pcd_2025.csv`: the primary table; every code and current name comes from it.
/// - `cn_divisions_nbs2022_4level.csv`: NBS names of 2022 that the 2025 table lacks (see `NBSDivisionNames`).
/// - `division_aliases.csv`: old names compiled by the project, such as 崇文区 → 东城区 `110101`.
public enum DivisionTables {
    static let primaryFile = "cn_divisions_pcd_2025.csv"
    static let nbsFile = "cn_divisions_nbs2022_4level.csv"
    static let aliasFile = "division_aliases.csv"

    /// Reads the three tables from `directory` and builds the catalog.
    ///
    /// Aliases from `division_aliases.csv` take precedence over names derived from the NBS table.
    /// - Throws: ``DivisionTableError`` for an unreadable file, a malformed line (with its line number), or an alias
    ///   row whose province, city or successor the catalog does not know.
    public static func load(directory: String) throws(DivisionTableError) -> DivisionCatalog {
        let divisions = try readPrimary(directory: directory)
        let nbs = NBSDivisionNames(primary: divisions, counties: try readNBSCounties(directory: directory))
        let (aliases, lines) = try readAliases(directory: directory)
        let catalog = DivisionCatalog(divisions: divisions + nbs.supplements, aliases: aliases + nbs.aliases)
        if let unplaced = catalog.unplacedAliases.first(where: { lines[$0] != nil }), let line = lines[unplaced] {
            let detail = "\(unplaced.provinceName) \(unplaced.cityName) \(unplaced.oldName) → \(unplaced.successorCode)"
            throw DivisionTableError(code: .unplacedAlias, file: aliasFile, line: line, detail: detail)
        }
        return catalog
    }

    private static func readPrimary(directory: String) throws(DivisionTableError) -> [Division] {
        let header = ["code", "name", "level", "parent_code", "longitude", "latitude"]
        let table = try ReferenceTable(directory: directory, file: primaryFile, header: header)
        var divisions: [Division] = []
        divisions.reserveCapacity(table.rows.count)
        for row in table.rows {
            let code = try table.code(row.fields[0], in: row, lengths: [6])
            guard let level = DivisionLevel(rawValue: String(row.fields[2])) else {
                throw unknownLevel(row.fields[2], file: primaryFile, line: row.line)
            }
            let parent = row.fields[3].isEmpty ? nil : try table.code(row.fields[3], in: row, lengths: [6])
            divisions.append(Division(code: code, name: String(row.fields[1]), level: level, parentCode: parent))
        }
        return divisions
    }

    /// The county-level rows of the NBS table; provinces, cities and towns are not needed.
    private static func readNBSCounties(directory: String) throws(DivisionTableError) -> [NBSDivisionNames.County] {
        let table = try ReferenceTable(
            directory: directory,
            file: nbsFile,
            header: ["code", "name", "level", "parent_code"]
        )
        var counties: [NBSDivisionNames.County] = []
        for row in table.rows {
            switch row.fields[2] {
            case "county":
                let code = try table.code(row.fields[0], in: row, lengths: [6])
                let parent = try table.code(row.fields[3], in: row, lengths: [4])
                counties.append(NBSDivisionNames.County(code: code, name: String(row.fields[1]), cityPrefix: parent))
            case "province", "city", "town":
                continue
            default:
                throw unknownLevel(row.fields[2], file: nbsFile, line: row.line)
            }
        }
        return counties
    }

    /// The aliases in file order, and the line each came from.
    private static func readAliases(directory: String) throws(DivisionTableError)
        -> ([DivisionAlias], [DivisionAlias: Int])
    {
        let header = ["province", "city", "old_name", "successor_code", "note"]
        let table = try ReferenceTable(directory: directory, file: aliasFile, header: header)
        var aliases: [DivisionAlias] = []
        var lines: [DivisionAlias: Int] = [:]
        for row in table.rows {
            let successor = try table.code(row.fields[3], in: row, lengths: [6])
            let alias = DivisionAlias(
                provinceName: String(row.fields[0]),
                cityName: String(row.fields[1]),
                oldName: String(row.fields[2]),
                successorCode: successor
            )
            aliases.append(alias)
            lines[alias] = lines[alias] ?? row.line
        }
        return (aliases, lines)
    }

    private static func unknownLevel(_ level: Substring, file: String, line: Int) -> DivisionTableError {
        DivisionTableError(code: .unknownLevel, file: file, line: line, detail: "'\(level)' is not a level")
    }
}
