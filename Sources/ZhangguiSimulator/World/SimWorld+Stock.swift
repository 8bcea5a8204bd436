import Synchronization

extension SimWorld {
    /// Adds a listing's SKU, or sets its stock when it exists.
    public func putListing(_ listing: SimListing) {
        state.withLock { state in
            if let index = state.listings.firstIndex(where: { $0.shopID == listing.shopID && $0.skuID == listing.skuID }
            ) {
                state.listings[index] = listing
            } else {
                state.listings.append(listing)
            }
        }
    }

    /// A shop's listings, in the order added.
    public func listings(shopID: String) -> [SimListing] {
        state.withLock { $0.listings.filter { $0.shopID == shopID } }
    }

    /// The stock pushes the gateways accepted for a shop, oldest first.
    public func stockPushes(shopID: String) -> [SimStockPush] {
        state.withLock { $0.stockPushes.filter { $0.shopID == shopID } }
    }

    /// How a gateway names the SKU whose stock it sets.
    struct ListingLocator {
        var itemID: String?
        var skuID: String?
        var outerID: String?
    }

    /// Applies a stock push: `quantity` absolute (`isDelta` false) or a change; the result never goes below zero.
    /// - Parameter clampsAtZero: a delta below zero is cut to zero (TOP batch) instead of refused.
    /// - Parameter idempotencyKey: a key seen before makes the push a no-op that still succeeds.
    /// - Returns: the listing after the push.
    func pushStock(
        shopID: String,
        locator: ListingLocator,
        quantity: Int64,
        isDelta: Bool,
        clampsAtZero: Bool = false,
        idempotencyKey: String? = nil,
        apiMethod: String
    ) throws(SimError) -> SimListing {
        try state.withLock { state throws(SimError) in
            guard let index = Self.listingIndex(locator, shopID: shopID, in: state) else {
                throw SimError(.notFound, "no such SKU")
            }
            if let key = idempotencyKey {
                guard state.idempotencyKeys.insert(shopID + "/" + key).inserted else { return state.listings[index] }
            }
            let before = state.listings[index].quantity
            var after = isDelta ? before + quantity : quantity
            if after < 0 {
                guard clampsAtZero else { throw SimError(.invalidArgument, "stock would go below zero") }
                after = 0
            }
            state.listings[index].quantity = after
            let listing = state.listings[index]
            state.stockPushes.append(
                SimStockPush(
                    shopID: shopID,
                    itemID: listing.itemID,
                    skuID: listing.skuID,
                    outerID: listing.outerID,
                    before: before,
                    after: after,
                    mode: isDelta ? "delta" : "set",
                    atMillis: state.now,
                    apiMethod: apiMethod
                )
            )
            return listing
        }
    }

    /// The SKU id wins over the 商家编码, as the platforms document; an item id, when given, must match.
    private static func listingIndex(_ locator: ListingLocator, shopID: String, in state: WorldState) -> Int? {
        state.listings.firstIndex { listing in
            guard listing.shopID == shopID else { return false }
            if let item = locator.itemID, !item.isEmpty, listing.itemID != item { return false }
            if let sku = locator.skuID, !sku.isEmpty { return listing.skuID == sku }
            if let outer = locator.outerID, !outer.isEmpty { return listing.outerID == outer }
            return false
        }
    }
}
