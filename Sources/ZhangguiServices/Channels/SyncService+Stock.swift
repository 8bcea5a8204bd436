public import ZhangguiCore
public import ZhangguiStore

extension SyncService {
    /// Pushes the shop's stock now, outside the scheduled pass (`zhanggui shop push-stock`).
    public func pushStock(company: Int64, shop shopID: Int64) throws -> SyncReport {
        let shop = try connection(shopID, company: company)
        var report = SyncReport(shopCode: shop.shopCode)
        if let reason = skipReason(shop) { throw ShopError(code: .notActive, detail: "\(shop.shopCode) is \(reason)") }
        do {
            (report.stockPushed, report.stockFailed) = try pushStock(session: try open(shop, company: company))
        } catch let error as SyncStop {
            report.outcome = error.outcome
            report.error = error.message
        }
        return report
    }

    /// Pushes the sellable quantity of every mapped listing SKU whose quantity changed since the platform last
    /// accepted one (库存同步): available stock over all warehouses (on hand − reserved − frozen), for a combo the
    /// complete sets its components make, shared as the shop's settings say. Absolute values only, so a push sent
    /// twice counts once; every push goes in the push log with the old and new value.
    /// - Returns: how many were pushed and how many the platform refused.
    func pushStock(session: ShopSession) throws -> (pushed: Int, failed: Int) {
        let shop = session.shop
        let company = session.context.id
        let changes = try database.read { connection in
            try stockChanges(shop: shop, context: session.context, connection: connection)
        }
        guard !changes.isEmpty else { return (0, 0) }
        var pushed = 0
        var failed = 0
        _ = try logged(.stock, window: nil, session: session) { runID in
            var counts = SyncCounts()
            for change in changes {
                var error: String?
                do {
                    try session.channel.pushStock(
                        PlatformStockUpdate(
                            itemID: change.sku.itemID,
                            skuID: change.sku.skuID,
                            outerID: change.sku.outerID,
                            quantity: change.quantity
                        )
                    )
                } catch ChannelError.rejected(let code, let message) {
                    error = "\(change.sku.itemID):\(change.sku.skuID) refused (\(code)): \(message)"
                }
                var item = SyncCounts()
                if error == nil {
                    pushed += 1
                    item.changed = 1
                } else {
                    failed += 1
                    item.errors = 1
                }
                counts = counts + item
                let at = nowMillis()
                try database.write { connection in
                    try PlatformSKURecords(connection).recordPush(
                        platformSKUID: change.sku.id,
                        old: change.sku.pushedQuantity,
                        new: change.quantity,
                        error: error,
                        atMillis: at,
                        shopID: shop.shopID,
                        companyID: company
                    )
                    try SyncRunRecords(connection).add(item, reachedMillis: nil, error: error, runID: runID)
                }
            }
            return counts
        }
        return (pushed, failed)
    }

    /// The mapped listing SKUs whose quantity to offer differs from the one last accepted.
    private func stockChanges(shop: ShopConnection, context: CompanyContext, connection: any DatabaseConnection) throws
        -> [(sku: PlatformSKU, quantity: Int64)]
    {
        let catalog = try CatalogRecords(connection).index(companyID: context.id, currency: context.currency)
        var available: [Int64: Int64] = [:]
        for perSKU in try StockBook(connection, currency: context.currency).available(companyID: context.id).values {
            for (skuID, units) in perSKU { available[skuID, default: 0] += units }
        }
        return try PlatformSKURecords(connection).all(shopID: shop.shopID, companyID: context.id).compactMap { sku in
            guard let mapped = sku.mappedSKUID, let entry = catalog.entry(forSKUID: mapped) else { return nil }
            let sellable = StockShare.sellable(parts: entry.parts.map { (available[$0.skuID] ?? 0, $0.quantity) })
            let quantity = shop.stockShare.quantity(available: sellable)
            return quantity == sku.pushedQuantity ? nil : (sku, quantity)
        }
    }
}
