import Foundation
public import ZhangguiCore
public import ZhangguiSecurity
public import ZhangguiStore

/// Connected shops (店铺授权): a shop, its platform, its sealed credentials, its status and sync settings.
///
/// Credentials are sealed with AES-256-GCM under the key the environment names (``SecretKey``), bound to company
/// and shop, so a row copied to another shop cannot be opened there.
public struct ShopService: Sendable {
    let database: any Database
    /// The key for credentials; nil for the calls that need none (listing, settings, pausing).
    let box: SecretBox?

    public init(database: any Database, box: SecretBox?) {
        self.database = database
        self.box = box
    }

    /// The key, or the error that says how to give one.
    private func key() throws -> SecretBox {
        guard let box else { throw SecretKeyError(code: .missing) }
        return box
    }

    /// Connects the shop with `code` (created when the company has none) to its platform.
    /// - Parameter replacing: give a connected shop new credentials (after 授权过期, say) and make it active again.
    /// - Returns: the shop's id.
    /// - Throws: ``ShopError`` `.alreadyConnected` or `.otherPlatform`.
    @discardableResult
    public func connect(
        code: String,
        name: String,
        credentials: ShopCredentials,
        plan: SyncPlan = SyncPlan(),
        replacing: Bool = false,
        companyID: Int64
    ) throws -> Int64 {
        try database.write { connection in
            let records = ShopConnectionRecords(connection)
            if let existing = try records.find(code: code, companyID: companyID) {
                guard replacing else { throw ShopError(code: .alreadyConnected, detail: code) }
                guard existing.platform == credentials.platform else {
                    throw ShopError(
                        code: .otherPlatform,
                        detail: "\(code) is connected to \(existing.platform.displayName), not \(credentials.platform)"
                    )
                }
            }
            let shopID = try CompanyRecords(connection)
                .shopID(code: code, platform: credentials.platform.rawValue, companyID: companyID)
            let sealed = try seal(credentials, shopID: shopID, companyID: companyID)
            try records.connect(
                shopID: shopID,
                companyID: companyID,
                platform: credentials.platform,
                name: name,
                sealedCredentials: sealed,
                plan: plan
            )
            try AlertRecords(connection).clear(
                SyncService.expiredAlert,
                subject: Self.subject(shopID),
                companyID: companyID,
                at: Clock.nowSeconds()
            )
            return shopID
        }
    }

    /// Every connected shop of the company, by code.
    public func shops(companyID: Int64) throws -> [ShopConnection] {
        try database.read { try ShopConnectionRecords($0).all(companyID: companyID) }
    }

    /// The connected shop with `code`.
    /// - Throws: ``ShopError`` `.notConnected`.
    public func shop(code: String, companyID: Int64) throws -> ShopConnection {
        guard let shop = try database.read({ try ShopConnectionRecords($0).find(code: code, companyID: companyID) })
        else { throw ShopError(code: .notConnected, detail: code) }
        return shop
    }

    /// Names our courier `courierCode` in the shop's platform code for shipment confirmations, or (nil) goes back
    /// to the built-in code of ``PlatformCourierCodes``.
    /// - Throws: ``ShopError`` `.badSetting` for a code longer than 64 characters or holding control characters.
    public func setCourierCode(_ courierCode: String, platformCode: String?, code: String, companyID: Int64) throws {
        for text in [courierCode, platformCode ?? ""] {
            guard text.count <= 64, !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            else { throw ShopError(code: .badSetting, detail: "a courier code is at most 64 plain characters") }
        }
        let shop = try shop(code: code, companyID: companyID)
        try database.write { connection in
            let records = ShopCourierCodeRecords(connection)
            if let platformCode {
                try records.set(
                    courierCode: courierCode,
                    platformCode: platformCode,
                    shopID: shop.shopID,
                    companyID: companyID
                )
            } else {
                try records.remove(courierCode: courierCode, shopID: shop.shopID, companyID: companyID)
            }
        }
    }

    /// The open credentials of a connected shop.
    /// - Throws: ``SecretKeyError`` `.cannotOpen` when they were sealed under another key or changed.
    public func credentials(of shop: ShopConnection, companyID: Int64) throws -> ShopCredentials {
        let bytes = try key().open(shop.sealedCredentials, associatedData: Self.binding(shop.shopID, companyID))
        return try JSONDecoder().decode(ShopCredentials.self, from: Data(bytes))
    }

    /// The credentials sealed for the shop's row.
    func seal(_ credentials: ShopCredentials, shopID: Int64, companyID: Int64) throws -> String {
        try key().seal(Array(try JSONEncoder().encode(credentials)), associatedData: Self.binding(shopID, companyID))
    }

    /// The associated data that binds sealed credentials to one shop of one company.
    static func binding(_ shopID: Int64, _ companyID: Int64) -> String {
        "zhanggui.shop-credentials.v1;company=\(companyID);shop=\(shopID)"
    }

    /// The alert subject for a shop.
    static func subject(_ shopID: Int64) -> String { "shop:\(shopID)" }
}
