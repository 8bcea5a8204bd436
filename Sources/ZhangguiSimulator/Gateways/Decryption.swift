import ZhangguiChannels
import ZhangguiCore

/// The batch-decrypt APIs: each item is opened or refused on its own, as the platforms answer.
enum Decryption {
    /// A list parameter given as a JSON array, or as the text of one (form posts).
    static func items(_ parameters: GatewayParameters, _ name: String, maximum: Int) throws(GatewayError) -> [JSONValue]
    {
        var value = parameters.value(name)
        if case .string(let text)? = value { value = try? JSONValue.parse(text) }
        guard let items = value?.array, !items.isEmpty else { throw .missingParameter(name) }
        guard items.count <= maximum else { throw .invalidParameter(name, "at most \(maximum) items") }
        return items
    }

    /// PDD and 抖店 open ciphertexts while the order waits to ship or travels; 小红书 the same (unconfirmed).
    static func isOpenable(_ order: SimOrder, now: Int64) -> Bool {
        order.phase == .paid || order.phase == .shipped
    }

    /// PDD `data_type`: 5 name, 6 phone, 7 full address, 8 detail address.
    static func pddDataType(_ field: ReceiverField) -> Int64 {
        switch field {
        case .name: 5
        case .phone: 6
        case .address: 7
        case .detail: 8
        }
    }
}

extension PDDContext {
    /// `pdd.open.decrypt.batch(data_list[{data_tag: order_sn, encrypted_data}] ≤ 100)`.
    func decryptBatch() throws(GatewayError) -> JSONValue {
        let items = try Decryption.items(parameters, "data_list", maximum: 100)
        let results = items.map { item -> JSONValue in
            let tag = item["data_tag"]?.text ?? ""
            let cipher = item["encrypted_data"]?.text ?? ""
            var result: [String: JSONValue] = ["data_tag": .string(tag), "encrypted_data": .string(cipher)]
            switch world.decrypt(
                shopID: shopID,
                orderID: tag,
                ciphertext: cipher,
                marker: "~",
                isAllowed: Decryption.isOpenable
            ) {
            case .success(let (field, plain)):
                result["data_type"] = .int(Decryption.pddDataType(field))
                result["decrypted_data"] = .string(plain)
                result["error_code"] = .int(0)
            case .failure(let refusal):
                result["error_code"] = .int(refusal == .quotaExceeded ? 70_033 : 50_001)
                result["error_msg"] = .string(refusal == .notAllowed ? "订单状态不允许解密" : "解密失败")
            }
            return .object(result)
        }
        return .object(["data_decrypt_list": .array(results)])
    }
}

extension DoudianContext {
    /// `order.batchDecrypt(cipher_infos[{auth_id: order_id, cipher_text}] ≤ 50)`.
    func batchDecrypt() throws(GatewayError) -> JSONValue {
        let items = try Decryption.items(parameters, "cipher_infos", maximum: 50)
        let results = items.map { item -> JSONValue in
            let tag = item["auth_id"]?.text ?? ""
            let cipher = item["cipher_text"]?.text ?? ""
            var result: [String: JSONValue] = ["auth_id": .string(tag), "cipher_text": .string(cipher)]
            switch world.decrypt(
                shopID: shopID,
                orderID: tag,
                ciphertext: cipher,
                marker: "#",
                isAllowed: Decryption.isOpenable
            ) {
            case .success(let (_, plain)):
                result["decrypt_text"] = .string(plain)
                result["err_no"] = .int(0)
                result["err_msg"] = .string("")
            case .failure(let refusal):
                result["decrypt_text"] = .string("")
                result["err_no"] = .int(refusal == .quotaExceeded ? 300_008 : 300_001)
                result["err_msg"] = .string(refusal == .notAllowed ? "订单状态不允许解密" : "解密失败")
            }
            return .object(result)
        }
        return .object([
            "decrypt_infos": .array(results),
            "custom_err": .object(["err_code": .int(0), "err_msg": .string("")]),
        ])
    }
}

extension XHSContext {
    /// `data.batchDecrypt(baseInfos[{dataTag: orderId, encryptedData}] ≤ 100, actionType, appUserId)`; a used-up
    /// quota answers -2000701 per item.
    func batchDecrypt() throws(GatewayError) -> JSONValue {
        let items = try Decryption.items(parameters, "baseInfos", maximum: 100)
        _ = try parameters.integer("actionType")
        let results = items.map { item -> JSONValue in
            let tag = item["dataTag"]?.text ?? ""
            let cipher = item["encryptedData"]?.text ?? ""
            var result: [String: JSONValue] = ["dataTag": .string(tag), "encryptedData": .string(cipher)]
            switch world.decrypt(
                shopID: shopID,
                orderID: tag,
                ciphertext: cipher,
                marker: "#",
                isAllowed: Decryption.isOpenable
            ) {
            case .success(let (_, plain)):
                result["decryptedData"] = .string(plain)
                result["errorCode"] = .int(0)
            case .failure(let refusal):
                result["errorCode"] = .int(refusal == .quotaExceeded ? -2_000_701 : -2_000_001)
                result["errorMsg"] = .string(refusal == .notAllowed ? "订单状态不允许解密" : "解密失败")
            }
            return .object(result)
        }
        return .object(["dataInfoList": .array(results)])
    }
}
