import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension ZhangguiAPI {
    /// The listing SKUs of a shop and their mapping to ours (手工匹配), as `zhanggui shop map-sku` does it.
    func addSKUMappingRoutes(to router: inout Router) {
        add(
            &router,
            .get,
            "/api/v1/shops/{id}/sku-mappings",
            .permission(.ordersRead),
            "a shop's listing SKUs and what they map to",
            query: ["unmapped"]
        ) { request, principal in
            try skuMappings(request, principal)
        }
        add(
            &router,
            .put,
            "/api/v1/shops/{id}/sku-mappings/{platformSku}",
            .permission(.catalogueWrite),
            "map a listing SKU (ITEM_ID or ITEM_ID:SKU_ID) to our SKU or combo by hand"
        ) { request, principal in
            try mapSKU(request, principal)
        }
    }

    /// `GET /api/v1/shops/{id}/sku-mappings?unmapped=1`: every listing SKU seen on the shop's orders in the order
    /// first seen, or (`unmapped=1`) only those that map to nothing.
    func skuMappings(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let shop = try visibleShop(request, principal)
        let onlyUnmapped: Bool
        switch request.queryValue("unmapped") {
        case nil, "", "0", "false": onlyUnmapped = false
        case "1", "true": onlyUnmapped = true
        default: throw HTTPError.invalidQuery("unmapped", "unmapped is 1 or 0")
        }
        let answers = try database.read { connection in
            let context = try CompanyContext.load(principal.companyID, from: connection)
            let catalog = try CatalogRecords(connection).index(companyID: context.id, currency: context.currency)
            return try PlatformSKURecords(connection).all(shopID: shop.shopID, companyID: context.id)
                .filter { !onlyUnmapped || $0.mappedSKUID == nil }
                .map { listing in
                    SKUMappingAnswer(listing, sku: listing.mappedSKUID.flatMap { catalog.entry(forSKUID: $0)?.code })
                }
        }
        return try .json(SKUMappingList(listings: answers))
    }

    /// `PUT /api/v1/shops/{id}/sku-mappings/{platformSku}` `{"sku"}`: maps the listing SKU; waiting and held orders
    /// of the shop take the mapping at once. Audited `shop.mapSku`.
    func mapSKU(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let shop = try visibleShop(request, principal)
        let listing = (request.pathParameters["platformSku"] ?? "")
            .split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let itemID = listing.first ?? ""
        let skuID = listing.count > 1 ? listing[1] : ""
        guard !itemID.isEmpty, itemID.count <= 64, skuID.count <= 64 else {
            throw HTTPError(
                .badRequest,
                code: .invalidValue,
                message: "the path names a listing SKU as ITEM_ID or ITEM_ID:SKU_ID",
                field: "platformSku"
            )
        }
        let body = try request.decodeJSON(SKUMappingBody.self)
        let code = body.sku.trimmed
        guard !code.isEmpty else {
            throw HTTPError(.badRequest, code: .invalidValue, message: "sku names our SKU or combo", field: "sku")
        }
        let result = try answeringShopRefusals {
            try SKUMappingService(database: database).map(
                itemID: itemID,
                skuID: skuID,
                to: code,
                shopCode: shop.shopCode,
                companyID: principal.companyID,
                audit: AuditContext(actor: principal.actor, at: now)
            )
        }
        return try .json(
            SKUMappedAnswer(
                itemID: itemID,
                skuID: skuID,
                sku: code,
                linesRemapped: result.linesRemapped,
                tradesReleased: result.tradesReleased
            )
        )
    }
}
