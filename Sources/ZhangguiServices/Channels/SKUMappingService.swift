public import ZhangguiCore
public import ZhangguiStore

/// What mapping a listing SKU by hand changed.
public struct SKUMappingResult: Sendable, Equatable {
    /// Lines of trades waiting for review or held that now name our SKU or combo.
    public var linesRemapped = 0
    /// Held trades sent back to review because their only holds were unmapped lines, now all mapped.
    public var tradesReleased = 0

    public init(linesRemapped: Int = 0, tradesReleased: Int = 0) {
        self.linesRemapped = linesRemapped
        self.tradesReleased = tradesReleased
    }
}

/// Mapping platform listing SKUs to ours by hand (手工匹配), for the ones no 商家编码 or barcode matches.
public struct SKUMappingService: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Maps the listing SKU `itemID`/`skuID` of the shop `shopCode` to our SKU or combo `code`. Trades of the shop
    /// still waiting for review or held get the mapping on their lines at once, and a trade held only for unmapped
    /// lines goes back to review when none is left. With `audit`, the mapping is audited `shop.mapSku` in the same
    /// transaction.
    /// - Throws: ``ShopError`` `.notConnected` or `.unknownSKU`.
    public func map(
        itemID: String,
        skuID: String,
        to code: String,
        shopCode: String,
        companyID: Int64,
        audit: AuditContext? = nil
    ) throws -> SKUMappingResult {
        try database.write { connection in
            guard let shop = try ShopConnectionRecords(connection).find(code: shopCode, companyID: companyID) else {
                throw ShopError(code: .notConnected, detail: shopCode)
            }
            guard let ours = try CatalogRecords(connection).find(code: code, companyID: companyID) else {
                throw ShopError(code: .unknownSKU, detail: code)
            }
            try PlatformSKURecords(connection)
                .mapByHand(itemID: itemID, skuID: skuID, to: ours.id, shopID: shop.shopID, companyID: companyID)
            let context = try CompanyContext.load(companyID, from: connection)
            let result = try remap(
                itemID: itemID,
                skuID: skuID,
                code: code,
                ourID: ours.id,
                shop: shop,
                context: context,
                connection: connection
            )
            try audit?.record(
                "shop.mapSku",
                object: .shop(shop.shopID),
                after: AuditedMapping(
                    itemID: itemID,
                    skuID: skuID,
                    sku: code,
                    linesRemapped: result.linesRemapped,
                    tradesReleased: result.tradesReleased
                ),
                in: connection
            )
            return result
        }
    }

    /// A mapping by hand, for the audit log.
    private struct AuditedMapping: Encodable {
        let itemID: String
        let skuID: String
        let sku: String
        let linesRemapped: Int
        let tradesReleased: Int
    }

    private func remap(
        itemID: String,
        skuID: String,
        code: String,
        ourID: Int64,
        shop: ShopConnection,
        context: CompanyContext,
        connection: any DatabaseConnection
    ) throws -> SKUMappingResult {
        let trades = TradeRecords(connection, currency: context.currency)
        let orders = PlatformOrderRecords(connection)
        var result = SKUMappingResult()
        var touched: [Int64: TradeState] = [:]
        var readings: [String: PlatformOrder?] = [:]
        for line in try trades.linesAwaitingReview(shopID: shop.shopID, companyID: context.id) {
            if readings[line.platformOrderID] == nil {
                readings[line.platformOrderID] =
                    try orders
                    .reading(platformOrderID: line.platformOrderID, shopID: shop.shopID, companyID: context.id)
                    .flatMap(OrderPageStore.decode)
            }
            guard let order = readings[line.platformOrderID] ?? nil, line.lineNo >= 1, line.lineNo <= order.lines.count
            else { continue }
            let platformLine = order.lines[Int(line.lineNo) - 1]
            guard platformLine.itemID == itemID, platformLine.skuID == skuID, line.code != code else { continue }
            try trades.remapLine(line.lineID, code: code, skuID: ourID)
            result.linesRemapped += 1
            touched[line.tradeID] = line.state
        }
        let catalog = try CatalogRecords(connection).index(companyID: context.id, currency: context.currency)
        let holds = HoldRecords(connection)
        for (tradeID, state) in touched.sorted(by: { $0.key < $1.key }) where state == .onHold {
            let open = try holds.open(tradeID: tradeID)
            guard !open.isEmpty, open.allSatisfy({ $0.reason == .unmappedSKU }),
                let trade = try trades.trade(id: tradeID, companyID: context.id),
                trade.lines.allSatisfy({ catalog.entry(forMerchantCode: $0.merchantCode) != nil })
            else { continue }
            try holds.releaseAll(tradeID: tradeID)
            try trades.move(tradeID: tradeID, by: .release, from: .onHold)
            result.tradesReleased += 1
        }
        return result
    }
}
