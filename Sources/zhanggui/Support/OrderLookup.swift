import ZhangguiCore
import ZhangguiStore

/// Finds the trade a clerk means by an order number (订单编号), which is unique only within a shop.
enum OrderLookup {
    /// A trade stored under an order number: its id, shop and split part.
    typealias Match = (id: Int64, shopCode: String, splitSeq: Int64)

    /// The id of the first part (split_seq 0) of `order` in `shop`, or in the only shop that has it.
    /// - Parameter allowingPartSuffix: whether `ORDER-N`, as the order list shows split parts, names part N when no
    ///   order is numbered `ORDER-N` itself.
    /// - Throws: ``Refusal`` when no shop has it, or several do and `shop` is nil.
    static func tradeID(
        order: String,
        shop: String?,
        database: any Database,
        companyID: Int64,
        allowingPartSuffix: Bool = false
    ) throws -> Int64 {
        let matches = try find(order, database: database, companyID: companyID)
        if matches.isEmpty, allowingPartSuffix, let (base, part) = splitPart(order) {
            let parts = try find(base, database: database, companyID: companyID).filter { $0.splitSeq == part }
            if !parts.isEmpty { return try choose(parts, order: order, shop: shop) }
        }
        return try choose(matches, order: order, shop: shop)
    }

    /// Every part of `order` (an order split across warehouses has several) in `shop` or the only shop that has it,
    /// lowest part first; `ORDER-N` names part N alone when no order is numbered so itself.
    /// - Throws: ``Refusal`` when no shop has it, or several do and `shop` is nil.
    static func tradeIDs(order: String, shop: String?, database: any Database, companyID: Int64) throws
        -> [(id: Int64, name: String)]
    {
        let matches = try find(order, database: database, companyID: companyID)
        if matches.isEmpty, let (base, part) = splitPart(order) {
            let parts = try find(base, database: database, companyID: companyID).filter { $0.splitSeq == part }
            if !parts.isEmpty { return [(try choose(parts, order: order, shop: shop), order)] }
        }
        let first = try choose(matches, order: order, shop: shop)
        guard let shopCode = matches.first(where: { $0.id == first })?.shopCode else { return [] }
        return matches.filter { $0.shopCode == shopCode }.sorted { $0.splitSeq < $1.splitSeq }.map {
            ($0.id, $0.splitSeq > 0 ? "\(order)-\($0.splitSeq)" : order)
        }
    }

    /// Picks the trade among `matches` (every trade stored under `order`): the lowest part in `shop`, or in the only
    /// shop among the matches.
    static func choose(_ matches: [Match], order: String, shop: String?) throws(Refusal) -> Int64 {
        let shops = Array(Set(matches.map(\.shopCode))).sorted()
        if let shop {
            guard let first = matches.filter({ $0.shopCode == shop }).min(by: { $0.splitSeq < $1.splitSeq }) else {
                let elsewhere = shops.isEmpty ? "" : " (it is in shop \(shops.joined(separator: ", ")))"
                throw Refusal("no order \(order) in shop \(shop)\(elsewhere)")
            }
            return first.id
        }
        guard shops.count <= 1 else {
            throw Refusal("order \(order) exists in shops \(shops.joined(separator: ", ")); name one with --shop CODE")
        }
        guard let first = matches.min(by: { $0.splitSeq < $1.splitSeq }) else { throw Refusal("no order \(order)") }
        return first.id
    }

    /// `ORDER-N` read as order ORDER, part N (N at least 1), or nil.
    static func splitPart(_ text: String) -> (order: String, part: Int64)? {
        guard let dash = text.lastIndex(of: "-"), let part = Int64(text[text.index(after: dash)...]), part > 0,
            dash > text.startIndex
        else { return nil }
        return (String(text[..<dash]), part)
    }

    private static func find(_ order: String, database: any Database, companyID: Int64) throws -> [Match] {
        try database.read { try TradeRecords($0, currency: .cny).find(platformOrderID: order, companyID: companyID) }
    }
}
