import Foundation
import Testing
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiServices
import ZhangguiStore

@Suite("split, merge and the batch steps on ticked orders, from the pages")
struct OrderChangePageTests {
    static func state(_ shop: APIShop, _ id: Int64) throws -> String? {
        try shop.database.read { try APIQueries($0).stateOfTrade(id, companyID: shop.companyA.id) }
    }

    static func lines(_ shop: APIShop, _ id: Int64) throws -> [Int64] {
        try shop.database.read {
            try $0.query("SELECT quantity FROM trade_lines WHERE trade_id = ? ORDER BY line_no", id).map { $0.int(0) }
        }
    }

    @Test("one of A1's two mugs split off into a new part; bad quantities are said by line and field")
    func split() async throws {
        let shop = try APIShop()
        let id = shop.companyA.tradeIDs[0]
        let browser = Browser(shop)
        try await browser.signIn("customerservice@a.example")
        let page = try await browser.get("/orders/\(id)")
        let notNumber = try await browser.post("/orders/\(id)/split", [("move.1", "两")])
        let tooMany = try await browser.post("/orders/\(id)/split", [("move.1", "5")])
        let nothing = try await browser.post("/orders/\(id)/split", [("move.1", "")])
        let done = try await browser.post("/orders/\(id)/split", [("move.1", "1")])
        let part = try #require(
            try shop.database.read {
                try $0.queryOne("SELECT MAX(id) FROM trades WHERE company_id = ?", shop.companyA.id)?.int(0)
            }
        )

        #expect(page.text.contains("action=\"/orders/\(id)/split\"") && page.text.contains("name=\"move.1\""))
        #expect(notNumber.status == 400 && notNumber.text.contains("第 1 行的数量须为整数"))
        // The form shows line #1; the refusal names it so, not by a position counted from zero.
        #expect(tooMany.status == 400 && tooMany.text.contains("第 1 行") && !tooMany.text.contains("lines[0]"))
        #expect(nothing.status == 400 && nothing.text.contains("不能接受：lines"))
        #expect(done.status == 200 && done.text.contains("已拆分") && done.text.contains("href=\"/orders/\(part)\""))
        #expect(try Self.lines(shop, id) == [1] && Self.lines(shop, part) == [1])
    }

    @Test("two approved orders to one receiver merge; a different receiver is refused naming the field")
    func merge() async throws {
        let shop = try APIShop()
        try APIShop.addOrders(["A3"], to: shop)
        let ids = try shop.database.read {
            try $0.query("SELECT id FROM trades WHERE company_id = ? ORDER BY id", shop.companyA.id).map { $0.int(0) }
        }
        try shop.database.write {
            try $0.execute("UPDATE trades SET receiver_phone = '13911112222' WHERE id = ?", ids[2])
        }
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        _ = try await browser.post("/orders/actions", [("action", "approve")] + ids.map { ("id", String($0)) })
        let refused = try await browser.post("/orders/\(ids[0])/merge", [("orders", String(ids[2]))])
        let badList = try await browser.post("/orders/\(ids[0])/merge", [("orders", "2; DROP")])
        let otherCompany = try await browser.post(
            "/orders/\(ids[0])/merge",
            [("orders", "\(shop.companyB.tradeIDs[0])")]
        )
        let itself = try await browser.post("/orders/\(ids[0])/merge", [("orders", "\(ids[0])")])
        let merged = try await browser.post("/orders/\(ids[0])/merge", [("orders", "\(ids[1])")])
        let parcels = try shop.database.read {
            try $0.query("SELECT shipment_id FROM trades WHERE id IN (?, ?)", ids[0], ids[1]).map { $0.optionalInt(0) }
        }
        let unmerged = try await browser.post("/orders/\(ids[0])/unmerge", [])
        let alone = try await browser.post("/orders/\(ids[0])/unmerge", [])

        #expect(refused.status == 409 && refused.text.contains("不能合并为一个包裹：receiver.phone 不同"))
        #expect(badList.status == 400 && badList.text.contains("请填写订单 ID"))
        #expect(itself.status == 400 && itself.text.contains("订单不能与自己合并"))
        #expect(otherCompany.status == 404)
        #expect(merged.status == 200 && merged.text.contains("同一个包裹"))
        #expect(parcels.count == 2 && parcels[0] != nil && parcels[0] == parcels[1])
        #expect(unmerged.status == 200 && unmerged.text.contains("各自一个包裹"))
        #expect(alone.status == 409 && alone.text.contains("（已配货）"))
    }

    @Test("without orders.review there are no split or merge forms, and posting one is 403 with nothing changed")
    func refused() async throws {
        let shop = try APIShop()
        let id = shop.companyA.tradeIDs[0]
        let browser = Browser(shop)
        try await browser.signIn("warehouse@a.example")
        let page = try await browser.get("/orders/\(id)")
        let split = try await browser.post("/orders/\(id)/split", [("move.1", "1")])
        let forged = try Browser(shop)
        try await forged.signIn("admin@a.example")
        let noToken = try await forged.post("/orders/\(id)/split", [("move.1", "1")], csrf: .some(nil))

        #expect(page.status == 200 && !page.text.contains("/split\"") && !page.text.contains("/merge\""))
        #expect(split.status == 403 && noToken.status == 403)
        #expect(try Self.lines(shop, id) == [2])
    }

    @Test("allocate, waybill, labels and ship act on the ticked order only")
    func tickedOrders() async throws {
        let shop = try APIShop()
        let (first, second) = (shop.companyA.tradeIDs[0], shop.companyA.tradeIDs[1])
        try shop.database.write {
            try $0.execute("UPDATE trades SET receiver_name = '李示例' WHERE id = ?", second)
        }
        let browser = Browser(shop)
        try await browser.signIn("admin@a.example")
        _ = try await browser.post(
            "/orders/actions",
            [("action", "approve"), ("id", String(first)), ("id", String(second))]
        )
        let desk = try await browser.get("/orders")
        let tick = [("id", String(first))]
        let allocated = try await browser.post("/orders/actions", [("action", "allocate")] + tick)
        let noWaybill = try await browser.post("/orders/actions", [("action", "labels")] + tick)
        let waybilled = try await browser.post("/orders/actions", [("action", "waybill")] + tick)
        let labels = try await browser.post("/orders/actions", [("action", "labels")] + tick)
        let shipped = try await browser.post("/orders/actions", [("action", "ship")] + tick)
        let none = try await browser.post("/orders/actions", [("action", "ship")])

        #expect(desk.text.contains("value=\"labels\""))
        #expect(allocated.text.contains("已配货 1 个订单，1 个包裹"))
        #expect(noWaybill.status == 409 && noWaybill.text.contains("都还没有运单号"))
        #expect(waybilled.text.contains("已为 1 个包裹取得运单号"))
        #expect(
            (labels.status == 200 && labels.header("Content-Type") == "application/pdf")
                || (labels.status == 409 && labels.text.contains("仓库 MAIN 还没有寄件人地址"))
        )
        #expect(shipped.text.contains("已发货 1 个订单，1 个包裹"))
        #expect(none.status == 400 && none.text.contains("请先勾选订单"))
        #expect(try Self.state(shop, first) == "shipped" && Self.state(shop, second) == "approved")
    }
}
