import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

/// A connected shop as the API answers it: never its credentials, sealed or open.
struct ShopAnswer: Encodable {
    let id: Int64
    let code: String
    let name: String
    let platform: String
    /// `active`, `authorizationExpired` (授权过期) or `paused`.
    let status: String
    let shareBasisPoints: Int64
    let buffer: Int64
    let max: Int64?
    let overlapSeconds: Int64
    let lagSeconds: Int64
    /// How far the incremental streams have read, in UTC milliseconds; absent before the first run.
    let ordersCheckpointMillis: Int64?
    let refundsCheckpointMillis: Int64?
    /// No platform call before this time (the platform asked us to wait), in UTC milliseconds.
    let backoffUntilMillis: Int64?
    let lastRun: SyncRunAnswer?

    init(_ shop: ShopConnection, lastRun: SyncRun?) {
        id = shop.shopID
        code = shop.shopCode
        name = shop.shopName
        platform = shop.platform.rawValue
        status = shop.status.rawValue
        shareBasisPoints = shop.stockShare.shareBasisPoints
        buffer = shop.stockShare.buffer
        max = shop.stockShare.maximum
        overlapSeconds = shop.plan.overlapMillis / 1000
        lagSeconds = shop.plan.safetyLagMillis / 1000
        ordersCheckpointMillis = shop.ordersCheckpointMillis
        refundsCheckpointMillis = shop.refundsCheckpointMillis
        backoffUntilMillis = shop.backoffUntilMillis
        self.lastRun = lastRun.map(SyncRunAnswer.init)
    }
}

struct ShopList: Encodable {
    let shops: [ShopAnswer]
}

/// One run of the sync log.
struct SyncRunAnswer: Encodable {
    let id: Int64
    /// orders, refunds, backfill, repull, shipments or stock.
    let kind: String
    /// running, done, failed, authorizationExpired, rateLimited or unavailable.
    let outcome: String
    let windowStartMillis: Int64?
    let windowEndMillis: Int64?
    let pages: Int64
    let new: Int64
    let changed: Int64
    let unchanged: Int64
    let errors: Int64
    let lastError: String
    let startedAtMillis: Int64
    let finishedAtMillis: Int64?

    init(_ run: SyncRun) {
        id = run.id
        kind = run.kind.rawValue
        outcome = run.outcome.rawValue
        windowStartMillis = run.windowStartMillis
        windowEndMillis = run.windowEndMillis
        pages = run.counts.pages
        new = run.counts.new
        changed = run.counts.changed
        unchanged = run.counts.unchanged
        errors = run.counts.errors
        lastError = run.lastError
        startedAtMillis = run.startedAtMillis
        finishedAtMillis = run.finishedAtMillis
    }
}

struct SyncRunList: Encodable {
    let runs: [SyncRunAnswer]
}

/// What one pass or backfill did.
struct SyncReportAnswer: Encodable {
    struct Counts: Encodable {
        let new: Int64
        let changed: Int64
        let unchanged: Int64
        let errors: Int64

        init(_ counts: SyncCounts) {
            new = counts.new
            changed = counts.changed
            unchanged = counts.unchanged
            errors = counts.errors
        }
    }

    let shop: String
    /// `done`, or the platform error that stopped the pass.
    let outcome: String
    /// Why nothing was asked of the platform (the shop's status, or a wait the platform asked for).
    let skipped: String?
    let error: String?
    let orders: Counts
    let refunds: Counts
    let shipmentsConfirmed: Int
    let shipmentsToRetry: Int
    let stockPushed: Int
    let stockRefused: Int

    init(_ report: SyncReport) {
        shop = report.shopCode
        outcome = report.outcome.rawValue
        skipped = report.skipped
        error = report.error
        orders = Counts(report.orders)
        refunds = Counts(report.refunds)
        shipmentsConfirmed = report.uploadsSent
        shipmentsToRetry = report.uploadsFailed
        stockPushed = report.stockPushed
        stockRefused = report.stockFailed
    }
}

/// What fetching one order again did.
struct RepullAnswer: Encodable {
    let platformOrderID: String
    /// `new`, `newer`, `unchanged`, or `failed` when a platform error stopped it.
    let outcome: String
    let error: String?

    init(platformOrderID: String, outcome: VersionOutcome?, error: String?) {
        self.platformOrderID = platformOrderID
        self.outcome =
            switch outcome {
            case .new: "new"
            case .newer: "newer"
            case .stale: "unchanged"
            case nil: "failed"
            }
        self.error = outcome == nil ? (error ?? "not stored") : nil
    }
}

/// A listing SKU of a shop and what it maps to.
struct SKUMappingAnswer: Encodable {
    let itemID: String
    let skuID: String
    /// The listing's 商家编码.
    let outerID: String
    let title: String
    /// Our SKU or combo code; absent while unmapped.
    let sku: String?
    /// outerID, barcode or hand.
    let mappedBy: String?
    /// The last quantity the platform accepted; absent before the first push.
    let pushedQuantity: Int64?

    init(_ listing: PlatformSKU, sku: String?) {
        itemID = listing.itemID
        skuID = listing.skuID
        outerID = listing.outerID
        title = listing.title
        self.sku = sku
        mappedBy = listing.mappedBy?.rawValue
        pushedQuantity = listing.pushedQuantity
    }
}

struct SKUMappingList: Encodable {
    let listings: [SKUMappingAnswer]
}

struct SKUMappedAnswer: Encodable {
    let itemID: String
    let skuID: String
    let sku: String
    /// Lines of waiting or held orders that now name the SKU.
    let linesRemapped: Int
    /// Held orders sent back to review.
    let tradesReleased: Int
}

/// One stock push of the log: the quantity before and the one pushed.
struct StockPushAnswer: Encodable {
    let itemID: String
    let skuID: String
    let oldQuantity: Int64?
    let newQuantity: Int64
    let isAccepted: Bool
    let error: String
    let pushedAtMillis: Int64
}

struct StockPushList: Encodable {
    let pushes: [StockPushAnswer]
}

/// A platform after-sales request (售后单) that arrived after its order shipped and is still open.
struct PlatformAfterSaleAnswer: Encodable {
    let id: Int64
    let refundID: String
    let platformOrderID: String
    let kind: String
    let status: String
    let amountFen: Int64
    let reason: String
    let returnTrackingNumber: String
    let outcome: String
    let modifiedAtMillis: Int64

    init(_ request: StoredAfterSale) {
        id = request.id
        refundID = request.refund.refundID
        platformOrderID = request.refund.platformOrderID
        kind = request.refund.kind.rawValue
        status = request.refund.status.rawValue
        amountFen = request.refund.amount.fen
        reason = request.refund.reason
        returnTrackingNumber = request.refund.returnTrackingNumber
        outcome = request.outcome.rawValue
        modifiedAtMillis = request.refund.modifiedAtMillis
    }
}

struct PlatformAfterSaleList: Encodable {
    let requests: [PlatformAfterSaleAnswer]
}
