import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension WebPages {
    /// `GET /`: what waits for the user: orders to review, held by reason, to print and to ship, and stock with
    /// nothing available. Each part is shown only to those allowed to read it.
    func dashboard(_ context: PageContext) throws -> HTTPResponse {
        let texts = context.texts
        var sections: [HTML] = [try runningTasks(context)]
        if context.can(.ordersRead) { sections.append(try orderFigures(context)) }
        if context.can(.stockRead) { sections.append(try lowStock(context)) }
        if context.can(.ordersRead) {
            let shops = try shopStates(context)
            sections.insert(expiredBanner(shops, texts), at: 0)
            sections.append("<h2>\(texts(.shops))</h2>\(shopTable(shops, context, withActions: false))")
        }
        if !context.isTOTPEnabled {
            sections.append("<p class=\"notice\"><a href=\"/account\">\(texts(.suggestTOTP))</a></p>")
        }
        let body: HTML = "<h1>\(texts(.dashboard))</h1>\(sections)"
        return Responses.page(Layout(context: context).render(title: texts(.dashboard), body: body))
    }

    /// The user's queued and running background tasks, each a link to its page with its progress, so long work
    /// left on another page is found again; nothing when none runs.
    private func runningTasks(_ context: PageContext) throws -> HTML {
        let texts = context.texts
        let principal = context.principal
        let unfinished = try database.read {
            try BackgroundTaskRecords($0).latest(companyID: principal.companyID, startedBy: principal.userID, limit: 50)
        }.filter { !$0.state.isFinal }
        guard !unfinished.isEmpty else { return .empty }
        let items = unfinished.map { task -> HTML in
            """
            <li><a href="/tasks/\(task.id)">\(texts(.taskNumber, ["id": String(task.id)])) · \
            \(texts(Self.kindName(task.kind)))</a> \(progressFigures(task, texts))</li>
            """
        }
        return "<h2>\(texts(.runningTasks))</h2><ul class=\"running-tasks\">\(items)</ul>"
    }

    private func orderFigures(_ context: PageContext) throws -> HTML {
        let texts = context.texts
        let shopIDs = context.principal.scope.shops.ids
        let (states, holds) = try database.read { connection in
            let queries = DeskQueries(connection)
            return (
                try queries.tradesByState(companyID: context.principal.companyID, shopIDs: shopIDs),
                try queries.holdsByReason(companyID: context.principal.companyID, shopIDs: shopIDs)
            )
        }
        let cards: [(Message, TradeState)] = [
            (.waitingForReview, .pendingReview), (.onHold, .onHold), (.toPrint, .allocated), (.toShip, .waybilled),
        ]
        let cardHTML = cards.map { message, state -> HTML in
            """
            <a class="card" href="/orders?state=\(state.rawValue)"><div>\(texts(message))</div>\
            <div class="figure">\(states[state.rawValue] ?? 0)</div></a>
            """
        }
        let holdRows = holds.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map {
            reason,
            count -> HTML in
            """
            <tr><td><a href="/orders?state=onHold&amp;hold=\(reason)">\(texts.holdReason(reason))</a></td>\
            <td class="number">\(count)</td></tr>
            """
        }
        let holdTable: HTML =
            holdRows.isEmpty
            ? "<p>\(texts(.noHolds))</p>"
            : """
            <table><tr><th>\(texts(.holdReason))</th><th class="number">\(texts(.orders))</th></tr>\
            \(holdRows)</table>
            """
        return """
            <div class="cards">\(cardHTML)</div>
            <h2>\(texts(.onHoldByReason))</h2>
            \(holdTable)
            """
    }

    private func lowStock(_ context: PageContext) throws -> HTML {
        let texts = context.texts
        let places = try database.read {
            try DeskQueries($0).stockAtOrBelowZero(
                companyID: context.principal.companyID,
                warehouseIDs: context.principal.scope.warehouses.ids,
                limit: 50
            )
        }
        let rows = places.map { place -> HTML in
            """
            <tr><td>\(place.sku)</td><td>\(place.name)</td><td>\(place.warehouse)</td>\
            <td class="number">\(place.onHand)</td><td class="number">\(place.reserved)</td>\
            <td class="number">\(place.frozen)</td><td class="number">\(place.available)</td></tr>
            """
        }
        let table: HTML =
            rows.isEmpty
            ? "<p>\(texts(.noLowStock))</p>"
            : """
            <table><tr><th>\(texts(.sku))</th><th>\(texts(.productName))</th><th>\(texts(.warehouse))</th>\
            <th class="number">\(texts(.onHand))</th><th class="number">\(texts(.reserved))</th>\
            <th class="number">\(texts(.frozen))</th><th class="number">\(texts(.available))</th></tr>\(rows)</table>
            """
        return "<h2>\(texts(.lowStock))</h2>\(table)"
    }
}
