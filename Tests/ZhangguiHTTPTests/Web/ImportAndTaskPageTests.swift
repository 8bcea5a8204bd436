import Foundation
import Testing
import ZhangguiAdapters
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiServices
import ZhangguiStore

@Suite("imports with a preview that writes nothing, and long work as background tasks with their progress")
struct ImportAndTaskPageTests {
    /// Two good products and one whose 吊牌价 is not an amount (row 4).
    static let products = Array(
        """
        商家编码,商品名称,吊牌价
        NEW1,新杯子,19.90
        NEW2,新盘子,29.00
        NEW3,坏价格,abc

        """.utf8
    )

    /// Rows of the tables an import could write, in company A.
    static func footprint(_ shop: APIShop) throws -> [Int64] {
        try shop.database.read { connection in
            try ["skus", "import_runs", "audit_log", "stock_ledger"].map { table in
                try connection.queryOne("SELECT COUNT(*) FROM \(table) WHERE company_id = ?", shop.companyA.id)?
                    .int(0) ?? -1
            }
        }
    }

    /// Loads the task page until the task has ended (at most 10 s) and returns the last answer.
    static func waitForTask(_ browser: Browser, _ path: String) async throws -> TestAnswer {
        for _ in 0..<100 {
            let page = try await browser.get(path)
            if !page.text.contains("http-equiv=\"refresh\"") { return page }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await browser.get(path)
    }

    @Test("the preview lists the bad row and the counts and writes nothing; confirming imports the good rows")
    func previewThenConfirm() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        try await browser.signIn("warehouse@a.example")
        let before = try Self.footprint(shop)
        let form = try await browser.get("/imports")
        let preview = try await browser.upload(
            "/imports/preview",
            [("kind", "products"), ("shop", "")],
            file: ("file", "products.csv", Self.products)
        )
        let afterPreview = try Self.footprint(shop)
        let token = try #require(Self.hidden("upload", in: preview.text))
        let confirm = [("upload", token), ("name", "products.csv"), ("kind", "products"), ("shop", "UCI")]
        let confirmed = try await browser.post("/imports/confirm", confirm)
        let location = try #require(confirmed.header("Location"))
        let task = try await Self.waitForTask(browser, location)
        let list = try await browser.get("/tasks")
        let skus = try shop.database.read {
            try $0.queryOne("SELECT COUNT(*) FROM skus WHERE company_id = ?", shop.companyA.id)?.int(0)
        }
        let again = try await browser.post("/imports/confirm", confirm)

        #expect(form.status == 200 && form.text.contains("enctype=\"multipart/form-data\""))
        #expect(preview.status == 200)
        // A preview writes nothing: its counts say what the import would do, its problems column is headed 问题.
        #expect(preview.text.contains("读取 3 行，将导入 2 条，已存在 0 条，将拒绝 1 行"))
        #expect(preview.text.contains("<th>问题</th>") && !preview.text.contains("出了点问题"))
        #expect(preview.text.contains("<td>products.csv</td><td class=\"number\">4</td><td>吊牌价</td>"))
        #expect(afterPreview == before)
        #expect(confirmed.status == 303 && location.hasPrefix("/tasks/"))
        #expect(task.status == 200 && task.text.contains("已完成"))
        #expect(task.text.contains("读取 3 行，导入 2 条，已存在 0 条，拒绝 1 行"))
        #expect(list.text.contains("href=\"\(location)\""))
        #expect(skus == 4)
        #expect(again.status == 404)
    }

    @Test("bad uploads answer 4xx naming the field, and nothing is written")
    func badUploads() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        try await browser.signIn("warehouse@a.example")
        let before = try Self.footprint(shop)
        let noFile = try await browser.upload("/imports/preview", [("kind", "products")], file: ("file", "", []))
        let badKind = try await browser.upload(
            "/imports/preview",
            [("kind", "people")],
            file: ("file", "p.csv", Self.products)
        )
        let badName = try await browser.upload(
            "/imports/preview",
            [("kind", "products")],
            file: ("file", "p.txt", Self.products)
        )
        let forged = try await browser.upload(
            "/imports/preview",
            [("kind", "products")],
            file: ("file", "p.csv", Self.products),
            csrf: "forged"
        )
        let unknownUpload = try await browser.post(
            "/imports/confirm",
            [("upload", String(repeating: "a", count: 32)), ("name", "p.csv"), ("kind", "products")]
        )
        let after = try Self.footprint(shop)
        let clerk = Browser(shop)
        try await clerk.signIn("customerservice@a.example")
        let refused = try await clerk.get("/imports")
        let dashboard = try await clerk.get("/")

