/// Which shops' and warehouses' data a user may see and act on, on top of what their roles allow: a customer
/// service clerk for one shop, a warehouse hand for one warehouse.
public struct DataScope: Sendable, Hashable {
    /// Either every shop (or warehouse) of the company, including ones added later, or exactly the listed ids.
    public enum Reach: Sendable, Hashable {
        case all
        /// Only these ids; an empty set admits nothing.
        case only(Set<Int64>)

        /// Whether the reach includes `id`.
        public func admits(_ id: Int64) -> Bool {
            switch self {
            case .all: true
            case .only(let ids): ids.contains(id)
            }
        }

        /// Whether everything `other` admits, this admits too.
        public func covers(_ other: Reach) -> Bool {
            switch (self, other) {
            case (.all, _): true
            case (.only, .all): false
            case (.only(let mine), .only(let theirs)): theirs.isSubset(of: mine)
            }
        }

        /// The listed ids, nil for every one.
        public var ids: Set<Int64>? {
            if case .only(let ids) = self { return ids }
            return nil
        }
    }

    public var shops: Reach
    public var warehouses: Reach

    public init(shops: Reach, warehouses: Reach) {
        self.shops = shops
        self.warehouses = warehouses
    }

    /// Every shop and every warehouse of the company.
    public static let everything = DataScope(shops: .all, warehouses: .all)

    /// Whether the scope lets its holder see and act on data of the shop `shopID`.
    public func admits(shop shopID: Int64) -> Bool { shops.admits(shopID) }

    /// Whether the scope lets its holder see and act on data of the warehouse `warehouseID`.
    public func admits(warehouse warehouseID: Int64) -> Bool { warehouses.admits(warehouseID) }

    /// Whether this scope includes all of `other`: a user may only hand out scopes they hold themselves.
    public func covers(_ other: DataScope) -> Bool {
        shops.covers(other.shops) && warehouses.covers(other.warehouses)
    }
}
