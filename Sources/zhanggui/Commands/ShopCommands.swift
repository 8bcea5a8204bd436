import Foundation
import ZhangguiChannels
import ZhangguiCore
import ZhangguiSecurity
import ZhangguiServices
import ZhangguiStore

/// `zhanggui shop`: connected shops, their sync, SKU mapping and stock.
enum ShopCommands {
    static let command = Command(
        name: "shop",
        summary: "connect shops to their platforms; sync orders and refunds, map SKUs, push stock",
        help: """
            Usage: zhanggui shop add CODE --platform PLATFORM --credentials FILE [--name NAME] [--replace]
                   zhanggui shop list
                   zhanggui shop sync [CODE]
                   zhanggui shop backfill CODE --from TIME --to TIME
                   zhanggui shop repull CODE ORDER
                   zhanggui shop map-sku CODE ITEM_ID[:SKU_ID] OUR_CODE
                   zhanggui shop push-stock CODE
                   zhanggui shop set CODE [--share PERCENT] [--buffer N] [--max N] [--overlap-seconds N]
                                     [--lag-seconds N] [--pause | --resume] [--courier OURS=THEIRS ...]
                   zhanggui shop log [CODE] [--limit N]
                   zhanggui shop after-sales

            add         connects shop CODE (created when new) to PLATFORM: taobao, jd, pinduoduo, doudian,
                        kuaishou or xiaohongshu. FILE (or - for standard input) is JSON with appKey, appSecret,
                        signSecret (快手), accessToken, accessExpiresAtMillis, refreshToken, endpoint; it is sealed
                        with AES-256-GCM under the key in $ZHANGGUI_SECRET_KEY (or the file $ZHANGGUI_SECRET_KEY_FILE
                        names) and never printed. --replace gives a connected shop new credentials (after 授权过期).
            list        every connected shop with its status and checkpoints.
            sync        one pass over one shop, or every connected shop: orders and refunds since the last
                        checkpoint, shipment confirmations, stock. `zhanggui serve` runs it every minute.
            backfill    reads the orders and refunds modified from --from up to --to again (local times in the
                        company's zone, `2026-12-01` or `2026-12-01 08:00`), showing its progress.
            repull      fetches one order again.
            map-sku     maps a listing SKU to our SKU or combo OUR_CODE by hand; waiting and held orders take it.
            push-stock  pushes the stock of every mapped listing SKU whose quantity changed.
            set         --share PERCENT of the available stock (default 100), --buffer units kept back, --max
                        the most offered; --overlap-seconds each run reads again of the previous one (default
                        300), --lag-seconds it stays behind now (default 0); --pause or --resume the shop's sync;
                        --courier OURS=THEIRS (repeatable) names our courier in the platform's own code when
                        shipments are confirmed (OURS= alone goes back to the built-in code; docs/SYNC.md).
            log         the newest runs of the sync log (default 20).
            after-sales the refunds and returns that arrived after their order shipped and are still open.
            """,
        flags: ["replace", "pause", "resume"],
        options: [
            "platform", "credentials", "name", "from", "to", "share", "buffer", "max", "limit", "overlap-seconds",
            "lag-seconds", "courier",
        ],
        repeatable: ["courier"],
        positionals: 1...4
    ) { arguments in
        let action = arguments.positional[0]
        let values = Array(arguments.positional.dropFirst())
        let workspace = Workspace(arguments)
        switch action {
        case "add": return try add(values, arguments, workspace)
        case "list": return try list(values, workspace)
        case "sync": return try sync(values, workspace)
        case "backfill": return try backfill(values, arguments, workspace)
        case "repull": return try repull(values, workspace)
        case "map-sku": return try mapSKU(values, workspace)
        case "push-stock": return try pushStock(values, workspace)
        case "set": return try set(values, arguments, workspace)
        case "log": return try log(values, arguments, workspace)
        case "after-sales": return try afterSales(values, workspace)
        default:
            throw UsageError(
                "unknown action '\(action)' (add, list, sync, backfill, repull, map-sku, push-stock, set, log, after-sales)"
            )
        }
    }

    /// The values after the action, exactly `count` of them, named in `usage` when not.
    static func expect(_ values: [String], _ count: ClosedRange<Int>, _ usage: String) throws -> [String] {
        guard count.contains(values.count) else { throw UsageError("usage: zhanggui shop \(usage)") }
        return values
    }

    /// The key that seals credentials, from the environment.
    static func secretBox() throws -> SecretBox {
        do {
            return try SecretKey.box(environment: ProcessInfo.processInfo.environment)
        } catch {
            throw Refusal(error.description)
        }
    }

    static func syncService(_ database: any Database) throws -> SyncService {
        SyncService(database: database, channels: PlatformChannelFactory(), box: try secretBox())
    }

    static func shop(_ code: String, _ database: any Database, _ companyID: Int64) throws -> ShopConnection {
        guard let shop = try database.read({ try ShopConnectionRecords($0).find(code: code, companyID: companyID) })
        else { throw ShopError(code: .notConnected, detail: code) }
        return shop
    }

    private static func add(_ values: [String], _ arguments: Arguments, _ workspace: Workspace) throws -> Int32 {
        let code = try expect(values, 1...1, "add CODE --platform PLATFORM --credentials FILE")[0]
        guard let platformName = arguments.option("platform") else { throw UsageError("shop add needs --platform") }
        guard let platform = Platform(rawValue: platformName) else {
            let known = Platform.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError("unknown platform '\(platformName)' (\(known))")
        }
        guard let file = arguments.option("credentials") else { throw UsageError("shop add needs --credentials FILE") }
        let credentials = try CredentialsFile.read(file, platform: platform)
        let box = try secretBox()
        let (database, companyID) = try workspace.openCompany()
        let service = ShopService(database: database, box: box)
        // New credentials keep the shop's name unless --name gives another; a new shop is named by its code.
        let known = try service.shops(companyID: companyID).first { $0.shopCode == code }?.shopName
        try service.connect(
            code: code,
            name: arguments.option("name") ?? known ?? code,
            credentials: credentials,
            replacing: arguments.flag("replace"),
            companyID: companyID
        )
        Output.line("connected shop \(code) to \(platform.displayName); credentials sealed")
        return 0
    }

    private static func list(_ values: [String], _ workspace: Workspace) throws -> Int32 {
        _ = try expect(values, 0...0, "list")
        let (database, companyID) = try workspace.openCompany()
        let shops = try database.read { try ShopConnectionRecords($0).all(companyID: companyID) }
        guard !shops.isEmpty else {
            Output.line("no connected shops: zhanggui shop add CODE --platform PLATFORM --credentials FILE")
            return 0
        }
        var table = [["店铺", "平台", "状态", "订单至 (UTC ms)", "退款至 (UTC ms)", "库存比例", "预留", "上限"]]
        for shop in shops {
            table.append([
                "\(shop.shopCode) \(shop.shopName)", shop.platform.displayName,
                "\(shop.status.chineseName) (\(shop.status.rawValue))",
                shop.ordersCheckpointMillis.map { String($0) } ?? "-",
                shop.refundsCheckpointMillis.map { String($0) } ?? "-",
                "\(Double(shop.stockShare.shareBasisPoints) / 100) %", String(shop.stockShare.buffer),
                shop.stockShare.maximum.map { String($0) } ?? "-",
            ])
        }
        Output.table(table)
        let alerts = try AlertService(database: database)
            .alerts(companyID: companyID, kind: .shopAuthorizationExpired, limit: 1000)
        for alert in alerts.reversed() {
            Output.line("alert: \(alert.detail)")
        }
        return 0
    }
}
