public import ZhangguiCore
public import ZhangguiStore

/// A change to a shop's settings: every field left nil stays as it is.
public struct ShopSettingsChange: Sendable, Equatable {
    /// The share of the available stock offered, in basis points (10000 = 100 %).
    public var shareBasisPoints: Int64?
    /// Units kept back before the share is taken.
    public var buffer: Int64?
    /// The most ever offered; `.some(nil)` removes the cap.
    public var maximum: Int64??
    /// How much of the previous run each run reads again, in milliseconds.
    public var overlapMillis: Int64?
    /// How far behind now a run stops, in milliseconds.
    public var safetyLagMillis: Int64?
    /// true pauses the shop's sync, false makes a paused shop active again.
    public var isPaused: Bool?

    public init() {}
}

/// What a shop's settings are, for the audit log.
private struct AuditedSettings: Encodable {
    let shareBasisPoints: Int64
    let buffer: Int64
    let maximum: Int64?
    let overlapMillis: Int64
    let safetyLagMillis: Int64
    let status: String

    init(_ shop: ShopConnection) {
        shareBasisPoints = shop.stockShare.shareBasisPoints
        buffer = shop.stockShare.buffer
        maximum = shop.stockShare.maximum
        overlapMillis = shop.plan.overlapMillis
        safetyLagMillis = shop.plan.safetyLagMillis
        status = shop.status.rawValue
    }
}

extension ShopService {
    /// The connected shop with id `shopID`.
    /// - Throws: ``ShopError`` `.notConnected`.
    public func shop(id shopID: Int64, companyID: Int64) throws -> ShopConnection {
        guard let shop = try database.read({ try ShopConnectionRecords($0).find(shopID: shopID, companyID: companyID) })
        else { throw ShopError(code: .notConnected, detail: "with id \(shopID)") }
        return shop
    }

    /// Changes a shop's stock share, sync spans and pause in one transaction, audited `shop.settings` with the
    /// settings before and after.
    /// - Returns: the shop as it is now.
    /// - Throws: ``ShopError`` `.notConnected`; `.notActive` when pausing or resuming a shop whose grant expired
    ///   (it becomes active again only when the seller authorises again, `zhanggui shop add --replace`).
    @discardableResult
    public func change(_ change: ShopSettingsChange, shopID: Int64, companyID: Int64, audit: AuditContext) throws
        -> ShopConnection
    {
        try database.write { connection in
            let records = ShopConnectionRecords(connection)
            guard let before = try records.find(shopID: shopID, companyID: companyID) else {
                throw ShopError(code: .notConnected, detail: "with id \(shopID)")
            }
            var stockShare = before.stockShare
            stockShare.shareBasisPoints = change.shareBasisPoints ?? stockShare.shareBasisPoints
            stockShare.buffer = change.buffer ?? stockShare.buffer
            stockShare.maximum = change.maximum ?? stockShare.maximum
            var plan = before.plan
            plan.overlapMillis = change.overlapMillis ?? plan.overlapMillis
            plan.safetyLagMillis = change.safetyLagMillis ?? plan.safetyLagMillis
            try records.updateSettings(plan: plan, stockShare: stockShare, shopID: shopID, companyID: companyID)
            if let isPaused = change.isPaused {
                try setPaused(isPaused, shop: before, companyID: companyID, records: records)
            }
            guard let after = try records.find(shopID: shopID, companyID: companyID) else {
                throw ShopError(code: .notConnected, detail: "with id \(shopID)")
            }
            try audit.record(
                "shop.settings",
                object: .shop(shopID),
                before: AuditedSettings(before),
                after: AuditedSettings(after),
                in: connection
            )
            return after
        }
    }

    private func setPaused(
        _ isPaused: Bool,
        shop: ShopConnection,
        companyID: Int64,
        records: ShopConnectionRecords
    ) throws {
        let wanted: ShopStatus = isPaused ? .paused : .active
        guard shop.status != wanted else { return }
        guard shop.status != .authorizationExpired else {
            throw ShopError(
                code: .notActive,
                detail: "\(shop.shopCode) is 授权过期 (authorizationExpired): authorise it again first"
            )
        }
        try records.setStatus(wanted, from: shop.status, shopID: shop.shopID, companyID: companyID)
    }
}

extension AuditObject {
    /// A connected shop, by its id.
    public static func shop(_ id: Int64) -> AuditObject { AuditObject(type: "shop", id: String(id)) }
}
