import Testing
import ZhangguiChannels
import ZhangguiCore
import ZhangguiSimulator

/// Ciphertext opens only through the batch-decrypt APIs, while the order's state allows, within the quota.
@Suite struct DecryptionTests {
    @Test("PDD: the ciphertext of a to-ship order opens; after shipping it is refused; the quota counts orders")
    func pdd() throws {
        let fixture = SimulatorFixture()
        let (shop, grant) = try fixture.shop(.pinduoduo)
        let first = try fixture.order(in: shop)
        let second = try fixture.order(in: shop)
        fixture.world.setDecryptQuota(shopID: shop.shopID, orders: 1)
        func cipher(_ order: SimOrder) throws -> String {
            let answer = fixture.call(
                .pinduoduo,
                "pdd.order.information.get",
                ["order_sn": .s(order.orderID)],
                shop: shop,
                token: grant.accessToken
            )
            return try #require(answer["order_info_get_response", "order_info", "receiver_phone"]?.text)
        }
        func decrypt(_ order: SimOrder, _ text: String) -> JSONValue? {
            let list: JSONValue = .array([.object(["data_tag": .s(order.orderID), "encrypted_data": .s(text)])])
            let answer = fixture.call(
                .pinduoduo,
                "pdd.open.decrypt.batch",
                ["data_list": .s(list.serialized())],
                shop: shop,
                token: grant.accessToken
            )
            return answer["open_decrypt_batch_response", "data_decrypt_list"]?.array?.first
        }
        let firstCipher = try cipher(first)
        #expect(firstCipher.hasPrefix("~") && firstCipher.hasSuffix("~"))
        let opened = decrypt(first, firstCipher)
        #expect(opened?["decrypted_data"] == .s(first.receiver.phone))
        #expect(opened?["data_type"] == .n(6))
        #expect(decrypt(first, firstCipher)?["error_code"] == .n(0), "the same order counts once")
        #expect(decrypt(second, try cipher(second))?["error_code"] == .n(70_033), "quota of one order used up")
        #expect(decrypt(first, "~forged~")?["error_code"] == .n(50_001))
        try fixture.world.change(shopID: shop.shopID, orderID: first.orderID, .ship)
        try fixture.world.change(shopID: shop.shopID, orderID: first.orderID, .deliver)
        #expect(decrypt(first, firstCipher)?["error_code"] == .n(50_001), "not once delivered")
    }

    @Test("小红书: the receiver comes only from getOrderReceiverInfo, as #…# ciphertext that batchDecrypt opens")
    func xhs() throws {
        let fixture = SimulatorFixture()
        let (shop, grant) = try fixture.shop(.xiaohongshu)
        let order = try fixture.order(in: shop)
        let detail = fixture.call(
            .xiaohongshu,
            "order.getOrderDetail",
            ["orderId": .s(order.orderID)],
            shop: shop,
            token: grant.accessToken
        )
        let openAddressID = try #require(detail["data", "openAddressId"]?.text)
        let query: JSONValue = .array([.object(["orderId": .s(order.orderID), "openAddressId": .s(openAddressID)])])
        let receivers = fixture.call(
            .xiaohongshu,
            "order.getOrderReceiverInfo",
            ["receiverQueries": query, "isReturn": .bool(false)],
            shop: shop,
            token: grant.accessToken
        )
        let info = try #require(receivers["data", "receiverInfos"]?.array?.first)
        #expect(info["matched"] == .bool(true))
        let name = try #require(info["receiverName"]?.text)
        #expect(name.hasPrefix("#") && name.hasSuffix("#") && !name.contains(order.receiver.name))
        let opened = fixture.call(
            .xiaohongshu,
            "data.batchDecrypt",
            [
                "baseInfos": .array([.object(["dataTag": .s(order.orderID), "encryptedData": .s(name)])]),
                "actionType": .n(1), "appUserId": .s("clerk-1"),
            ],
            shop: shop,
            token: grant.accessToken
        )
        #expect(opened["data", "dataInfoList"]?.array?.first?["decryptedData"] == .s(order.receiver.name))
    }
}
