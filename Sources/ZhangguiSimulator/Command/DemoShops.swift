import ZhangguiCore
import ZhangguiHTTP

/// One made-up shop per platform for demos, with its keys and a fresh token pair. The keys are demo values for
/// the simulator only, never a platform's.
public enum DemoShops {
    public struct Demo: Sendable {
        public let shop: SimShop
        public let grant: SimGrant
    }

    /// Adds the demo shops (`demo-taobao`, …) and issues each a token pair.
    public static func create(in world: SimWorld) throws(SimError) -> [Demo] {
        try Platform.allCases.map { platform throws(SimError) in
            let shop = SimShop(
                shopID: "demo-\(platform.rawValue)",
                platform: platform,
                appKey: "sim-\(platform.rawValue)-key",
                appSecret: "sim-\(platform.rawValue)-secret",
                signSecret: platform == .kuaishou ? "sim-kuaishou-sign-secret" : ""
            )
            world.addShop(shop)
            return Demo(shop: shop, grant: try world.issueGrant(shopID: shop.shopID))
        }
    }

    /// Opens the demo courier accounts: 丰桥 partner `sim-sf` (check word `sim-sf-checkword`) and ZOP app `sim-zto-key`
    /// (secret `sim-zto-secret`) with e-waybill account `sim-zto-account` / `sim-zto-password`.
    public static func openCourierAccounts(in world: SimWorld) {
        world.couriers.addSFAccount(partnerID: "sim-sf", checkWord: "sim-sf-checkword")
        world.couriers.addZTOApplication(
            appKey: "sim-zto-key",
            appSecret: "sim-zto-secret",
            accounts: ["sim-zto-account": "sim-zto-password"]
        )
    }

    /// The lines `zhanggui-sim` prints: the control API, then per platform its URL, shop, keys and tokens.
    public static func describe(_ demos: [Demo], host: SimulatorHost) -> String {
        var lines = ["control API on http://127.0.0.1:\(host.control.port)/_sim/state"]
        for demo in demos {
            let shop = demo.shop
            var line = "\(shop.platform.rawValue) on \(host.url(for: shop.platform)) shop=\(shop.shopID)"
            line += " appKey=\(shop.appKey) appSecret=\(shop.appSecret)"
            if !shop.signSecret.isEmpty { line += " signSecret=\(shop.signSecret)" }
            line += " accessToken=\(demo.grant.accessToken) refreshToken=\(demo.grant.refreshToken)"
            lines.append(line)
        }
        lines.append(
            "couriers on \(host.courierURL) sf: endpoint=\(host.courierURL)/std/service partnerID=sim-sf "
                + "checkWord=sim-sf-checkword; zto: endpoint=\(host.courierURL) appKey=sim-zto-key "
                + "appSecret=sim-zto-secret accountID=sim-zto-account accountPassword=sim-zto-password"
        )
        return lines.joined(separator: "\n")
    }
}
