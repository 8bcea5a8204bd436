import Foundation
import Testing
import ZhangguiAdapters
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiServices
import ZhangguiStore

@Suite("the warehouse's pages: stock and its ledger, labels, the packing bench")
struct WarehousePageTests {
    @Test("the stock page shows on hand, reserved, frozen and available, and the ledger behind MUG names its order")
    func stockAndLedger() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        let order = shop.companyA.tradeIDs[0]
        _ = try await browser.post("/orders/actions", [("action", "approve"), ("id", String(order))])
        _ = try await browser.post("/orders/actions", [("action", "allocate"), ("id", String(order))])
        let stock = try await browser.get("/stock")
        let cups = try await browser.get("/stock?sku=CU")
        let low = try await browser.get("/stock?low=1")
        let ledger = try await browser.get("/stock/ledger?sku=MUG&warehouse=MAIN")

        // A1 holds 2 MUG: of the 12 received, 2 are reserved and 10 available; CUP is untouched (3).
        let mug =
            #"<td class="number">12</td><td class="number">2</td><td class="number">0</td><td class="number">10</td>"#
        let cup =
            #"<td class="number">3</td><td class="number">0</td><td class="number">0</td><td class="number">3</td>"#
        #expect(stock.status == 200 && stock.text.contains(mug) && stock.text.contains(cup))
        #expect(stock.text.contains("href=\"/stock/ledger?sku=MUG&amp;warehouse=MAIN\""))
        #expect(cups.text.contains(cup) && !cups.text.contains(mug))
        #expect(low.text.contains("没有符合条件的库存"))
        #expect(ledger.status == 200)
        // The reasons are named in the page's language: 期初 (opening) and 占用 (reservation), not their codes.
        #expect(ledger.text.contains("<td>期初</td>") && ledger.text.contains("<td>占用</td>"))
        #expect(ledger.text.contains("opening:MAIN/MUG") && ledger.text.contains("<a href=\"/orders/\(order)\">"))
        // Company B's opening stock of its own MUG is not in A's ledger: one opening entry, one reservation.
        #expect(ledger.text.components(separatedBy: "opening:MAIN/MUG").count - 1 == 1)
        #expect(ledger.text.components(separatedBy: "<td class=\"number\">+2</td>").count - 1 == 1)
    }

    @Test("a clerk scoped to warehouse SOUTH sees none of MAIN's stock and cannot open its ledger")
    func scopedByWarehouse() async throws {
        let shop = try APIShop()
        let south = try CompanySetup(database: shop.database).addWarehouse(
            Warehouse(code: "SOUTH", name: "南仓", priority: 2),
            companyID: shop.companyA.id
        )
        let now = Int64(Date().timeIntervalSince1970)
        let accounts = AccountService(database: shop.database)
        let signedIn = try accounts.signIn(
            SignInAttempt(email: "admin@a.example", password: APIShop.password, address: ""),
            now: now
        )
        let admin = try accounts.validateSession(signedIn.sessionToken, now: now)
        let roleID = try shop.database.read {
            try $0.queryOne("SELECT role_id FROM user_roles WHERE user_id = ?", shop.companyA.userIDs[.warehouse] ?? 0)?
                .int(0)
        }
        _ = try accounts.createUser(
            NewUser(
                email: "south@a.example",
                displayName: "south",
                password: APIShop.password,
                roleIDs: [try #require(roleID)],
                scope: DataScope(shops: .all, warehouses: .only([south]))
            ),
            by: admin,
            now: now
        )
        let browser = Browser(shop)
        try await browser.signIn("south@a.example")
        let stock = try await browser.get("/stock")
        let ledger = try await browser.get("/stock/ledger?sku=MUG")

        #expect(stock.status == 200 && stock.text.contains("没有符合条件的库存"))
        #expect(ledger.status == 404)
    }

    @Test("the stock page reads 50 places at a time; the next link continues after the last one")
    func stockPaging() async throws {
        let shop = try APIShop()
        try shop.database.write { connection in
            for number in 1...55 {
                let code = String(format: "Z%02d", number)
                try connection.execute(
                    "INSERT INTO skus (company_id, code, name, list_price_fen, created_at) VALUES (?, ?, ?, 100, 0)",
                    shop.companyA.id,
                    code,
                    code
                )
                try connection.execute(
                    """
                    INSERT INTO stock_balances (company_id, warehouse_id, sku_id, on_hand)
                    SELECT ?, w.id, s.id, 1 FROM warehouses w, skus s
                    WHERE w.company_id = ? AND w.code = 'MAIN' AND s.company_id = ? AND s.code = ?
                    """,
                    shop.companyA.id,
                    shop.companyA.id,
                    shop.companyA.id,
                    code
                )
            }
        }
        let browser = Browser(shop)
        try await browser.signIn("warehouse@a.example")
        let first = try await browser.get("/stock")
        let next = try #require(Self.link(before: ">下一页</a>", in: first.text))
        let second = try await browser.get(next.replacingOccurrences(of: "&amp;", with: "&"))

        // CUP, MUG, Z01…Z55 by code: the first page ends at Z48, the second holds Z49…Z55.
        #expect(first.text.components(separatedBy: "<tr><td><a href").count - 1 == 50)
        #expect(first.text.contains(">Z48</a>") && !first.text.contains(">Z49</a>"))
        #expect(second.text.components(separatedBy: "<tr><td><a href").count - 1 == 7)
        #expect(second.text.contains(">Z49</a>") && second.text.contains(">Z55</a>"))
    }

    static func link(before marker: String, in page: String) -> String? {
        guard let end = page.range(of: marker) else { return nil }
        let head = page[..<end.lowerBound]
        guard let start = head.range(of: "href=\"", options: .backwards) else { return nil }
        return String(head[start.upperBound...])
    }

    @Test("bad stock filters answer 400 naming the filter, an unknown SKU's ledger 404")
    func badStockInput() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        try await browser.signIn("warehouse@a.example")
        let badLow = try await browser.get("/stock?low=2")
        let longSku = try await browser.get("/stock?sku=" + String(repeating: "X", count: 65))
        let noSku = try await browser.get("/stock/ledger")
        let badBefore = try await browser.get("/stock/ledger?sku=MUG&before=-1")
        let unknown = try await browser.get("/stock/ledger?sku=NOPE")
        let scriptSku = try await browser.get("/stock?sku=%3Cscript%3E")
        let nulSku = try await browser.get("/stock?sku=%00")
        let controlSku = try await browser.get("/stock?sku=MUG%01")

        #expect(badLow.status == 400 && badLow.text.contains("只看无可用"))
        #expect(longSku.status == 400 && longSku.text.contains("商家编码"))
        #expect(noSku.status == 400 && badBefore.status == 400)
        #expect(unknown.status == 404)
        #expect(nulSku.status == 400 && nulSku.text.contains("商家编码"))
        #expect(controlSku.status == 400 && controlSku.text.contains("商家编码"))
        #expect(scriptSku.status == 200 && scriptSku.text.contains("value=\"&lt;script&gt;\""))
        #expect(!scriptSku.text.contains("<script>"))
    }

    @Test("the bench opens a parcel by its waybill, says what each scan was, names what is missing, packs and ships")
    func packing() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        let waybill = try await Self.waybilledParcel(shop, browser)
        let opened = try await browser.get("/packing?waybill=\(waybill)")
        let extra = try await browser.post("/packing/scan", [("waybill", waybill), ("barcode", "CUP")])
        let unknown = try await browser.post("/packing/scan", [("waybill", waybill), ("barcode", "<b>X")])
        let early = try await browser.post("/packing/finish", [("waybill", waybill), ("weight", "640")])
        let first = try await browser.post("/packing/scan", [("waybill", waybill), ("barcode", "MUG")])
        let second = try await browser.post("/packing/scan", [("waybill", waybill), ("barcode", "MUG")])
        let third = try await browser.post("/packing/scan", [("waybill", waybill), ("barcode", "MUG")])
        let badWeight = try await browser.post("/packing/finish", [("waybill", waybill), ("weight", "abc")])
        let packed = try await browser.post("/packing/finish", [("waybill", waybill), ("weight", "640")])
        let shipped = try await browser.post(
            "/orders/actions",
            [("action", "ship"), ("id", String(shop.companyA.tradeIDs[0]))]
        )
        let again = try await browser.get("/packing?waybill=\(waybill)")
        let nowhere = try await browser.get("/packing?waybill=NOPE")

        #expect(opened.status == 200)
        #expect(opened.text.contains("<td>MUG</td><td class=\"number\">2</td>"))
        #expect(opened.text.contains("name=\"barcode\" id=\"scan\" autocomplete=\"off\" autofocus"))
        #expect(extra.text.contains("scan-bad") && extra.text.contains("CUP 不属于这个包裹"))
        #expect(unknown.text.contains("未知条码 &lt;b&gt;X") && !unknown.text.contains("<b>X"))
        #expect(early.status == 409 && early.text.contains("还缺：MUG ×2"))
        #expect(first.text.contains("scan-good") && first.text.contains("<td class=\"number\">1</td>"))
        #expect(second.text.contains("包裹已齐") && second.text.contains("autocomplete=\"off\" autofocus></label>"))
        #expect(third.text.contains("scan-warning"))
        #expect(badWeight.status == 400 && badWeight.text.contains("重量（克）"))
        #expect(packed.status == 200 && packed.text.contains("已打包（640 克）"))
        // The ship button after packing carries this parcel's order, as if ticked on the desk.
        #expect(packed.text.contains("<input type=\"hidden\" name=\"id\" value=\"\(shop.companyA.tradeIDs[0])\">"))
        #expect(shipped.text.contains("已发货 1 个订单"))
        #expect(again.status == 409 && nowhere.status == 404)
    }

    @Test("the bench reads BARCODExN as zhanggui pack does: MUGx2 completes a parcel of two MUG, MUGx0 is refused")
    func packingCountedScan() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        let waybill = try await Self.waybilledParcel(shop, browser)
        let zero = try await browser.post("/packing/scan", [("waybill", waybill), ("barcode", "MUGx0")])
        let both = try await browser.post("/packing/scan", [("waybill", waybill), ("barcode", "MUGx2")])

        #expect(zero.status == 400 && zero.text.contains("条码"))
        #expect(both.text.contains("包裹已齐") && both.text.contains("<td class=\"number\">2</td>"))
    }

    @Test("a scan posted without the form token is refused and nothing is scanned")
    func packingNeedsTheFormToken() async throws {
        let shop = try APIShop()
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        let waybill = try await Self.waybilledParcel(shop, browser)
        let forged = try await browser.post(
            "/packing/scan",
            [("waybill", waybill), ("barcode", "MUG")],
            csrf: "forged"
        )
        let scans = try shop.database.read { try $0.queryOne("SELECT COUNT(*) FROM packing_scans")?.int(0) }

        #expect(forged.status == 403)
        #expect(scans == 0)
    }

    @Test("labels print as a PDF batch, batch 1 reprints (audited), and a customer service user sees none of it")
    func labels() async throws {
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
        try await browser.signIn("warehouse@a.example")
        let admin = Browser(shop)
        try await admin.signIn("admin@a.example")
        _ = try await Self.waybilledParcel(shop, admin)
        let waiting = try await browser.get("/labels")
        let printed = try await browser.post("/labels/print", [])
        let after = try await browser.get("/labels")
        let reprint = try await browser.post("/labels/reprint", [("batch", "1")])
        let badBatch = try await browser.post("/labels/reprint", [("batch", "abc")])
        let unknownBatch = try await browser.post("/labels/reprint", [("batch", "9")])
        let pick = try await browser.get("/labels/picklist?batch=1")
        let reprints = try shop.database.read {
            try $0.queryOne("SELECT COUNT(*) FROM audit_log WHERE action = 'label.reprint'")?.int(0)
        }
        let clerk = Browser(shop)
        try await clerk.signIn("customerservice@a.example")
        let refused = try await clerk.get("/labels")
        let dashboard = try await clerk.get("/")

        #expect(waiting.text.contains("1 个包裹等待打印面单"))
        #expect(printed.status == 200 && printed.header("Content-Type") == "application/pdf")
        #expect(printed.text.hasPrefix("%PDF-"))
        #expect(after.text.contains("没有等待打印面单的包裹") && after.text.contains("<tr><td>1</td>"))
        #expect(reprint.status == 200 && reprint.text.hasPrefix("%PDF-"))
        #expect(reprints == 1)
        #expect(badBatch.status == 400 && badBatch.text.contains("批次"))
        #expect(unknownBatch.status == 404)
        #expect(pick.status == 200 && pick.header("Content-Type") == "application/pdf")
        #expect(refused.status == 403)
        #expect(!dashboard.text.contains("href=\"/labels\"") && !dashboard.text.contains("href=\"/packing\""))
        #expect(dashboard.text.contains("href=\"/stock\""))
    }

    @Test("a warehouse without a sender is named on the labels page and the order desk, with the command that sets it")
    func labelsWithoutSender() async throws {
        let shop = try APIShop()
        let admin = Browser(shop)
        try await admin.signIn("admin@a.example")
        _ = try await Self.waybilledParcel(shop, admin)
        let order = String(shop.companyA.tradeIDs[0])

        let page = try await admin.post("/labels/print", [])
        let desk = try await admin.post("/orders/actions", [("action", "labels"), ("id", order)])

        for answer in [page, desk] {
            #expect(answer.status == 409)
            #expect(answer.text.contains("仓库 MAIN 还没有寄件人地址"))
            #expect(answer.text.contains("zhanggui warehouse sender MAIN --name"))
            #expect(!answer.text.contains("noSender") && !answer.text.contains("labels --help"))
        }
    }

    @Test("the desk's waybill step lists the parcels left waiting with their reasons")
    func waybillWaitingReasons() async throws {
        let shop = try APIShop(courierWaybills: { database in
            CourierWaybillService(
                database: database,
                accounts: CourierAccounts(database: database, box: nil),
                makeClient: { _, _, _ in throw CourierError(code: .unreachable, courierCode: "", detail: "offline") }
            )
        })
        // An offline account that is no default, and no rule: no courier is chosen for the parcel.
        try CourierAccounts(database: shop.database, box: nil).save(
            code: "zg",
            service: .offline,
            carrierCode: "ZG",
            credentials: CourierCredentials(),
            isDefault: false,
            companyID: shop.companyA.id
        )
        let admin = Browser(shop)
        try await admin.signIn("admin@a.example")
        let order = String(shop.companyA.tradeIDs[0])
        _ = try await admin.post("/orders/actions", [("action", "approve"), ("id", order)])
        _ = try await admin.post("/orders/actions", [("action", "allocate"), ("id", order)])
        let shipment = try #require(
            try shop.database.read {
                try $0.queryOne("SELECT shipment_id FROM trades WHERE id = ?", shop.companyA.tradeIDs[0])?.int(0)
            }
        )

        let result = try await admin.post("/orders/actions", [("action", "waybill"), ("id", order)])

        #expect(result.status == 200)
        #expect(result.text.contains("包裹 \(shipment) 还没有运单号：no courier rule holds and there is no default account"))
        // A request whose courier was down: the order page shows the courier's words.
        try shop.database.write { connection in
            let requests = WaybillRequestRecords(connection)
            let request = WaybillRequestRecord(
                shipmentID: shipment,
                attempt: 0,
                accountCode: "zg",
                requestKey: "ZG1S\(shipment)A0",
                reason: "company default",
                state: .pending
            )
            try requests.insert(request, companyID: shop.companyA.id)
            _ = try requests.update(
                shipmentID: shipment,
                attempt: 0,
                from: .pending,
                to: .pending,
                error: "courier SF: HTTP 503"
            )
        }
        let page = try await admin.get("/orders/\(order)")
        #expect(page.text.contains("包裹 \(shipment) 还没有运单号：courier SF: HTTP 503"))
    }

    /// Approves, allocates and waybills A1 (2 MUG) as `browser`'s user and returns its waybill number.
    static func waybilledParcel(_ shop: APIShop, _ browser: Browser) async throws -> String {
        let order = shop.companyA.tradeIDs[0]
        _ = try await browser.post("/orders/actions", [("action", "approve"), ("id", String(order))])
        _ = try await browser.post("/orders/actions", [("action", "allocate"), ("id", String(order))])
        _ = try await browser.post("/orders/actions", [("action", "waybill"), ("id", String(order))])
        let waybill = try shop.database.read {
            try $0.queryOne("SELECT waybill_no FROM shipments WHERE company_id = ?", shop.companyA.id)?.string(0)
        }
        return try #require(waybill)
    }
}
