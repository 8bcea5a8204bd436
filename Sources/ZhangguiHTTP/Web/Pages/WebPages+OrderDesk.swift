import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension WebPages {
    /// Rows on one page of the order desk.
    static let deskPageSize = 50

    func addOrderDeskRoutes(to router: inout Router) {
        page(&router, .get, "/orders", .permission(.ordersRead)) { try orderDesk($0) }
        page(&router, .get, "/orders/{id}", .permission(.ordersRead)) { try orderPage($0) }
        page(&router, .post, "/orders/actions", .permission(.ordersRead)) { try orderActions($0) }
    }

    /// `GET /orders`: one page of orders matching the filters, with the bulk actions the user may run.
    func orderDesk(_ context: PageContext) throws -> HTTPResponse {
        let texts = context.texts
        let principal = context.principal
        let shopIDs = principal.scope.shops.ids
        let shops = try database.read { try DeskQueries($0).shops(companyID: principal.companyID, shopIDs: shopIDs) }
        let filter: OrderDeskFilter
        do {
            filter = try OrderDeskFilter(context.request, shopIDs: shopIDs, limit: Self.deskPageSize)
        } catch {
            let problem: HTML = "<p class=\"error\">\(texts(.badFilter, ["field": texts(error.field)]))</p>"
            let body: HTML =
                "<h1>\(texts(.orderDesk))</h1>\(problem)<p><a href=\"/orders\">\(texts(.clearFilters))</a></p>"
            return Responses.page(
                Layout(context: context).render(title: texts(.orderDesk), body: body),
                status: .badRequest
            )
        }
        let rows = try database.read {
            try DeskQueries($0).orders(companyID: principal.companyID, filter: filter.query)
        }
        let next = rows.count == filter.query.limit ? rows.last?.cursor(for: filter.query.sort).text : nil
        let first: HTML =
            filter.query.cursor == nil ? .empty : "<a href=\"\(filter.link(cursor: nil))\">\(texts(.firstPage))</a> "
        let nextLink: HTML = next.map { "<a href=\"\(filter.link(cursor: $0))\">\(texts(.nextPage))</a>" } ?? .empty
        let body: HTML = """
            <h1>\(texts(.orderDesk))</h1>
            \(filterForm(context, filter, shops: shops))
            \(bulkForm(context, rows))
            <p class="pager">\(first)\(nextLink)</p>
            """
        return Responses.page(Layout(context: context).render(title: texts(.orderDesk), body: body))
    }

    private func filterForm(_ context: PageContext, _ filter: OrderDeskFilter, shops: [(code: String, name: String)])
        -> HTML
    {
        let texts = context.texts
        let states = TradeState.allCases.map { (value: $0.rawValue, label: texts.state($0.rawValue)) }
        let reasons = HoldReason.allCases.map { (value: $0.rawValue, label: texts.holdReason($0.rawValue)) }
        let sorts: [(value: String, label: String)] = [
            ("-id", texts(.sortNewest)), ("id", texts(.sortOldest)), ("-paid", texts(.sortPaidHighest)),
            ("paid", texts(.sortPaidLowest)),
        ]
        let priority: HTML = filter.value("priority") == "1" ? " checked" : ""
        let shopOptions = shops.map { (value: $0.code, label: $0.code == $0.name ? $0.code : "\($0.code) \($0.name)") }
        return """
            <form method="get" action="/orders" class="filters">
            \(select("shop", texts(.shop), shopOptions, filter, texts))
            \(select("state", texts(.state), states, filter, texts))
            \(select("hold", texts(.holdReason), reasons, filter, texts))
            <label>\(texts(.fromDay))<input type="date" name="from" value="\(filter.value("from"))"></label>
            <label>\(texts(.toDay))<input type="date" name="to" value="\(filter.value("to"))"></label>
            <label>\(texts(.phoneTail))<input name="phone" inputmode="numeric" size="6" \
            value="\(filter.value("phone"))"></label>
            <label>\(texts(.sku))<input name="sku" size="10" value="\(filter.value("sku"))"></label>
            <label>\(texts(.waybill))<input name="waybill" size="12" value="\(filter.value("waybill"))"></label>
            <label>\(texts(.highPriority))<input type="checkbox" name="priority" value="1"\(priority)></label>
            \(select("sort", texts(.sort), sorts, filter, texts, hasAll: false))
            <button type="submit" class="primary">\(texts(.filter))</button>
            <a href="/orders">\(texts(.clearFilters))</a>
            </form>
            """
    }

    private func select(
        _ name: String,
        _ label: String,
        _ options: [(value: String, label: String)],
        _ filter: OrderDeskFilter,
        _ texts: Texts,
        hasAll: Bool = true
    ) -> HTML {
        let chosen = filter.value(name)
        let all: HTML = hasAll ? "<option value=\"\">\(texts(.all))</option>" : .empty
        let items = options.map { option -> HTML in
            let selected: HTML = option.value == chosen ? " selected" : ""
            return "<option value=\"\(option.value)\"\(selected)>\(option.label)</option>"
        }
        return "<label>\(label)<select name=\"\(name)\">\(all)\(items)</select></label>"
    }

    private func bulkForm(_ context: PageContext, _ rows: [DeskQueries.OrderRow]) -> HTML {
        let texts = context.texts
        guard !rows.isEmpty else { return "<p>\(texts(.noOrders))</p>" }
        let lines = rows.map { row -> HTML in
            let priority: HTML = row.isHighPriority ? " <span class=\"badge\">\(texts(.highPriorityShort))</span>" : ""
            let holds = row.holdReasons.map { texts.holdReason($0) }.joined(separator: ", ")
            let number = row.splitSeq > 0 ? "\(row.platformOrderID)-\(row.splitSeq)" : row.platformOrderID
            return """
                <tr><td><input type="checkbox" name="id" value="\(row.id)"></td>\
                <td><a href="/orders/\(row.id)">\(number)</a>\(priority)</td><td>\(row.shop)</td>\
                <td>\(texts.state(row.state))</td><td>\(holds)</td><td>\(row.businessDay)</td>\
                <td>\(row.receiverName)</td><td class="number">\(texts.yuan(row.paidFen))</td>\
                <td>\(row.waybill ?? "")</td></tr>
                """
        }
        return """
            <form method="post" action="/orders/actions">\(context.csrfField)
            \(actionButtons(context, for: nil))
            <table><tr><th></th><th>\(texts(.orderNumber))</th><th>\(texts(.shop))</th><th>\(texts(.state))</th>\
            <th>\(texts(.holdReason))</th><th>\(texts(.businessDay))</th><th>\(texts(.receiver))</th>\
            <th class="number">\(texts(.paid))</th><th>\(texts(.waybill))</th></tr>
            \(lines)
            </table>
            </form>
            """
    }

    /// The buttons of the actions the user may run. On the desk (`state` nil): approve, hold and release, and the
    /// fulfilment steps (allocate, waybill, ship, print labels), all for the ticked orders. On an order's page:
    /// the review actions that `TradeWorkflow` allows from the order's state, cancel included.
    func actionButtons(_ context: PageContext, for state: TradeState?) -> HTML {
        let texts = context.texts
        var buttons: [HTML] = []
        if context.can(.ordersReview) {
            let actions: [(TradeAction, Message)] = [
                (.approve, .approve), (.hold, .hold), (.release, .release), (.cancel, .cancel),
            ]
            for (action, label) in actions where Self.offers(action, from: state) {
                let note: HTML =
                    action == .hold ? "<input name=\"note\" placeholder=\"\(texts(.holdNote))\" size=\"12\">" : .empty
                let button: HTML = "<button type=\"submit\" name=\"action\" value=\"\(action.rawValue)\">"
                buttons.append("\(note)\(button)\(texts(label))</button>")
            }
        }
        if context.can(.ordersFulfil), state == nil {
            let steps: [(String, Message)] = [
                ("allocate", .allocateAll), ("waybill", .waybillAll), ("ship", .shipAll),
                ("labels", .printTickedLabels),
            ]
            for (action, label) in steps {
                buttons.append("<button type=\"submit\" name=\"action\" value=\"\(action)\">\(texts(label))</button>")
            }
        }
        return buttons.isEmpty ? .empty : "<div class=\"actions\">\(buttons)</div>"
    }

    /// Whether a review action is offered: on the desk all but cancel, on an order's page those its state allows.
    private static func offers(_ action: TradeAction, from state: TradeState?) -> Bool {
        guard let state else { return action != .cancel }
        return TradeWorkflow.transitions[action]?.from.contains(state) ?? false
    }
}