        #expect(noFile.status == 400 && noFile.text.contains("文件"))
        #expect(badKind.status == 400 && badKind.text.contains("导入类型"))
        #expect(badName.status == 400 && badName.text.contains(".xlsx"))
        #expect(forged.status == 403)
        #expect(unknownUpload.status == 404)
        #expect(after == before)
        #expect(refused.status == 403 && !dashboard.text.contains("href=\"/imports\""))
    }

    @Test("another user's upload cannot be confirmed, nor another user's task read")
    func ownUploadsAndTasks() async throws {
        let shop = try APIShop()
        let warehouse = Browser(shop)
        try await warehouse.signIn("warehouse@a.example")
        let admin = Browser(shop)
        try await admin.signIn("admin@a.example")
        let preview = try await warehouse.upload(
            "/imports/preview",
            [("kind", "products")],
            file: ("file", "products.csv", Self.products)
        )
        let token = try #require(Self.hidden("upload", in: preview.text))
        let confirm = [("upload", token), ("name", "products.csv"), ("kind", "products"), ("shop", "UCI")]
        let byAdmin = try await admin.post("/imports/confirm", confirm)
        let asStock = try await warehouse.post(
            "/imports/confirm",
            [("upload", token), ("name", "products.csv"), ("kind", "stock"), ("shop", "UCI")]
        )
        let confirmed = try await warehouse.post("/imports/confirm", confirm)
        let location = try #require(confirmed.header("Location"))
        let othersTask = try await admin.get(location)
        let noTask = try await warehouse.get("/tasks/999999")

        #expect(byAdmin.status == 404 && asStock.status == 404)
        #expect(confirmed.status == 303)
        #expect(othersTask.status == 404 && noTask.status == 404)
    }

    @Test("a queued task's page reloads itself and shows 0 of 1; an interrupted one says nothing was written")
    func progressPage() async throws {
        let shop = try APIShop()
        let userID = try #require(shop.companyA.userIDs[.warehouse])
        let (queued, interrupted) = try shop.database.write { connection in
            let records = BackgroundTaskRecords(connection)
            let queued = try records.insert(
                companyID: shop.companyA.id,
                kind: "import.orders",
                total: 1,
                startedBy: userID,
                at: 0
            )
            let interrupted = try records.insert(
                companyID: shop.companyA.id,
                kind: "labels.print",
                total: 5,
                startedBy: userID,
                at: 0
            )
            try records.move(interrupted, to: .interrupted, message: "the server stopped", at: 0)
            return (queued, interrupted)
        }
        let browser = Browser(shop)
        try await browser.signIn("warehouse@a.example")
        let waiting = try await browser.get("/tasks/\(queued)")
        let stopped = try await browser.get("/tasks/\(interrupted)")
        let noResult = try await browser.get("/tasks/\(interrupted)/result")

        #expect(waiting.text.contains("<meta http-equiv=\"refresh\" content=\"2\">"))
        #expect(waiting.text.contains("排队中") && waiting.text.contains("0 / 1"))
        #expect(waiting.text.contains("<progress max=\"1\" value=\"0\">"))
        #expect(!stopped.text.contains("http-equiv") && stopped.text.contains("已中断"))
        #expect(stopped.text.contains("没有写入任何数据") && stopped.text.contains("<code>the server stopped</code>"))
        #expect(noResult.status == 404)
    }

    @Test("a batch of labels printed in the background ends with its PDF to download")
    func labelsInBackground() async throws {
        let shop = try APIShop()
        let sender = Sender(
            name: "示例仓",
            phone: "021-55550000",
            province: "上海",
            city: "上海市",
            district: "闵行区",
            address: "示例工业路8号"
        )
        try LabelService(database: shop.database, renderer: PDFLabelRenderer())
            .setSender(sender, warehouseCode: "MAIN", companyID: shop.companyA.id)
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        _ = try await WarehousePageTests.waybilledParcel(shop, browser)
        let started = try await browser.post("/labels/print", [("background", "1")])
        let location = try #require(started.header("Location"))
        let task = try await Self.waitForTask(browser, location)
        let result = try await browser.get(location + "/result")

        #expect(started.status == 303)
        #expect(task.text.contains("已完成") && task.text.contains("批次 1：1 张面单"))
        #expect(task.text.contains("<progress max=\"1\" value=\"1\">"))
        #expect(result.status == 200 && result.header("Content-Type") == "application/pdf")
        #expect(result.text.hasPrefix("%PDF-"))
    }

    /// The value of the hidden field `name` in `page`.
    static func hidden(_ name: String, in page: String) -> String? {
        guard let range = page.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }
}
