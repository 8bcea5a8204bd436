import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension HTTPError.Code {
    /// The server has no key for the shops' credentials, so it cannot speak to the platforms.
    public static let syncUnavailable: Self = "sync_unavailable"
}

extension ZhangguiAPI {
    /// `{"from","to"}`: local dates or times in the company's zone, `2026-12-01` or `2026-12-01 08:00`.
    struct BackfillBody: JSONBody {
        let from: String
        let to: String

        enum CodingKeys: String, CodingKey, CaseIterable { case from, to }
    }

    /// `{"platformOrderID"}`: the platform's id of the order to fetch again.
    struct RepullBody: JSONBody {
        let platformOrderID: String

        enum CodingKeys: String, CodingKey, CaseIterable { case platformOrderID }
    }

    /// The routes that speak to the platform, as `zhanggui shop sync`, `backfill` and `repull` do; each needs
    /// `imports.run` and a server started with the credentials' key.
    func addShopSyncRoutes(to router: inout Router) {
        let run = RouteAccess.permission(.importsRun)
        add(&router, .post, "/api/v1/shops/{id}/sync", run, "one sync pass over the shop now", syncShop)
        add(&router, .post, "/api/v1/shops/{id}/backfill", run, "read a range of orders and refunds again") {
            request,
            principal in
            try backfillShop(request, principal)
        }
        add(&router, .post, "/api/v1/shops/{id}/repull", run, "fetch one order again", repullOrder)
    }

    /// `POST /api/v1/shops/{id}/sync`: one pass (orders, after-sales, shipment confirmations, stock); 200 with what
    /// it did, also when the platform stopped it (`outcome` says why). Audited `shop.sync`.
    func syncShop(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let shop = try visibleShop(request, principal)
        let sync = try shopSync()
        let report = try answeringShopRefusals { try sync.runOnce(company: principal.companyID, shop: shop.shopID) }
        let answer = SyncReportAnswer(report)
        try recordShopAction("shop.sync", shop: shop, answer: answer, principal)
        return try .json(answer)
    }

    /// `POST /api/v1/shops/{id}/backfill` `{"from","to"}`: reads the range again, window by window, at most
    /// ``SyncPlan/longestBackfillMillis`` long; the checkpoints stay. 409 when the shop does not sync now.
    func backfillShop(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let shop = try visibleShop(request, principal)
        let body = try request.decodeJSON(BackfillBody.self)
        let calendar = try database.read { try CompanyContext.load(principal.companyID, from: $0) }.calendar
        let from = try Self.instant(body.from, calendar, field: "from")
        let to = try Self.instant(body.to, calendar, field: "to")
        guard from < to else {
            throw HTTPError(.badRequest, code: .invalidValue, message: "to must come after from", field: "to")
        }
        let days = SyncPlan.longestBackfillMillis / 86_400_000
        guard (to - from) * 1000 <= SyncPlan.longestBackfillMillis else {
            throw HTTPError(
                .badRequest,
                code: .invalidValue,
                message: "to is more than \(days) days after from: backfill at most \(days) days at a time",
                field: "to"
            )
        }
        let sync = try shopSync()
        let range = SyncWindow(startMillis: from * 1000, endMillis: to * 1000)
        let report = try answeringShopRefusals {
            try sync.backfill(company: principal.companyID, shop: shop.shopID, range: range)
        }
        let answer = SyncReportAnswer(report)
        try recordShopAction("shop.backfill", shop: shop, answer: answer, principal)
        return try .json(answer)
    }

    /// `POST /api/v1/shops/{id}/repull` `{"platformOrderID"}`: 200 with `new`, `newer` or `unchanged`, or `failed`
    /// and the platform's error. 409 when the shop does not sync now.
    func repullOrder(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let shop = try visibleShop(request, principal)
        let body = try request.decodeJSON(RepullBody.self)
        let orderID = body.platformOrderID.trimmed
        guard !orderID.isEmpty, orderID.count <= 64 else {
            throw HTTPError(
                .badRequest,
                code: .invalidValue,
                message: "platformOrderID is the platform's order id, 1 to 64 characters",
                field: "platformOrderID"
            )
        }
        let sync = try shopSync()
        let (outcome, report) = try answeringShopRefusals {
            try sync.repull(company: principal.companyID, shop: shop.shopID, platformOrderID: orderID)
        }
        let answer = RepullAnswer(platformOrderID: orderID, outcome: outcome, error: report.error)
        try recordShopAction("shop.repull", shop: shop, answer: answer, principal)
        return try .json(answer)
    }

    /// The sync service, or 503 naming the missing key.
    private func shopSync() throws -> SyncService {
        guard let sync = settings.shopSync else {
            throw HTTPError(
                .serviceUnavailable,
                code: .syncUnavailable,
                message: "the server has no key for the shops' credentials: start it with ZHANGGUI_SECRET_KEY "
                    + "or ZHANGGUI_SECRET_KEY_FILE"
            )
        }
        return sync
    }

    /// Audits a run asked for over the API, after it: the run itself is in the sync log, written as it went.
    private func recordShopAction(
        _ action: String,
        shop: ShopConnection,
        answer: some Encodable,
        _ principal: Principal
    ) throws {
        let audit = AuditContext(actor: principal.actor, at: now)
        try database.write { try audit.record(action, object: .shop(shop.shopID), after: answer, in: $0) }
    }

    /// UTC seconds of a local date or time in the company's zone, or 400 naming `field`.
    private static func instant(_ text: String, _ calendar: BusinessCalendar, field: String) throws -> Int64 {
        let trimmed = text.trimmed
        let full = trimmed.contains(":") ? trimmed : trimmed + " 00:00"
        guard let seconds = calendar.instant(ofLocal: full) else {
            throw HTTPError(
                .badRequest,
                code: .invalidValue,
                message: "\(field) is a date or time such as 2026-12-01 or 2026-12-01 08:00",
                field: field
            )
        }
        return seconds
    }
}
