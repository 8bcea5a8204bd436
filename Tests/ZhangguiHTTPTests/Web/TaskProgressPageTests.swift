import Dispatch
import Foundation
import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

@testable import ZhangguiHTTP

@Suite("long work shows its progress on the pages and can be left and found again")
struct TaskProgressPageTests {
    /// A platform with no orders and no after-sales requests, whose listings allow one day at a time.
    struct QuietPlatform: ShopChannel, ShopChannelFactory {
        let platform = Platform.taobao
        let maximumWindowMillis: Int64 = 86_400_000

        func channel(for credentials: ShopCredentials) throws -> any ShopChannel { self }

        func orders(modifiedIn window: SyncWindow, cursor: String?) throws -> ChannelPage<PlatformOrder> {
            ChannelPage(items: [], nextCursor: nil)
        }

        func order(platformOrderID: String) throws -> PlatformOrder {
            throw ChannelError.rejected(code: "isv.trade-not-exist", message: "no such order")
        }

        func refunds(modifiedIn window: SyncWindow, cursor: String?) throws -> ChannelPage<PlatformRefund> {
            ChannelPage(items: [], nextCursor: nil)
        }

        func confirmShipment(_ shipment: PlatformShipment) throws {}

        func pushStock(_ update: PlatformStockUpdate) throws {}

        func refreshAuthorization(_ current: ShopAuthorization) throws -> ShopAuthorization { current }
    }

    @Test("a running task's phase and figures show on its page, in the list and on the dashboard while it works")
    func runningTask() async throws {
        let shop = try APIShop()
        let userID = try #require(shop.companyA.userIDs[.warehouse])
        let reached = DispatchSemaphore(value: 0)
        let proceed = DispatchSemaphore(value: 0)
        let id = try shop.api.tasks.start(
            kind: "import.orders",
            companyID: shop.companyA.id,
            startedBy: userID,
            total: 1
        ) { progress in
            progress.advance("writing", done: 3, total: 10)
            reached.signal()
            proceed.wait()
            return .init(message: "rowsRead=10 imported=10 duplicates=0 rowsFailed=0")
        }
        reached.wait()
        let browser = Browser(shop)
        try await browser.signIn("warehouse@a.example")
        let page = try await browser.get("/tasks/\(id)")
        let list = try await browser.get("/tasks")
        let dashboard = try await browser.get("/")
        proceed.signal()
        shop.api.tasks.waitUntilIdle()
        let ended = try await browser.get("/tasks/\(id)")
        let quiet = try await browser.get("/")

        for answer in [page, list] {
            #expect(answer.text.contains("<meta http-equiv=\"refresh\" content=\"2\">"))
            #expect(answer.text.contains("写入记录") && answer.text.contains("<progress max=\"10\" value=\"3\">"))
            #expect(answer.text.contains("3 / 10"))
        }
        #expect(dashboard.text.contains("进行中的任务") && dashboard.text.contains("href=\"/tasks/\(id)\""))
        #expect(dashboard.text.contains("<progress max=\"10\" value=\"3\">"))
        #expect(!ended.text.contains("http-equiv") && ended.text.contains("<progress max=\"1\" value=\"1\">"))
        #expect(!quiet.text.contains("进行中的任务"))
    }

    @Test("a backfill from the shops page runs as a task: two days, two windows, done with its counts")
    func backfill() async throws {
        let shop = try APIShop(shopSync: {
            SyncService(database: $0, channels: QuietPlatform(), box: ShopPageTests.box)
        })
        let shopID = try ShopPageTests.connect(shop)
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        let page = try await browser.get("/shops")
        let started = try await browser.post(
            "/shops/\(shopID)/backfill",
            [("from", "2026-12-01"), ("to", "2026-12-02")]
        )
        let location = try #require(started.header("Location"))
        let task = try await ImportAndTaskPageTests.waitForTask(browser, location)
        let runs = try shop.database.read {
            try SyncRunRecords($0).recent(shopID: shopID, companyID: shop.companyA.id, limit: 10)
        }

        #expect(page.text.contains("action=\"/shops/\(shopID)/backfill\"") && page.text.contains("type=\"date\""))
        #expect(started.status == 303 && location.hasPrefix("/tasks/"))
        #expect(task.text.contains("已完成") && task.text.contains("补拉订单"))
        #expect(task.text.contains("TM1：重新读取 2 个时间窗口；订单新增 0，更新 0。"))
        #expect(task.text.contains("<progress max=\"2\" value=\"2\">") && task.text.contains("2 / 2"))
        #expect(runs.filter { $0.kind == .backfill }.count == 2)  // the orders' run and the after-sales requests'
    }

    @Test("a backfill with a day that does not exist, or ending before it starts, is refused naming the field")
    func badDays() async throws {
        let shop = try APIShop(shopSync: {
            SyncService(database: $0, channels: QuietPlatform(), box: ShopPageTests.box)
        })
        let shopID = try ShopPageTests.connect(shop)
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        let badFrom = try await browser.post(
            "/shops/\(shopID)/backfill",
            [("from", "2026-02-30"), ("to", "2026-03-02")]
        )
        let backwards = try await browser.post(
            "/shops/\(shopID)/backfill",
            [("from", "2026-12-02"), ("to", "2026-12-01")]
        )
        let tasks = try shop.database.read {
            try BackgroundTaskRecords($0).latest(companyID: shop.companyA.id, startedBy: nil, limit: 10)
        }

        #expect(badFrom.status == 400 && badFrom.text.contains("起始日期"))
        #expect(backwards.status == 400 && backwards.text.contains("截止日期"))
        #expect(tasks.isEmpty)
    }
}
