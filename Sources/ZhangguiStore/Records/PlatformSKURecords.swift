/// How a platform SKU came to map to ours.
public enum SKUMappingSource: String, Sendable, CaseIterable {
    /// Its 商家编码 is one of our SKU or combo codes.
    case outerID
    /// Its 商家编码 is one of our barcodes.
    case barcode
    /// A clerk mapped it (wins over the automatic ones).
    case hand
}

/// A listing SKU of a shop and what it maps to.
public struct PlatformSKU: Sendable, Hashable {
    public let id: Int64
    public let shopID: Int64
    public let itemID: String
    public let skuID: String
    public let outerID: String
    public let title: String
    public let mappedSKUID: Int64?
    public let mappedBy: SKUMappingSource?
    /// The last quantity the platform accepted, or nil before the first push.
    public let pushedQuantity: Int64?
}

/// Queries about the SKUs of platform listings and their mapping to ours.
public struct PlatformSKURecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Records a listing SKU seen on an order, with its automatic mapping; a mapping by hand is kept.
    public func see(
        itemID: String,
        skuID: String,
        outerID: String,
        title: String,
        automatic: (skuID: Int64, source: SKUMappingSource)?,
        shopID: Int64,
        companyID: Int64
    ) throws {
        try connection.execute(
            """
            INSERT INTO platform_skus (company_id, shop_id, item_id, sku_id, outer_id, title, mapped_sku_id, mapped_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (company_id, shop_id, item_id, sku_id) DO UPDATE SET outer_id = excluded.outer_id,
                title = excluded.title,
                mapped_sku_id = CASE WHEN platform_skus.mapped_by = 'hand' THEN platform_skus.mapped_sku_id
                                     ELSE excluded.mapped_sku_id END,
                mapped_by = CASE WHEN platform_skus.mapped_by = 'hand' THEN platform_skus.mapped_by
                                 ELSE excluded.mapped_by END
            """,
            [
                companyID, shopID, itemID, skuID, outerID, title, automatic?.skuID, automatic?.source.rawValue,
            ] as [any SQLBindable]
        )
    }

    /// Maps a listing SKU to our SKU or combo by hand, adding the listing SKU when no order named it yet.
    public func mapByHand(itemID: String, skuID: String, to ourSKUID: Int64, shopID: Int64, companyID: Int64) throws {
        try connection.execute(
            """
            INSERT INTO platform_skus (company_id, shop_id, item_id, sku_id, outer_id, title, mapped_sku_id, mapped_by)
            VALUES (?, ?, ?, ?, '', '', ?, 'hand')
            ON CONFLICT (company_id, shop_id, item_id, sku_id) DO UPDATE SET mapped_sku_id = excluded.mapped_sku_id,
                mapped_by = 'hand'
            """,
            companyID,
            shopID,
            itemID,
            skuID,
            ourSKUID
        )
    }

    /// The hand mappings of a shop, by (item id, SKU id).
    public func handMappings(shopID: Int64, companyID: Int64) throws -> [String: Int64] {
        var result: [String: Int64] = [:]
        try connection.forEach(
            """
            SELECT item_id, sku_id, mapped_sku_id FROM platform_skus
            WHERE company_id = ? AND shop_id = ? AND mapped_by = 'hand'
            """,
            [companyID, shopID]
        ) { result[Self.key(itemID: $0.string(0), skuID: $0.string(1))] = $0.int(2) }
        return result
    }

    /// The key ``handMappings(shopID:companyID:)`` uses.
    public static func key(itemID: String, skuID: String) -> String { itemID + "\u{1F}" + skuID }

    /// Every listing SKU of a shop, mapped or not, in id order.
    public func all(shopID: Int64, companyID: Int64) throws -> [PlatformSKU] {
        try connection.query(
            """
            SELECT id, shop_id, item_id, sku_id, outer_id, title, mapped_sku_id, mapped_by, pushed_quantity
            FROM platform_skus WHERE company_id = ? AND shop_id = ? ORDER BY id
            """,
            companyID,
            shopID
        ).map { row in
            PlatformSKU(
                id: row.int(0),
                shopID: row.int(1),
                itemID: row.string(2),
                skuID: row.string(3),
                outerID: row.string(4),
                title: row.string(5),
                mappedSKUID: row.optionalInt(6),
                mappedBy: row.optionalString(7).flatMap(SKUMappingSource.init(rawValue:)),
                pushedQuantity: row.optionalInt(8)
            )
        }
    }

    /// Records a stock push in the log and, when the platform accepted it, as the listing's current quantity.
    public func recordPush(
        platformSKUID: Int64,
        old: Int64?,
        new: Int64,
        error: String?,
        atMillis: Int64,
        shopID: Int64,
        companyID: Int64
    ) throws {
        try connection.execute(
            """
            INSERT INTO stock_pushes (company_id, shop_id, platform_sku_id, old_quantity, new_quantity, outcome, error,
                                      pushed_at_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                companyID, shopID, platformSKUID, old, new, error == nil ? "accepted" : "failed", error ?? "",
                atMillis,
            ] as [any SQLBindable]
        )
        guard error == nil else { return }
        try connection.execute(
            "UPDATE platform_skus SET pushed_quantity = ?, pushed_at_ms = ? WHERE id = ? AND company_id = ?",
            new,
            atMillis,
            platformSKUID,
            companyID
        )
    }

    /// The push log of a shop, newest first, up to `limit` entries.
    public func pushLog(shopID: Int64, companyID: Int64, limit: Int) throws
        -> [(itemID: String, skuID: String, old: Int64?, new: Int64, accepted: Bool, error: String, atMillis: Int64)]
    {
        try connection.query(
            """
            SELECT p.item_id, p.sku_id, l.old_quantity, l.new_quantity, l.outcome, l.error, l.pushed_at_ms
            FROM stock_pushes l JOIN platform_skus p ON p.id = l.platform_sku_id
            WHERE l.company_id = ? AND l.shop_id = ? ORDER BY l.id DESC LIMIT ?
            """,
            companyID,
            shopID,
            limit
        ).map {
            (
                $0.string(0), $0.string(1), $0.optionalInt(2), $0.int(3), $0.string(4) == "accepted", $0.string(5),
                $0.int(6)
            )
        }
    }
}
