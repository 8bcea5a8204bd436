import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("a shop's settings change in one audited transaction, or not at all")
struct ShopSettingsTests {
    private static func audit(_ bed: SyncBed, userID: Int64? = nil) -> AuditContext {
        AuditContext(actor: AuditActor(companyID: bed.companyID, userID: userID), at: 1_800_000_000)
    }

    private func entries(_ bed: SyncBed) throws -> [AuditEntry] {
        try bed.database.read { connection in
            try AuditRecords(connection)
                .entries(objectType: "shop", objectID: String(bed.shopID), companyID: bed.companyID, limit: 100)
                .map(\.entry)
        }
    }

    @Test("share, buffer, cap, spans and pause change together, audited before and after", arguments: Engine.all)
    func change(engine: Engine) throws {
        let bed = try SyncBed(engine)
        var change = ShopSettingsChange()
        change.shareBasisPoints = 2500
        change.buffer = 3
        change.maximum = .some(10)
        change.overlapMillis = 60_000
        change.isPaused = true

        let changed = try ShopService(database: bed.database, box: nil)
            .change(change, shopID: bed.shopID, companyID: bed.companyID, audit: Self.audit(bed))

        let stored = try bed.connection()
        #expect(stored == changed)
        #expect(stored.stockShare == StockShare(shareBasisPoints: 2500, buffer: 3, maximum: 10))
        // The bed's plan: no overlap, no lag, a first look-back of one hour; only the overlap changed.
        #expect(stored.plan == SyncPlan(overlapMillis: 60_000, safetyLagMillis: 0, firstLookbackMillis: 3_600_000))
        #expect(stored.status == .paused)
        let entries = try entries(bed)
        #expect(entries.map(\.action) == ["shop.settings"])
        #expect(entries.first?.beforeJSON?.contains(#""buffer":0"#) == true)
        #expect(entries.first?.afterJSON?.contains(#""buffer":3"#) == true)
        #expect(entries.first?.afterJSON?.contains(#""status":"paused""#) == true)
    }

    @Test("resuming a shop whose grant expired is refused and its other changes are not kept", arguments: Engine.all)
    func expired(engine: Engine) throws {
        let bed = try SyncBed(engine)
        try bed.database.write {
            _ = try ShopConnectionRecords($0)
                .setStatus(.authorizationExpired, from: .active, shopID: bed.shopID, companyID: bed.companyID)
        }
        var change = ShopSettingsChange()
        change.buffer = 4
        change.isPaused = false

        #expect(throws: ShopError.self) {
            try ShopService(database: bed.database, box: nil)
                .change(change, shopID: bed.shopID, companyID: bed.companyID, audit: Self.audit(bed))
        }
        #expect(try bed.connection().stockShare.buffer == 0)
        #expect(try bed.connection().status == .authorizationExpired)
        #expect(try entries(bed).isEmpty)
    }

    @Test("when the audit entry cannot be written the settings stay as they were", arguments: Engine.all)
    func brokenAudit(engine: Engine) throws {
        let bed = try SyncBed(engine)
        var change = ShopSettingsChange()
        change.buffer = 5

        #expect(throws: (any Error).self) {
            try ShopService(database: bed.database, box: nil)
                .change(change, shopID: bed.shopID, companyID: bed.companyID, audit: Self.audit(bed, userID: 999_999))
        }
        #expect(try bed.connection().stockShare.buffer == 0)
    }

    @Test("a mapping by hand is audited with what it changed", arguments: Engine.all)
    func mappingAudited(engine: Engine) throws {
        let bed = try SyncBed(engine)
        try bed.shop.addSKUs("A")

        let result = try SKUMappingService(database: bed.database).map(
            itemID: "1001",
            skuID: "",
            to: "A",
            shopCode: "TB",
            companyID: bed.companyID,
            audit: Self.audit(bed)
        )

        #expect(result == SKUMappingResult())
        let entries = try entries(bed)
        #expect(entries.map(\.action) == ["shop.mapSku"])
        #expect(entries.first?.afterJSON?.contains(#""sku":"A""#) == true)
    }
}
