/// One unit of work for a picker: a SKU to take from a location for one order.
public struct PickRequest: Sendable, Hashable {
    public let warehouseCode: String
    public let location: BinLocation
    public let skuCode: String
    public let skuName: String
    public let quantity: Int64
    public let orderNumber: String

    public init(
        warehouseCode: String,
        location: BinLocation,
        skuCode: String,
        skuName: String,
        quantity: Int64,
        orderNumber: String
    ) {
        self.warehouseCode = warehouseCode
        self.location = location
        self.skuCode = skuCode
        self.skuName = skuName
        self.quantity = quantity
        self.orderNumber = orderNumber
    }
}

/// A picking list (拣货单): for each warehouse, the SKUs to pick in walking order (location, then SKU code), each
/// with its total and the orders it goes to.
public struct PickList: Sendable, Hashable {
    /// One SKU at one location: how many to pick in all, and how many for each order.
    public struct Entry: Sendable, Hashable {
        public let location: BinLocation
        public let skuCode: String
        public let skuName: String
        public let total: Int64
        /// Order numbers with their quantities, in order-number order.
        public let orders: [(orderNumber: String, quantity: Int64)]

        public static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.location == rhs.location && lhs.skuCode == rhs.skuCode && lhs.skuName == rhs.skuName
                && lhs.total == rhs.total && lhs.orders.elementsEqual(rhs.orders) { $0 == $1 }
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(location)
            hasher.combine(skuCode)
            hasher.combine(total)
        }
    }

    /// One warehouse's part of the list.
    public struct Section: Sendable, Hashable {
        public let warehouseCode: String
        public let entries: [Entry]

        public var units: Int64 { entries.reduce(0) { $0 + $1.total } }
    }

    public let sections: [Section]
    /// How many distinct orders the list serves.
    public let orderCount: Int

    /// Groups requests by warehouse, location and SKU; sections in warehouse-code order.
    public init(_ requests: [PickRequest]) {
        let byWarehouse = Dictionary(grouping: requests, by: \.warehouseCode)
        sections = byWarehouse.keys.sorted().map { code in
            Section(warehouseCode: code, entries: Self.entries(byWarehouse[code] ?? []))
        }
        orderCount = Set(requests.map(\.orderNumber)).count
    }

    /// Units in the whole list.
    public var units: Int64 { sections.reduce(0) { $0 + $1.units } }

    private struct Place: Hashable {
        let location: BinLocation
        let skuCode: String
    }

    private static func entries(_ requests: [PickRequest]) -> [Entry] {
        let byPlace = Dictionary(grouping: requests) { Place(location: $0.location, skuCode: $0.skuCode) }
        let places = byPlace.keys.sorted { ($0.location, $0.skuCode) < ($1.location, $1.skuCode) }
        return places.map { place in
            let picks = byPlace[place] ?? []
            var perOrder: [String: Int64] = [:]
            for pick in picks { perOrder[pick.orderNumber, default: 0] += pick.quantity }
            return Entry(
                location: place.location,
                skuCode: place.skuCode,
                skuName: picks.first?.skuName ?? "",
                total: picks.reduce(0) { $0 + $1.quantity },
                orders: perOrder.keys.sorted().map { ($0, perOrder[$0] ?? 0) }
            )
        }
    }
}
