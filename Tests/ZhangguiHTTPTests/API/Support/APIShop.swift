import Foundation
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiServices
import ZhangguiStore

/// A fresh database file holding two registered companies, A (测试店) and B (别家店), each with warehouse MAIN,
/// two SKUs in stock, orders waiting for review and one user per built-in role; served by the API on a free port.
final class APIShop {
    /// The password of every user in the shop.
    static let password = "correct horse battery staple"

    let directory: URL
    let database: SQLiteDatabase
    let companyA: Company
    let companyB: Company
    let test: TestServer
    /// Every route the server has, as the API declares them.
    let routes: [Router.Route]
    /// The API the server runs, for tests that start its background tasks themselves.
    let api: ZhangguiAPI

    /// One company of the shop, with the email of each role's user.
    struct Company {
        let id: Int64
        let emails: [BuiltInRole: String]
        let tradeIDs: [Int64]
        let productIDs: [Int64]
        let userIDs: [BuiltInRole: Int64]
    }

    /// - Parameters:
    ///   - isBehindTLS: whether the API is set up as reached through TLS (its cookie is then `Secure`).
    ///   - serving: the database the API is given, made from the shop's own (a wrapper that fails on purpose).
    ///   - trustsForwardedFor: whether the API takes clients' addresses from `X-Forwarded-For`.
    ///   - shopSync: the shops' sync the pages' "sync now" runs, made for the shop's database; none by default.
    ///   - courierWaybills: the courier waybill step, made for the shop's database; none by default (range ZG).
    init(
        isBehindTLS: Bool = false,
        trustsForwardedFor: Bool = false,
        serving: (SQLiteDatabase) -> any Database = { $0 },
        shopSync: (SQLiteDatabase) -> SyncService? = { _ in nil },
        courierWaybills: (SQLiteDatabase) -> CourierWaybillService? = { _ in nil }
    ) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try SQLiteDatabase(path: directory.appendingPathComponent("test.sqlite").path)
        let schema = try Migrator.migrate(database)
        companyA = try Self.company(database, name: "测试店", domain: "a.example", orders: ["A1", "A2"])
        companyB = try Self.company(database, name: "别家店", domain: "b.example", orders: ["B1"])
        var settings = ZhangguiAPI.Settings(
            isBehindTLS: isBehindTLS,
            trustsForwardedFor: trustsForwardedFor,
            checkAddress: { _, _, _ in .valid(divisionCode: "310101") },
            shopSync: shopSync(database)
        )
        settings.courierWaybills = courierWaybills(database)
        let api = ZhangguiAPI(database: serving(database), schemaVersion: schema, settings: settings)
        self.api = api
        routes = api.router.routes
        test = try TestServer { router in router = api.siteRouter }
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    var server: HTTPServer { test.server }

    private static func company(_ database: SQLiteDatabase, name: String, domain: String, orders: [String]) throws
        -> Company
    {
        let accounts = AccountService(database: database)
        let now = Int64(Date().timeIntervalSince1970)
        let adminEmail = "admin@\(domain)"
        let registered = try accounts.registerCompany(
            Registration(companyName: name, adminEmail: adminEmail, adminPassword: password),
            now: now
        )
        let signedIn = try accounts.signIn(SignInAttempt(email: adminEmail, password: password, address: ""), now: now)
        let admin = try accounts.validateSession(signedIn.sessionToken, now: now)
        var emails: [BuiltInRole: String] = [.admin: adminEmail]
        var userIDs: [BuiltInRole: Int64] = [.admin: registered.adminUserID]
        for role in BuiltInRole.allCases where role != .admin {
            let email = "\(role.rawValue.lowercased())@\(domain)"
            let new = NewUser(
                email: email,
                displayName: role.rawValue,
                password: password,
                roleIDs: [registered.roleIDs[role] ?? 0],
                scope: .everything
            )
            userIDs[role] = try accounts.createUser(new, by: admin, now: now)
            emails[role] = email
        }
        let productIDs = try stock(database, companyID: registered.companyID, [("MUG", 12), ("CUP", 3)])
        let tradeIDs = try ingest(database, companyID: registered.companyID, orders: orders)
        return Company(
            id: registered.companyID,
            emails: emails,
            tradeIDs: tradeIDs,
            productIDs: productIDs,
            userIDs: userIDs
        )
    }

    private static func stock(_ database: SQLiteDatabase, companyID: Int64, _ quantities: [(String, Int64)]) throws
        -> [Int64]
    {
        try database.write { connection in
            var report = ImportReport(kind: "products", file: "test")
            let drafts = quantities.enumerated().map { index, item in
                ProductDraft(row: index + 2, sku: SKU(code: item.0, name: item.0, listPrice: Money(fen: 1000)))
            }
            try CatalogService().add(drafts, into: &report, companyID: companyID, connection: connection)
            let context = try CompanyContext.load(companyID, from: connection)
            let lines = quantities.enumerated().map { index, item in
                OpeningStockLine(
                    row: index + 2,
                    warehouseCode: "MAIN",
                    skuCode: item.0,
                    quantity: item.1,
                    unitCost: Money(fen: 500)
                )
            }
            try OpeningStockService().receive(lines, into: &report, context: context, connection: connection)
            return try quantities.map { try CatalogRecords(connection).id(ofCode: $0.0, companyID: companyID) ?? 0 }
        }
    }

    static func ingest(_ database: SQLiteDatabase, companyID: Int64, orders: [String]) throws -> [Int64] {
        let trades = orders.map { id in
            Trade(
                platformOrderID: id,
                shopCode: "SHOP",
                orderedAt: 1_700_000_000,
                paidAt: 1_700_000_060,
                receiver: Receiver(
                    name: "张示例",
                    phone: "13800138000",
                    province: "上海",
                    city: "上海市",
                    district: "黄浦区",
                    address: "示例路1号"
                ),
                lines: [TradeLine(merchantCode: "MUG", quantity: 2, unitPrice: Money(fen: 1290))],
                discount: Money(fen: 0),
                freight: Money(fen: 0),
                buyerNote: ""
            )
        }
        return try database.write { connection in
            let context = try CompanyContext.load(companyID, from: connection)
            _ = try OrderIntake().ingest(trades, source: "test", context: context, connection: connection)
            return try connection.query("SELECT id FROM trades WHERE company_id = ? ORDER BY id", companyID)
                .map { $0.int(0) }
        }
    }
}
