import Foundation
import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiSimulator

/// The real responses in ../shared/data/api_examples (no stated licence: read in place, never copied into the
/// repository). Orders seeded from them come back from the simulator with every field the example has, each of
/// the same JSON kind, and the seeded values unchanged.
@Suite(.enabled(if: ExampleFiles.directory != nil, "../shared/data/api_examples is absent: example shapes not checked"))
struct ExampleShapeTests {
    @Test("PDD order detail: every field of the official example, same kinds, same values")
    func pddDetail() throws {
        let example = try ExampleFiles.load("pdd_order_information_get_response.json")
        let info = try #require(example["order_info_get_response"]?["order_info"])
        let fixture = SimulatorFixture()
        let (shop, grant) = try fixture.shop(.pinduoduo)
        try ExampleSeed.pddOrder(info, into: fixture.world, shopID: shop.shopID)
        let answer = fixture.call(
            .pinduoduo,
            "pdd.order.information.get",
            ["order_sn": info["order_sn"]!],
            shop: shop,
            token: grant.accessToken
        )
        let ours = try #require(answer["order_info_get_response", "order_info"])
        #expect(ShapeCheck.differences(example: info, ours: ours, at: "order_info") == [])
        for key in [
            "order_sn", "created_time", "confirm_time", "goods_amount", "pay_amount", "province", "city", "town",
        ] {
            #expect(ours[key] == info[key], "\(key)")
        }
        let item = ours["item_list"]?.array?.first
        for key in ["goods_id", "sku_id", "goods_name", "goods_count", "goods_price"] {
            #expect(item?[key] == info["item_list"]?.array?.first?[key], "item_list.\(key)")
        }
    }

    @Test("PDD incremental list: every field of the official example's order, same kinds")
    func pddIncrement() throws {
        let example = try ExampleFiles.load("pdd_order_number_list_increment_get_response.json")
        let order = try #require(example["order_sn_increment_get_response"]?["order_sn_list"]?.array?.first)
        let fixture = SimulatorFixture()
        let (shop, grant) = try fixture.shop(.pinduoduo)
        let seeded = try ExampleSeed.pddOrder(order, into: fixture.world, shopID: shop.shopID)
        fixture.world.setClock(millis: seeded.createdMillis + 60_000)
        try fixture.world.change(shopID: shop.shopID, orderID: seeded.orderID, .ship)
        let now = fixture.world.nowMillis
        let answer = fixture.call(
            .pinduoduo,
            "pdd.order.number.list.increment.get",
            ["start_updated_at": .n(now / 1000 - 1800), "end_updated_at": .n(now / 1000)],
            shop: shop,
            token: grant.accessToken
        )
        let ours = try #require(answer["order_sn_increment_get_response", "order_sn_list"]?.array?.first)
        #expect(ShapeCheck.differences(example: order, ours: ours, at: "order") == [])
        #expect(ours["order_status"] == order["order_status"])
        #expect(ours["pay_amount"] == order["pay_amount"])
        #expect(
            answer["order_sn_increment_get_response", "total_count"]
                == example["order_sn_increment_get_response"]?["total_count"]
        )
    }

    @Test("TOP trade.fullinfo.get: every field of the example trade and its orders, same kinds, same values")
    func topFullInfo() throws {
        let example = try ExampleFiles.load("taobao_trade_fullinfo_get_response.json")
        let trade = try #require(example["trade_fullinfo_get_response"]?["trade"])
        let fixture = SimulatorFixture()
        let (shop, grant) = try fixture.shop(.taobao)
        let seeded = try ExampleSeed.topTrade(trade, into: fixture.world, shopID: shop.shopID)
        let fields = trade.object!.keys.sorted().joined(separator: ",")
        let answer = fixture.call(
            .taobao,
            "taobao.trade.fullinfo.get",
            ["tid": .s(seeded.orderID), "fields": .s(fields)],
            shop: shop,
            token: grant.accessToken
        )
        let ours = try #require(answer["trade_fullinfo_get_response", "trade"])
        #expect(ShapeCheck.differences(example: trade, ours: ours, at: "trade") == [])
        for key in ["tid", "status", "created", "pay_time", "receiver_state", "receiver_city", "receiver_district"] {
            #expect(ours[key] == trade[key], "\(key)")
        }
        #expect(ours["receiver_name"] != trade["receiver_name"], "the receiver is masked")
        let exampleLines = trade["orders"]?["order"]?.array ?? []
        let ourLines = ours["orders"]?["order"]?.array ?? []
        #expect(ourLines.count == exampleLines.count)
        for (ourLine, exampleLine) in zip(ourLines, exampleLines) {
            for key in ["oid", "num_iid", "sku_id", "outer_sku_id", "title", "num", "price"] {
                #expect(ourLine[key] == exampleLine[key], "orders.order.\(key)")
            }
        }
    }
}

