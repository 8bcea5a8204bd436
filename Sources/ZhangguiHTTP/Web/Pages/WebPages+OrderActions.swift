import ZhangguiAdapters
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension WebPages {
    /// `POST /orders/actions`: `action` and the chosen orders' `id`s. Review actions (approve, hold, release,
    /// cancel) need orders.review and run on each chosen order through the same code as the JSON API; a refused
    /// order is listed with the reason and does not stop the others. Fulfilment steps (allocate, waybill, ship,
    /// labels) need orders.fulfil and act on the chosen orders only (waybill, ship and labels on their parcels).
    func orderActions(_ context: PageContext) throws -> HTTPResponse {
        let texts = context.texts
        let action = context.form["action"] ?? ""
        let body: HTML
        if let review = ZhangguiAPI.OrderAction(rawValue: action) {
            guard context.can(.ordersReview) else {
                return errorPage(.forbidden, .forbidden, texts: texts, context: context)
            }
            body = try reviewResults(review, context)
        } else if ["allocate", "waybill", "ship", "labels"].contains(action) {
            guard context.can(.ordersFulfil) else {
                return errorPage(.forbidden, .forbidden, texts: texts, context: context)
            }
            let ids = try chosenOrders(context)
            if action == "labels" { return try labelsPDF(ids, context) }
            body = try batchResult(action, ids, context)
        } else {
            throw PageProblem(.unknownAction)
        }
        return Responses.page(Layout(context: context).render(title: texts(.results), body: body))
    }

    private func reviewResults(_ action: ZhangguiAPI.OrderAction, _ context: PageContext) throws -> HTML {
        let texts = context.texts
        let ids = try tickedValues(context)
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

    /// The ticked `id` values as posted: at least one, at most a page's worth.
    private func tickedValues(_ context: PageContext) throws -> [String] {
        let ids = context.form.values("id")
        guard !ids.isEmpty else { throw PageProblem(.chooseOrders) }
        guard ids.count <= Self.deskPageSize else {
            throw PageProblem(.tooManyOrders, ["limit": String(Self.deskPageSize)])
        }
        return ids
    }

    /// The ticked orders of the user's company and shops; ids that are not numbers or not theirs are left out,
    /// as the batch steps would pass them over anyway.
    private func chosenOrders(_ context: PageContext) throws -> Set<Int64> {
        let principal = context.principal
        let numbers = try tickedValues(context).compactMap { Int64($0) }.filter { $0 > 0 }
        return try database.read { connection in
            let queries = APIQueries(connection)
            return Set(
                try numbers.filter { id in
                    guard let shop = try queries.shopOfTrade(id, companyID: principal.companyID) else { return false }
                    return principal.scope.admits(shop: shop)
                }
            )
        }
    }

    private func batchResult(_ action: String, _ ids: Set<Int64>, _ context: PageContext) throws -> HTML {
        let texts = context.texts
        let summary: String
        var waiting: HTML = .empty
        switch action {
        case "allocate":
            let answer = try api.allocate(context.principal, orderIDs: ids)
            summary = texts(.allocated, ["trades": "\(answer.trades)", "shipments": "\(answer.shipments)"])
        case "waybill":
            let answer = try api.waybill(context.principal, orderIDs: ids)
            summary = texts(.waybilled, ["shipments": "\(answer.shipments)"])
            waiting = waitingList(answer.waiting ?? [], texts)
        default:
            let answer = try api.ship(context.principal, orderIDs: ids)
            summary = texts(.shipped, ["trades": "\(answer.trades)", "shipments": "\(answer.shipments)"])
        }
        return "<h1>\(texts(.results))</h1><p class=\"notice\">\(summary)</p>\(waiting)\(backLink(texts))"
    }

    /// The labels of the chosen orders' parcels as one PDF, as `zhanggui labels` prints them: the never-printed
    /// ones among them as a new print batch, or, when all were printed before, all of them again. Recorded and
    /// audited by `LabelService` as the API's prints are.
    private func labelsPDF(_ ids: Set<Int64>, _ context: PageContext) throws -> HTTPResponse {
        let companyID = context.principal.companyID
        let waybills = try database.read { try DeskQueries($0).waybills(ofTrades: ids, companyID: companyID) }
        guard !waybills.isEmpty else { throw PageProblem(.noWaybillYet, status: .conflict) }
        let service = LabelService(database: database, renderer: PDFLabelRenderer())
        let printed: PrintedLabels
        do {
            printed = try service.print(.unprintedAmong(waybills), companyID: companyID, actor: context.principal.actor)
            { _ in }
        } catch let error as LabelError where error.code == .nothingToPrint {
            printed = try service.print(.waybills(waybills), companyID: companyID, actor: context.principal.actor) {
                _ in
            }
        } catch let error as LabelError {
            throw Self.pageProblem(error)
        }
        var headers: HTTPHeaders = ["Content-Type": "application/pdf", "Cache-Control": "no-store"]
        headers.set("Content-Disposition", "inline; filename=\"labels.pdf\"")
        return HTTPResponse(headers: headers, body: printed.pdf)
    }

    /// The parcels a waybill step left waiting, each with its reason (the courier's words), after the summary.
    private func waitingList(_ waiting: [WaitingShipment], _ texts: Texts) -> HTML {
        guard !waiting.isEmpty else { return "" }
        let items: [HTML] = waiting.map { parcel in
            "<li>\(texts(.parcelWaits, ["shipment": String(parcel.shipmentID), "reason": parcel.reason]))</li>"
        }
        return "<ul class=\"error\">\(items)</ul>"
    }

    /// The longest hold note a page accepts, in characters.
    static let maximumNoteLength = 500

    private func backLink(_ texts: Texts) -> HTML {
        "<p><a href=\"/orders\">\(texts(.backToOrders))</a></p>"
    }
}
