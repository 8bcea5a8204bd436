/// China's administrative divisions, ready to check the 省/市/区 of every order (地址校验).
///
/// Build it once from the reference tables; ``resolve(province:city:district:)`` then answers with dictionary
/// lookups only. Names match exactly or by their short form (`北京` = 北京市, `广西` = 广西壮族自治区, `黔东南` =
/// 黔东南苗族侗族自治州) when that short form names a single division under the same parent. Aliases let old names
/// that orders still carry (`崇文区`) resolve to their successor.
public struct DivisionCatalog: Sendable {
    let indexes: DivisionIndexes

    /// Builds the lookup tables.
    ///
    /// - Parameters:
    ///   - divisions: every province, city and district; a division whose parent is missing is kept for
    ///     ``division(code:)`` but is not found by name. The first of two divisions with the same code wins.
    ///   - aliases: old names, in order of precedence: when two aliases claim the same full name in the same place
    ///     the first wins. Aliases that cannot be placed are listed in ``unplacedAliases``.
    public init(divisions: [Division], aliases: [DivisionAlias]) {
        indexes = DivisionIndexes(divisions: divisions, aliases: aliases)
    }

    /// The division with this 6-digit code, or nil.
    public func division(code: String) -> Division? {
        indexes.divisionsByCode[code]
    }

    /// Every division, ordered by code.
    public var divisions: [Division] {
        indexes.divisionsByCode.values.sorted { $0.code < $1.code }
    }

    /// How many divisions the catalog holds, all levels together.
    public var count: Int { indexes.divisionsByCode.count }

    /// Aliases that were left out because their province, city or successor is unknown, or because the successor
    /// lies in another province.
    public var unplacedAliases: [DivisionAlias] { indexes.unplacedAliases }

    /// Checks the province, city and district an order carries and returns their codes.
    ///
    /// Whitespace (full-width spaces too) is ignored. A municipality's city may be its own name, `市辖区`, `县` or
    /// empty. A county-level division governed by its province (湖北 仙桃市) may stand as the city, or as the
    /// district under `省直辖县级行政区划`. A city without county-level divisions (东莞市) accepts an empty district
    /// or any town name in it.
    /// - Returns: the resolved codes, or the first problem found, naming the field to correct.
    public func resolve(province: String, city: String, district: String) -> Result<ResolvedDivision, AddressProblem> {
        Result { () throws(AddressProblem) -> ResolvedDivision in
            try resolveNormalized(
                province: DivisionName.normalized(province),
                city: DivisionName.normalized(city),
                district: DivisionName.normalized(district)
            )
        }
    }
}