/// Where the examples are: `$ZHANGGUI_API_EXAMPLES`, or `../shared/data/api_examples` beside the repository.
enum ExampleFiles {
    static let directory: String? = {
        if let path = ProcessInfo.processInfo.environment["ZHANGGUI_API_EXAMPLES"] { return path }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let path = repository.deletingLastPathComponent().appendingPathComponent("shared/data/api_examples").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    static func load(_ name: String) throws -> JSONValue {
        let data = try Data(contentsOf: URL(fileURLWithPath: directory! + "/" + name))
        return try JSONValue.parse(bytes: Array(data))
    }
}

/// Compares an example's shape with ours: every member of the example is present, of the same JSON kind, at
/// every depth (array elements compared with the first of ours when both have some).
enum ShapeCheck {
    static func differences(example: JSONValue, ours: JSONValue, at path: String) -> [String] {
        guard kind(example) == kind(ours) else {
            return ["\(path): \(kind(example)) in the example, \(kind(ours)) here"]
        }
        switch example {
        case .object(let members):
            return members.keys.sorted().flatMap { key -> [String] in
                guard let mine = ours[key] else { return ["\(path).\(key): missing"] }
                return differences(example: members[key]!, ours: mine, at: "\(path).\(key)")
            }
        case .array(let items):
            guard let first = items.first, let mine = ours.array?.first else { return [] }
            return differences(example: first, ours: mine, at: "\(path)[0]")
        default: return []
        }
    }

    private static func kind(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// Orders made from the examples, in tests only.
enum ExampleSeed {
    @discardableResult
    static func pddOrder(_ info: JSONValue, into world: SimWorld, shopID: String) throws -> SimOrder {
        let lines = (info["item_list"]?.array ?? []).map { item in
            SimOrderLine(
                itemID: item["goods_id"]?.text ?? "",
                skuID: item["sku_id"]?.text ?? "",
                outerID: item["outer_id"]?.text ?? "",
                title: item["goods_name"]?.text ?? "",
                quantity: item["goods_count"]?.int64 ?? 1,
                unitPriceFen: fen(item["goods_price"])
            )
        }
        let created = try PlatformTimestamp.millis(gmt8Text: info["created_time"]?.text ?? "")
        let receiver = SimReceiver(
            name: info["receiver_name"]?.text ?? "",
            phone: info["receiver_phone"]?.text ?? "",
            province: info["province"]?.text ?? "",
            city: info["city"]?.text ?? "",
            district: info["town"]?.text ?? "",
            detail: info["address"]?.text ?? ""
        )
        let draft = SimOrderDraft(
            orderID: info["order_sn"]?.text,
            lines: lines,
            freightFen: fen(info["postage"]),
            discountFen: fen(info["discount_amount"]),
            receiver: receiver,
            createdMillis: created
        )
        return try world.createOrder(shopID: shopID, draft)
    }

    @discardableResult
    static func topTrade(_ trade: JSONValue, into world: SimWorld, shopID: String) throws -> SimOrder {
        let lines = (trade["orders"]?["order"]?.array ?? []).map { order in
            SimOrderLine(
                lineID: order["oid"]?.text ?? "",
                itemID: order["num_iid"]?.text ?? "",
                skuID: order["sku_id"]?.text ?? "",
                outerID: order["outer_sku_id"]?.text ?? "",
                title: order["title"]?.text ?? "",
                quantity: order["num"]?.int64 ?? 1,
                unitPriceFen: fen(order["price"])
            )
        }
        let receiver = SimReceiver(
            name: trade["receiver_name"]?.text ?? "",
            phone: trade["receiver_mobile"]?.text ?? "",
            province: trade["receiver_state"]?.text ?? "",
            city: trade["receiver_city"]?.text ?? "",
            district: trade["receiver_district"]?.text ?? "",
            detail: trade["receiver_address"]?.text ?? ""
        )
        let draft = SimOrderDraft(
            orderID: trade["tid"]?.text,
            lines: lines,
            freightFen: fen(trade["post_fee"]),
            receiver: receiver,
            createdMillis: try PlatformTimestamp.millis(gmt8Text: trade["created"]?.text ?? "")
        )
        return try world.createOrder(shopID: shopID, draft)
    }

    /// Fen from a yuan number or string.
    private static func fen(_ value: JSONValue?) -> Int64 {
        guard let text = value?.text, let decimal = Decimal(string: text) else { return 0 }
        return NSDecimalNumber(decimal: decimal * 100).int64Value
    }
}
