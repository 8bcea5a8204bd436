import ZhangguiChannels
import ZhangguiCore

extension TOPContext {
    /// `taobao.logistics.offline.send(tid, out_sid, company_code[, is_split, sub_tid])`.
    func sendOffline() throws(GatewayError) -> JSONValue {
        let tid = try parameters.required("tid")
        let trackingNumber = try parameters.required("out_sid")
        let company = try parameters.required("company_code")
        let lines =
            parameters.string("is_split") == "1"
            ? (parameters.string("sub_tid") ?? "").split(separator: ",").map(String.init) : []
        do throws(SimError) {
            try world.confirmShipment(
                shopID: shopID,
                orderID: tid,
                lineIDs: lines,
                courierCode: company,
                trackingNumber: trackingNumber,
                apiMethod: call.apiMethod
            )
        } catch {
            throw error.code == .notFound ? .notFound("trade \(tid) not found") : .refused(error.message)
        }
        return .object(["shipping": .object(["is_success": .bool(true)])])
    }

    /// `taobao.item.seller.get(num_iid, fields)`: one of the seller's listings with its stock (`num`).
    func sellerItem() throws(GatewayError) -> JSONValue {
        let item = try parameters.required("num_iid")
        let fields = Set((try parameters.required("fields")).split(separator: ",").map(String.init))
        guard let listing = world.listings(shopID: shopID).first(where: { $0.itemID == item }) else {
            throw .notFound("item \(item) not found")
        }
        let title = world.orders(shopID: shopID).lazy.flatMap(\.lines).first { $0.itemID == item }?.title ?? ""
        let price = world.orders(shopID: shopID).lazy.flatMap(\.lines).first { $0.itemID == item }?.unitPriceFen ?? 0
        let full: [String: JSONValue] = [
            "num_iid": TOPShapes.id(item), "title": .string(title), "nick": .string(shopID),
            "price": .yuanString(fen: price), "num": .int(listing.quantity), "outer_id": .string(listing.outerID),
        ]
        return .object(["item": .object(full.filter { fields.contains($0.key) })])
    }

    /// `taobao.item.quantity.update(num_iid, sku_id | outer_id, quantity, type)`: type 1 sets, 2 adds.
    func updateQuantity() throws(GatewayError) -> JSONValue {
        let item = try parameters.required("num_iid")
        let quantity = try parameters.integer("quantity")
        let type = try parameters.integer("type", default: 1)
        guard type == 1 || type == 2 else { throw .invalidParameter("type", "type is 1 (set) or 2 (change)") }
        guard type == 2 || quantity >= 0 else { throw .invalidParameter("quantity", "quantity must not be negative") }
        let locator = SimWorld.ListingLocator(
            itemID: item,
            skuID: parameters.string("sku_id"),
            outerID: parameters.string("outer_id")
        )
        let listing = try push(locator, quantity: quantity, isDelta: type == 2, clamps: false)
        return .object([
            "item": .object([
                "num_iid": TOPShapes.id(item), "num": .int(listing.quantity),
                "modified": TOPShapes.time(world.nowMillis),
                "skus": .object([
                    "sku": .array([
                        .object(["sku_id": TOPShapes.id(listing.skuID), "quantity": .int(listing.quantity)])
                    ])
                ]),
            ])
        ])
    }

    /// `taobao.skus.quantity.update(num_iid, skuid_quantities | outerid_quantities, type)`: at most 20 SKUs; a
    /// change below zero stops at zero.
    func updateSkuQuantities() throws(GatewayError) -> JSONValue {
        let item = try parameters.required("num_iid")
        let type = try parameters.integer("type", default: 1)
        let bySku = parameters.string("skuid_quantities")
        guard let text = bySku ?? parameters.string("outerid_quantities"), !text.isEmpty else {
            throw .missingParameter("skuid_quantities")
        }
        let pairs = text.split(separator: ";").map { $0.split(separator: ":").map(String.init) }
        guard pairs.count <= 20, pairs.allSatisfy({ $0.count == 2 && Int64($0[1]) != nil }) else {
            throw .invalidParameter(bySku == nil ? "outerid_quantities" : "skuid_quantities", "id:quantity;… up to 20")
        }
        var skus: [JSONValue] = []
        for pair in pairs {
            let locator = SimWorld.ListingLocator(
                itemID: item,
                skuID: bySku == nil ? nil : pair[0],
                outerID: bySku == nil ? pair[0] : nil
            )
            let listing = try push(locator, quantity: Int64(pair[1])!, isDelta: type == 2, clamps: true)
            skus.append(.object(["sku_id": TOPShapes.id(listing.skuID), "quantity": .int(listing.quantity)]))
        }
        return .object([
            "item": .object([
                "num_iid": TOPShapes.id(item), "modified": TOPShapes.time(world.nowMillis),
                "skus": .object(["sku": .array(skus)]),
            ])
        ])
    }

    private func push(
        _ locator: SimWorld.ListingLocator,
        quantity: Int64,
        isDelta: Bool,
        clamps: Bool
    ) throws(GatewayError) -> SimListing {
        do throws(SimError) {
            return try world.pushStock(
                shopID: shopID,
                locator: locator,
                quantity: quantity,
                isDelta: isDelta,
                clampsAtZero: clamps,
                apiMethod: call.apiMethod
            )
        } catch {
            throw error.code == .notFound ? .notFound("item or sku not found") : .refused(error.message)
        }
    }

    /// `taobao.top.auth.token.create(code)`: `token_result` is a JSON text.
    func createToken() throws(GatewayError) -> JSONValue {
        let code = try parameters.required("code")
        switch world.redeem(code: code, platform: .taobao, appKey: call.appKey ?? "") {
        case .success(let grant): return tokenResult(grant)
        case .failure: throw .invalidParameter("code", "authorization code is invalid or expired")
        }
    }

    /// `taobao.top.auth.token.refresh(refresh_token)`.
    func refreshToken() throws(GatewayError) -> JSONValue {
        let token = try parameters.required("refresh_token")
        switch world.refresh(token, platform: .taobao, appKey: call.appKey ?? "") {
        case .success(let grant): return tokenResult(grant)
        case .failure(.notAllowed): throw .refused("this app type cannot refresh; the seller must authorise again")
        case .failure: throw .invalidParameter("refresh_token", "refresh_token is invalid or expired")
        }
    }

    private func tokenResult(_ grant: SimGrant) -> JSONValue {
        let now = world.nowMillis
        let accessSeconds = (grant.accessExpiresMillis - now) / 1000
        let refreshSeconds = (grant.refreshExpiresMillis - now) / 1000
        let result: JSONValue = .object([
            "access_token": .string(grant.accessToken), "refresh_token": .string(grant.refreshToken),
            "expires_in": .int(accessSeconds), "expire_time": .int(grant.accessExpiresMillis),
            "re_expires_in": .int(refreshSeconds), "r1_expires_in": .int(accessSeconds),
            "r2_expires_in": .int(accessSeconds), "w1_expires_in": .int(accessSeconds),
            "w2_expires_in": .int(accessSeconds), "taobao_user_id": .string(grant.shopID),
            "taobao_user_nick": .string(grant.shopID),
        ])
        return .object(["token_result": .string(result.serialized())])
    }
}
