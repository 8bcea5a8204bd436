import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension WebPages {
    /// A connected shop with the newest run of its sync log, and the newest run of each kind (orders, refunds,
    /// shipment confirmations, stock pushes…) that met errors: a pass's orders may be fine while its confirmations
    /// fail.
    struct ShopState {
        let shop: ShopConnection
        let lastRun: SyncRun?
        let problems: [SyncRun]

        var isExpired: Bool { shop.status == .authorizationExpired }
    }

    func addShopRoutes(to router: inout Router) {
        page(&router, .get, "/shops", .permission(.ordersRead)) { try shopsPage($0) }
        page(&router, .post, "/shops/{id}/sync", .permission(.importsRun)) { try syncShop($0) }
        page(&router, .post, "/shops/{id}/backfill", .permission(.importsRun)) { try backfillShop($0) }
    }

    /// The connected shops the user may see, by code, each with its newest sync run.
    func shopStates(_ context: PageContext) throws -> [ShopState] {
        let companyID = context.principal.companyID
        return try database.read { connection in
            let runs = SyncRunRecords(connection)
            return try ShopConnectionRecords(connection).all(companyID: companyID)
                .filter { context.principal.scope.admits(shop: $0.shopID) }
                .map { shop in
                    let recent = try runs.recent(shopID: shop.shopID, companyID: companyID, limit: 24)
                    var seen: Set<SyncRunKind> = []
                    let newestOfEachKind = recent.filter { seen.insert($0.kind).inserted }
                    return ShopState(
                        shop: shop,
                        lastRun: recent.first,
                        problems: newestOfEachKind.filter { $0.counts.errors > 0 || !$0.lastError.isEmpty }
                    )
                }
        }
    }

    /// `GET /shops`: every shop with its platform, status (授权过期 in red, with a banner), last sync and its result
    /// or error, and "sync now" for those who may import orders.
    func shopsPage(_ context: PageContext, notice: HTML = .empty) throws -> HTTPResponse {
        let texts = context.texts
        let states = try shopStates(context)
        let body: HTML = """
            <h1>\(texts(.shops))</h1>
            \(notice)
            \(expiredBanner(states, texts))
            \(shopTable(states, context, withActions: true))
            """
        return Responses.page(Layout(context: context).render(title: texts(.shops), body: body))
    }

    /// `POST /shops/{id}/sync`: one pass over the shop, as `zhanggui shop sync CODE` runs it (orders, after-sales,
    /// shipment confirmations, stock), then the shops page with what it did.
    func syncShop(_ context: PageContext) throws -> HTTPResponse {
        let texts = context.texts
        guard let id = context.request.pathID("id"), context.principal.scope.admits(shop: id),
            let shop = try shopStates(context).first(where: { $0.shop.shopID == id })?.shop
        else { throw HTTPError.objectNotFound("shop") }
        guard let sync = api.settings.shopSync else { throw PageProblem(.syncUnavailable, status: .serviceUnavailable) }
        let name = shop.shopCode
        let message: String
        do {
            let report = try sync.runOnce(company: context.principal.companyID, shop: shop.shopID)
            if report.skipped != nil {
                message = texts(.syncSkipped, ["shop": name])
            } else if report.outcome == .done {
                message = texts(
                    .syncReport,
                    [
                        "shop": name, "new": "\(report.orders.new)", "changed": "\(report.orders.changed)",
                        "refunds": "\(report.refunds.new + report.refunds.changed)",
                    ]
                )
            } else {
                message = texts(.syncStopped, ["shop": name, "outcome": outcome(report.outcome, texts)])
            }
        } catch {
            context.request.logger.warning(
                "shop sync failed",
                ["shop.id": String(id), "error.type": "\(type(of: error))"]
            )
            message = texts(.syncStopped, ["shop": name, "outcome": outcome(.failed, texts)])
        }
        return try shopsPage(context, notice: "<p class=\"notice\">\(message)</p>")
    }

    /// The red banner naming the shops whose grant expired; nothing when none did.
    func expiredBanner(_ states: [ShopState], _ texts: Texts) -> HTML {
        let expired = states.filter(\.isExpired).map(\.shop.shopCode)
        guard !expired.isEmpty else { return .empty }
        return "<p class=\"alarm\">\(texts(.expiredBanner, ["shops": expired.joined(separator: ", ")]))</p>"
    }

    /// Each kind of run that met errors, with its count and last error, one per line.
    func problemText(_ problems: [SyncRun], _ texts: Texts) -> HTML {
        let lines: [HTML] = problems.map { run in
            let kind = texts(Message(rawValue: "syncKind.\(run.kind.rawValue)") ?? .syncKindOrders)
            let line = texts(.syncProblem, ["kind": kind, "errors": String(run.counts.errors), "error": run.lastError])
            return "<div>\(line)</div>"
        }
        return "\(lines)"
    }

    /// The shops with status and last sync; with `withActions`, a "sync now" button for those who may import.
    func shopTable(_ states: [ShopState], _ context: PageContext, withActions: Bool) -> HTML {
        let texts = context.texts
        guard !states.isEmpty else { return "<p>\(texts(.noShops))</p>" }
        let canSync = withActions && context.can(.importsRun)
        let rows = states.map { state -> HTML in
            let shop = state.shop
            let status = texts(Message(rawValue: "shopStatus.\(shop.status.rawValue)") ?? .shopPaused)
            let run = state.lastRun
            let when = run.map { context.time(($0.finishedAtMillis ?? $0.startedAtMillis) / 1000) } ?? texts(.never)
            let result = run.map { "\(outcome($0.outcome, texts)) · +\($0.counts.new) / \($0.counts.changed)" } ?? ""
            let button: HTML =
                canSync
                ? """
                <td><form method="post" action="/shops/\(shop.shopID)/sync" class="inline">\(context.csrfField)\
                <button type="submit">\(texts(.syncNow))</button></form> \(backfillForm(shop, context))</td>
                """
                : .empty
            let statusClass: HTML = state.isExpired ? " class=\"alarm\"" : ""
            return """
                <tr><td>\(shop.shopCode) \(shop.shopName)</td><td>\(shop.platform.displayName)</td>\
                <td\(statusClass)>\(status)</td><td>\(when)</td><td>\(result)</td>\
                <td class="wrap">\(problemText(state.problems, texts))</td>\(button)</tr>
                """
        }
        let actionHeader: HTML = canSync ? "<th></th>" : .empty
        return """
            <table><tr><th>\(texts(.shop))</th><th>\(texts(.platform))</th><th>\(texts(.status))</th>\
            <th>\(texts(.lastSync))</th><th>\(texts(.lastResult))</th><th>\(texts(.lastError))</th>\(actionHeader)</tr>\
            \(rows)</table>
            """
    }

    private func outcome(_ outcome: SyncRunOutcome, _ texts: Texts) -> String {
        Message(rawValue: "syncOutcome.\(outcome.rawValue)").map { texts($0) } ?? outcome.rawValue
    }
}
