import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension WebPages {
    /// Split, merge and unmerge from the order page, behind orders.review like `/api/v1/orders/{id}/split`, `merge`
    /// and `unmerge`, through the same services. A refusal names its field on the page.
    func addOrderChangeRoutes(to router: inout Router) {
        let review = RouteAccess.permission(.ordersReview)
        page(&router, .post, "/orders/{id}/split", review) { try splitOrder($0) }
        page(&router, .post, "/orders/{id}/merge", review) { try mergeOrders($0) }
        page(&router, .post, "/orders/{id}/unmerge", review) { try unmergeOrder($0) }
    }

    /// `POST /orders/{id}/split`: `move.<line number>` holds the units of that line to move to a new part; empty or
    /// 0 leaves the line.
    func splitOrder(_ context: PageContext) throws -> HTTPResponse {
        let id = try api.tradeID(context.request, context.principal)
        var moves: [LineMove] = []
        for field in context.form.fields where field.name.hasPrefix("move.") {
            let line = String(field.name.dropFirst("move.".count))
            let text = field.value.trimmed
            guard let lineNo = Int64(line) else { throw PageProblem(.badForm) }
            guard !text.isEmpty else { continue }
            guard let quantity = Int64(text) else { throw PageProblem(.badQuantity, ["line": line]) }
            if quantity != 0 { moves.append(LineMove(lineNo: lineNo, quantity: quantity)) }
        }
        let result = try naming(moves.map { context.texts(.lineNumbered, ["line": String($0.lineNo)]) }) {
            try OrderSplitService(database: database)
                .split(tradeID: id, moving: moves, by: context.principal.actor, at: now)
        }
        return changed(context, id: id, .splitDone, ["number": "\(result.partID)"], link: result.partID)
    }

    /// `POST /orders/{id}/merge`: `orders` lists the other orders' ids, separated by commas or spaces. Each must be
    /// in the user's company and shops, as the API requires.
    func mergeOrders(_ context: PageContext) throws -> HTTPResponse {
        let id = try api.tradeID(context.request, context.principal)
        let words = (context.form["orders"] ?? "").split { $0 == "," || $0 == "，" || $0 == " " }
        var ids = [id]
        for word in words {
            guard let other = Int64(word), other > 0 else { throw PageProblem(.badOrderList) }
            guard other != id else { throw PageProblem(.mergeWithItself) }
            let shop = try database.read {
                try APIQueries($0).shopOfTrade(other, companyID: context.principal.companyID)
            }
            guard let shop, context.principal.scope.admits(shop: shop) else { throw HTTPError.objectNotFound("order") }
            ids.append(other)
        }
        _ = try naming(ids.map { context.texts(.orderNumbered, ["order": String($0)]) }) {
            try ParcelService(database: database).merge(tradeIDs: ids, by: context.principal.actor, at: now)
        }
        return changed(context, id: id, .mergeDone)
    }

    /// `POST /orders/{id}/unmerge`: every order of the order's parcel gets a parcel of its own.
    func unmergeOrder(_ context: PageContext) throws -> HTTPResponse {
        let id = try api.tradeID(context.request, context.principal)
        do {
            _ = try ParcelService(database: database).unmerge(tradeID: id, by: context.principal.actor, at: now)
        } catch let error as OrderChangeError where error.code == .wrongState && error.field == nil {
            let state = try database.read {
                try TradeRecords($0, currency: .cny).trade(id: id, companyID: context.principal.companyID)?.state
            }
            throw OrderChangeError(error.code, field: state.map { context.texts.state($0.rawValue) }, error.message)
        }
        return changed(context, id: id, .unmergeDone)
    }

    /// Runs `change`, and names a refused field `lines[i]…` or `orders[i]` as the form shows it: `names[i]`, the
    /// i-th line or order the user entered, rather than a position counted from zero.
    private func naming<T>(_ names: [String], _ change: () throws -> T) throws -> T {
        do {
            return try change()
        } catch let error as OrderChangeError {
            guard let field = error.field, let open = field.firstIndex(of: "["), let close = field.firstIndex(of: "]"),
                let position = Int(field[field.index(after: open)..<close]), names.indices.contains(position)
            else { throw error }
            throw OrderChangeError(error.code, field: names[position], error.message)
        }
    }

    /// The page after a change: what was done, and the way back to the order (and to a new part).
    private func changed(
        _ context: PageContext,
        id: Int64,
        _ message: Message,
        _ parameters: [String: String] = [:],
        link part: Int64? = nil
    ) -> HTTPResponse {
        let texts = context.texts
        let partLink: HTML = part.map { " <a href=\"/orders/\($0)\">\($0)</a>" } ?? .empty
        let body: HTML = """
            <h1>\(texts(.results))</h1>
            <p class="notice">\(texts(message, parameters))\(partLink)</p>
            <p><a href="/orders/\(id)">\(texts(.order)) \(id)</a> · <a href="/orders">\(texts(.backToOrders))</a></p>
            """
        return Responses.page(Layout(context: context).render(title: texts(.results), body: body))
    }

    /// The split, merge and unmerge forms of an order the user may review, as its state allows them.
    func changeForms(_ order: ZhangguiAPI.OrderDetail, _ context: PageContext) -> HTML {
        guard context.can(.ordersReview), let state = TradeState(rawValue: order.state) else { return .empty }
        let texts = context.texts
        var forms: [HTML] = []
        if TradeWorkflow.splittable.contains(state) {
            let inputs = order.lines.map { line -> HTML in
                """
                <label>#\(line.lineNo) \(line.merchantCode) (\(line.quantity))\
                <input type="number" name="move.\(line.lineNo)" min="0" max="\(line.quantity)" size="4"></label>
                """
            }
            forms.append(
                """
                <h2>\(texts(.splitOrder))</h2>
                <form method="post" action="/orders/\(order.id)/split" class="filters">\(context.csrfField)\
                <span>\(texts(.unitsToMove))</span>\(inputs)<button type="submit">\(texts(.split))</button></form>
                """
            )
        }
        if TradeWorkflow.mergeable.contains(state) {
            forms.append(
                """
                <h2>\(texts(.merge))</h2>
                <form method="post" action="/orders/\(order.id)/merge" class="filters">\(context.csrfField)\
                <label>\(texts(.mergeWith))<input name="orders" size="20" inputmode="numeric"></label>\
                <button type="submit">\(texts(.merge))</button></form>
                """
            )
        }
        if state == .allocated {
            forms.append(
                """
                <form method="post" action="/orders/\(order.id)/unmerge" class="inline">\(context.csrfField)\
                <button type="submit">\(texts(.unmerge))</button></form>
                """
            )
        }
        return forms.joined
    }
}
