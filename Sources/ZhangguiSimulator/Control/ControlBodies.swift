import Foundation
import ZhangguiCore

/// `POST /_sim/clock`.
struct ClockRequest: Decodable {
    var nowMillis: Int64?
    var frozen: Bool?
    var advanceSeconds: Int64?
    var advanceMillis: Int64?
}

/// `POST /_sim/platforms/{platform}/availability`.
struct AvailabilityRequest: Decodable {
    var state: Availability
}

/// `POST /_sim/shops/{shop}/orders`: every field but `lines` may be left out.
struct OrderRequest: Decodable {
    struct Line: Decodable {
        var lineID: String?
        var itemID: String
        var skuID: String
        var outerID: String?
        var title: String?
        var quantity: Int64
        var unitPriceFen: Int64
        var discountFen: Int64?
    }

    var orderID: String?
    var lines: [Line]
    var freightFen: Int64?
    var discountFen: Int64?
    var receiver: SimReceiver?
    var buyerNote: String?
    var sellerMemo: String?
    var createdMillis: Int64?
    var isPaid: Bool?
    var isHeld: Bool?

    var draft: SimOrderDraft {
        SimOrderDraft(
            orderID: orderID,
            lines: lines.map { line in
                SimOrderLine(
                    lineID: line.lineID ?? "",
                    itemID: line.itemID,
                    skuID: line.skuID,
                    outerID: line.outerID ?? "",
                    title: line.title ?? line.skuID,
                    quantity: line.quantity,
                    unitPriceFen: line.unitPriceFen,
                    discountFen: line.discountFen ?? 0
                )
            },
            freightFen: freightFen ?? 0,
            discountFen: discountFen ?? 0,
            receiver: receiver,
            buyerNote: buyerNote ?? "",
            sellerMemo: sellerMemo ?? "",
            createdMillis: createdMillis,
            isPaid: isPaid ?? true,
            isHeld: isHeld ?? false
        )
    }
}

/// `POST /_sim/shops/{shop}/orders/{order}/refunds`.
struct RefundRequest: Decodable {
    var kind: AfterSaleKind?
    var lineIDs: [String]?
    var amountFen: Int64?
    var reason: String?
}

/// `POST /_sim/shops/{shop}/refunds/{refund}/{status}`.
struct RefundUpdateRequest: Decodable {
    var returnTrackingNumber: String?
}

/// `PUT /_sim/shops/{shop}/listings`.
struct ListingRequest: Decodable {
    var shopID: String = ""
    var itemID: String
    var skuID: String
    var outerID: String?
    var quantity: Int64

    enum CodingKeys: String, CodingKey {
        case itemID, skuID, outerID, quantity
    }
}

/// `POST /_sim/shops/{shop}/seed/uci`.
struct UCISeedRequest: Decodable {
    /// A `.csv` or `.csv.gz` file of the UCI Online Retail layout.
    var path: String
    var limit: Int?
    var startMillis: Int64?
    var spacingMillis: Int64?
}

/// `GET /_sim/state`.
struct StateSummary: Encodable {
    struct PlatformSettings: Encodable {
        var availability: Availability
        var limits: GatewayLimits
        var tokenPolicy: TokenPolicy
        var rateLimit: RateLimit?
        var calls: Int
    }

    var nowMillis: Int64
    var shops: [SimShopSummary]
    var platforms: [String: PlatformSettings]

    init(world: SimWorld) {
        nowMillis = world.nowMillis
        shops = world.shops.map { SimShopSummary(shopID: $0.shopID, platform: $0.platform, appKey: $0.appKey) }
        var platforms: [String: PlatformSettings] = [:]
        for platform in Platform.allCases {
            platforms[platform.rawValue] = PlatformSettings(
                availability: world.availability(of: platform),
                limits: world.limits(for: platform),
                tokenPolicy: world.tokenPolicy(for: platform),
                rateLimit: world.rateLimit(for: platform),
                calls: world.callCount(platform)
            )
        }
        self.platforms = platforms
    }
}

/// A shop without its secrets.
struct SimShopSummary: Encodable {
    var shopID: String
    var platform: Platform
    var appKey: String
}

/// `PUT /_sim/shops/{shop}/decrypt-quota`: null lifts the limit.
struct DecryptQuotaRequest: Decodable {
    var orders: Int?
}
