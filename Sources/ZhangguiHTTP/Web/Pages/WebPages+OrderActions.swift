import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension WebPages {
    /// `POST /orders/actions`: `action` and the chosen orders' `id`s. Review actions (approve, hold, release,
    /// cancel) need orders.review and run on each chosen order through the same code as the JSON API; a refused
    /// order is listed with the reason and does not stop the others. Fulfilment steps (allocate, waybill, ship)
    /// need orders.fulfil and, like `zhanggui allocate`, take every order ready for them.
    func orderActions(_ context: PageContext) throws -> HTTPResponse {
        let texts = context.texts
        let action = context.form["action"] ?? ""
        let body: HTML
        if let review = ZhangguiAPI.OrderAction(rawValue: action) {
            guard context.can(.ordersReview) else {
                return errorPage(.forbidden, .forbidden, texts: texts, context: context)
            }
            body = try reviewResults(review, context)
        } else if ["allocate", "waybill", "ship"].contains(action) {
            guard context.can(.ordersFulfil) else {
                return errorPage(.forbidden, .forbidden, texts: texts, context: context)
            }
            body = try batchResult(action, context)
        } else {
            throw PageProblem(.unknownAction)
        }
        return Responses.page(Layout(context: context).render(title: texts(.results), body: body))
    }

    private func reviewResults(_ action: ZhangguiAPI.OrderAction, _ context: PageContext) throws -> HTML {
        let texts = context.texts
        let ids = context.form.values("id")
        guard !ids.isEmpty else { throw PageProblem(.chooseOrders) }
        guard ids.count <= Self.deskPageSize else {
            throw PageProblem(.tooManyOrders, ["limit": String(Self.deskPageSize)])
        }
        let note = action == .hold ? context.form["note"] : nil
        if let note, note.count > Self.maximumNoteLength {
            throw PageProblem(.noteTooLong, ["limit": String(Self.maximumNoteLength)])
        }
        let rows = try ids.map { try reviewOne($0, action, note: note, context) }
        return """
            <h1>\(texts(.results))</h1>
            <table><tr><th>\(texts(.order))</th><th>\(texts(.outcome))</th></tr>\(rows)</table>
            \(backLink(texts))
            """
    }

    /// One row of the results: the order's new state, or why it was refused. An id that is not a number, not the
    /// company's or outside the user's shops is "not found".
    private func reviewOne(_ text: String, _ action: ZhangguiAPI.OrderAction, note: String?, _ context: PageContext)
        throws -> HTML
    {
        let texts = context.texts
        let principal = context.principal
        guard let id = Int64(text), id > 0,
            let shop = try database.read({ try APIQueries($0).shopOfTrade(id, companyID: principal.companyID) }),
            principal.scope.admits(shop: shop)
        else { return "<tr><td>\(text)</td><td class=\"error\">\(texts(.notFound))</td></tr>" }
        do {
            let result = try api.perform(action, tradeID: id, note: note, principal)
            return "<tr><td><a href=\"/orders/\(id)\">\(id)</a></td><td>\(texts.state(result.state))</td></tr>"
        } catch let error as OrderActionError {
            return "<tr><td>\(text)</td><td class=\"error\">\(texts(Messages.of(error).1))</td></tr>"
        }
    }

    private func batchResult(_ action: String, _ context: PageContext) throws -> HTML {
        let texts = context.texts
        let summary: String
        switch action {
        case "allocate":
            let answer = try api.allocate(context.principal)
            summary = texts(.allocated, ["trades": "\(answer.trades)", "shipments": "\(answer.shipments)"])
        case "waybill":
            let answer = try api.waybill(context.principal)
            summary = texts(.waybilled, ["shipments": "\(answer.shipments)"])
        default:
            let answer = try api.ship(context.principal)
            summary = texts(.shipped, ["trades": "\(answer.trades)", "shipments": "\(answer.shipments)"])
        }
        return "<h1>\(texts(.results))</h1><p class=\"notice\">\(summary)</p>\(backLink(texts))"
    }

    /// The longest hold note a page accepts, in characters.
    static let maximumNoteLength = 500

    private func backLink(_ texts: Texts) -> HTML {
        "<p><a href=\"/orders\">\(texts(.backToOrders))</a></p>"
    }
}
