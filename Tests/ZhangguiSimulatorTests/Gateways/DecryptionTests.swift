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
}
