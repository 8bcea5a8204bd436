import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension ZhangguiAPI {
    /// `PATCH /api/v1/shops/{id}`: the settings to change; absent fields stay as they are.
    struct ShopSettingsBody: JSONBody {
        let shareBasisPoints: Int64?
        let buffer: Int64?
        let max: Int64?
        let removeMax: Bool?
        let overlapSeconds: Int64?
        let lagSeconds: Int64?
        let paused: Bool?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case shareBasisPoints, buffer, max, removeMax, overlapSeconds, lagSeconds, paused
        }
    }

    /// `PUT /api/v1/shops/{id}/sku-mappings/{platformSku}`: our SKU or combo code.
    struct SKUMappingBody: JSONBody {
        let sku: String

        enum CodingKeys: String, CodingKey, CaseIterable { case sku }
    }

    /// The connected shops' routes (docs/CHANNELS.md, docs/SYNC.md): reading needs `orders.read`, running the sync
    /// `imports.run` (as the shops page's "sync now"), settings `settings.manage`, SKU mapping `catalogue.write`.
    func addShopRoutes(to router: inout Router) {
        let read = RouteAccess.permission(.ordersRead)
        let settings = RouteAccess.permission(.settingsManage)
        add(&router, .get, "/api/v1/shops", read, "connected shops, their settings and last sync", shops)
        add(&router, .get, "/api/v1/shops/{id}", read, "one connected shop", shopDetail)
        add(&router, .patch, "/api/v1/shops/{id}", settings, "change a shop's stock share, sync spans or pause") {
            request,
            principal in
            try changeShop(request, principal)
        }
        add(&router, .get, "/api/v1/shops/{id}/sync-runs", read, "a shop's sync log, newest first", query: ["limit"]) {
            request,
            principal in
            try syncRuns(request, principal)
        }
        add(
            &router,
            .get,
            "/api/v1/shops/{id}/stock-pushes",
            read,
            "a shop's stock pushes, newest first",
            query: ["limit"]
        ) { request, principal in
            try stockPushes(request, principal)
        }
        add(&router, .get, "/api/v1/shops/{id}/after-sales", read, "a shop's open platform after-sales requests") {
            request,
            principal in
            try platformAfterSales(request, principal)
        }
        addSKUMappingRoutes(to: &router)
        addShopSyncRoutes(to: &router)
    }

    /// `GET /api/v1/shops`: the shops in the principal's scope, by code.
    func shops(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let answers = try database.read { connection in
            try ShopConnectionRecords(connection).all(companyID: principal.companyID)
                .filter { principal.scope.admits(shop: $0.shopID) }
                .map { try shopAnswer($0, companyID: principal.companyID, connection: connection) }
        }
        return try .json(ShopList(shops: answers))
    }

    /// `GET /api/v1/shops/{id}`.
    func shopDetail(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let shop = try visibleShop(request, principal)
        return try .json(
            try database.read { try shopAnswer(shop, companyID: principal.companyID, connection: $0) }
        )
    }

    /// `PATCH /api/v1/shops/{id}`: 200 with the shop, audited `shop.settings`.
    func changeShop(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let shop = try visibleShop(request, principal)
        let body = try request.decodeJSON(ShopSettingsBody.self)
        var change = ShopSettingsChange()
        change.shareBasisPoints = try Self.setting(body.shareBasisPoints, "shareBasisPoints", in: 0...10_000)
        change.buffer = try Self.setting(body.buffer, "buffer", in: 0...Limits.quantity)
        if body.removeMax == true {
            guard body.max == nil else {
                throw HTTPError(.badRequest, code: .invalidValue, message: "give max or removeMax", field: "removeMax")
            }
            change.maximum = .some(nil)
        } else if let maximum = try Self.setting(body.max, "max", in: 0...Limits.quantity) {
            change.maximum = .some(maximum)
        }
        let day: Int64 = 86_400
        change.overlapMillis = try Self.setting(body.overlapSeconds, "overlapSeconds", in: 0...day).map { $0 * 1000 }
        change.safetyLagMillis = try Self.setting(body.lagSeconds, "lagSeconds", in: 0...day).map { $0 * 1000 }
        change.isPaused = body.paused
        let changed = try answeringShopRefusals {
            try ShopService(database: database, box: nil).change(
                change,
                shopID: shop.shopID,
                companyID: principal.companyID,
                audit: AuditContext(actor: principal.actor, at: now)
            )
        }
        return try .json(
            try database.read { try shopAnswer(changed, companyID: principal.companyID, connection: $0) }
        )
    }

    /// `GET /api/v1/shops/{id}/sync-runs?limit=`: the newest runs (default 20, at most 1000).
    func syncRuns(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let shop = try visibleShop(request, principal)
        let limit = try request.integerQuery("limit", default: 20, in: 1...1000)
        let runs = try database.read {
            try SyncRunRecords($0).recent(shopID: shop.shopID, companyID: principal.companyID, limit: limit)
        }
        return try .json(SyncRunList(runs: runs.map(SyncRunAnswer.init)))
    }

    /// `GET /api/v1/shops/{id}/stock-pushes?limit=`: the newest pushes (default 50, at most 1000), old → new.
    func stockPushes(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let shop = try visibleShop(request, principal)
        let limit = try request.integerQuery("limit", default: 50, in: 1...1000)
        let pushes = try database.read {
            try PlatformSKURecords($0).pushLog(shopID: shop.shopID, companyID: principal.companyID, limit: limit)
        }
        let answers = pushes.map {
            StockPushAnswer(
                itemID: $0.itemID,
                skuID: $0.skuID,
                oldQuantity: $0.old,
                newQuantity: $0.new,
                isAccepted: $0.accepted,
                error: $0.error,
                pushedAtMillis: $0.atMillis
            )
        }
        return try .json(StockPushList(pushes: answers))
    }

    /// `GET /api/v1/shops/{id}/after-sales`: the shop's platform after-sales requests that arrived after their
    /// order shipped and are still open, oldest first, as `zhanggui shop after-sales` lists them.
    func platformAfterSales(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let shop = try visibleShop(request, principal)
        let requests = try database.read { connection in
            let context = try CompanyContext.load(principal.companyID, from: connection)
            return try AfterSaleRecords(connection)
                .needingAttention(companyID: principal.companyID, currency: context.currency)
                .filter { $0.shopID == shop.shopID }
        }
        return try .json(PlatformAfterSaleList(requests: requests.map(PlatformAfterSaleAnswer.init)))
    }

    /// The shop `{id}` when it is the principal's company's and in their scope.
    /// - Throws: ``HTTPError`` 404 otherwise: another company's shop and one out of scope look the same.
    func visibleShop(_ request: HTTPRequest, _ principal: Principal) throws -> ShopConnection {
        guard let id = request.pathID("id"), principal.scope.admits(shop: id),
            let shop = try database.read({
                try ShopConnectionRecords($0).find(shopID: id, companyID: principal.companyID)
            })
        else { throw HTTPError.objectNotFound("shop") }
        return shop
    }

    /// A shop as the API answers it, with its newest sync run.
    func shopAnswer(_ shop: ShopConnection, companyID: Int64, connection: any DatabaseConnection) throws -> ShopAnswer {
        let lastRun = try SyncRunRecords(connection).recent(shopID: shop.shopID, companyID: companyID, limit: 1).first
        return ShopAnswer(shop, lastRun: lastRun)
    }

    /// A setting within `range`, or 400 naming `field`.
    static func setting(_ value: Int64?, _ field: String, in range: ClosedRange<Int64>) throws -> Int64? {
        guard let value else { return nil }
        guard range.contains(value) else {
            throw HTTPError(
                .badRequest,
                code: .invalidValue,
                message: "\(field) is a whole number from \(range.lowerBound) to \(range.upperBound)",
                field: field
            )
        }
        return value
    }

    /// Runs a shop operation, turning its refusals into answers: an unknown shop 404, a shop that does not sync now
    /// 409, an unknown SKU or a bad setting 400.
    func answeringShopRefusals<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ShopError {
            switch error.code {
            case .notConnected: throw HTTPError.objectNotFound("shop")
            case .notActive, .alreadyConnected, .otherPlatform:
                throw HTTPError(.conflict, code: .conflict, message: error.description)
            case .unknownSKU:
                throw HTTPError(.badRequest, code: .invalidValue, message: error.description, field: "sku")
            case .badSetting: throw HTTPError(.badRequest, code: .invalidValue, message: error.description)
            }
        }
    }
}
