import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension WebPages {
    /// `GET /orders/{id}`: the order as the JSON API gives it (lines, money, receiver, notes, holds with the check
    /// that raised each, shipment, parts), the actions the user may take, and its history from the audit log for
    /// those who may read it. Another company's order, or one outside the user's shops, is 404.
    func orderPage(_ context: PageContext) throws -> HTTPResponse {
        let texts = context.texts
        let id = try api.tradeID(context.request, context.principal)
        guard let order = try api.orderDetail(id, context.principal) else { throw HTTPError.objectNotFound("order") }
        let number = order.splitSeq > 0 ? "\(order.platformOrderID)-\(order.splitSeq)" : order.platformOrderID
        let priority: HTML = order.isHighPriority ? " <span class=\"badge\">\(texts(.highPriorityShort))</span>" : ""
        let actions: HTML =
            context.can(.ordersReview)
            ? """
            <form method="post" action="/orders/actions">\(context.csrfField)\
            <input type="hidden" name="id" value="\(order.id)">\
            \(actionButtons(context, for: TradeState(rawValue: order.state) ?? .shipped))</form>
            """
            : .empty
        let body: HTML = """
            <h1>\(texts(.order)) \(number)\(priority)</h1>
            <p>\(order.shop) · \(texts.state(order.state)) · \(texts(.orderedAt)) \(context.time(order.orderedAt))</p>
            \(actions)
            \(holds(order, texts))
            \(receiver(order, texts))
            \(lines(order, texts))
            \(try shipment(order, context))
            \(changeForms(order, context))
            \(try history(order, context))
            """
        return Responses.page(Layout(context: context).render(title: "\(texts(.order)) \(number)", body: body))
    }

    private func holds(_ order: ZhangguiAPI.OrderDetail, _ texts: Texts) -> HTML {
        guard !order.holds.isEmpty else { return .empty }
        let rows = order.holds.map { hold -> HTML in
            """
            <tr><td>\(texts.holdReason(hold.reason))</td><td><code>\(hold.check)</code></td>\
            <td>\(hold.detail)</td></tr>
            """
        }
        return """
            <h2>\(texts(.holds))</h2>
            <table><tr><th>\(texts(.holdReason))</th><th>\(texts(.check))</th><th>\(texts(.detail))</th></tr>\
            \(rows)</table>
            """
    }

    private func receiver(_ order: ZhangguiAPI.OrderDetail, _ texts: Texts) -> HTML {
        let receiver = order.receiver
        return """
            <h2>\(texts(.receiver))</h2>
            <p>\(receiver.name) · \(receiver.phone)<br>\
            \(receiver.province) \(receiver.city) \(receiver.district) \(receiver.address)</p>
            <h2>\(texts(.notes))</h2>
            <p>\(texts(.buyerNote)): <span class="note">\(order.buyerNote)</span><br>\
            \(texts(.sellerMemo)): <span class="note">\(order.sellerMemo)</span></p>
            """
    }

    private func lines(_ order: ZhangguiAPI.OrderDetail, _ texts: Texts) -> HTML {
        let rows = order.lines.map { line -> HTML in
            """
            <tr><td>\(line.lineNo)</td><td>\(line.merchantCode)</td><td>\(line.name)</td>\
            <td class="number">\(line.quantity)</td><td class="number">\(texts.yuan(line.unitPriceFen))</td>\
            <td class="number">\(texts.yuan(line.discountFen))</td>\
            <td class="number">\(texts.yuan(line.netFen))</td></tr>
            """
        }
        return """
            <h2>\(texts(.lines))</h2>
            <table><tr><th>#</th><th>\(texts(.sku))</th><th>\(texts(.productName))</th>\
            <th class="number">\(texts(.quantity))</th><th class="number">\(texts(.unitPrice))</th>\
            <th class="number">\(texts(.discount))</th><th class="number">\(texts(.net))</th></tr>\(rows)</table>
            <p>\(texts(.orderDiscount)) \(texts.yuan(order.discountFen)) · \(texts(.freight)) \
            \(texts.yuan(order.freightFen)) · <strong>\(texts(.paid)) \(texts.yuan(order.paidFen))</strong></p>
            """
    }

    /// The courier's last error on the parcel's open waybill request (a courier down or refusing), if any.
    private func waybillError(_ shipmentID: Int64, _ context: PageContext) throws -> String? {
        try database.read { connection in
            try WaybillRequestRecords(connection).open(shipmentID: shipmentID, companyID: context.principal.companyID)
        }?.error
    }

    private func shipment(_ order: ZhangguiAPI.OrderDetail, _ context: PageContext) throws -> HTML {
        let texts = context.texts
        var parts: [HTML] = []
        if let shipment = order.shipment {
            let shipped: HTML = shipment.shippedAt.map { " · \(texts(.shippedAt)) \(context.time($0))" } ?? .empty
            parts.append("<p>\(texts(.waybill)): \(shipment.courier ?? "") \(shipment.waybill ?? "—")\(shipped)</p>")
            if shipment.waybill == nil, let error = try waybillError(shipment.id, context) {
                let reason = texts(.parcelWaits, ["shipment": String(shipment.id), "reason": error])
                parts.append("<p class=\"error\">\(reason)</p>")
            }
        }
        if order.parts.count > 1 {
            let links = order.parts.map { part -> HTML in
                """
                <li><a href="/orders/\(part.id)">\(order.platformOrderID)-\(part.splitSeq)</a> \
                \(texts.state(part.state))</li>
                """
            }
            parts.append("<p>\(texts(.splitParts))</p><ul>\(links)</ul>")
        }
        return parts.isEmpty ? .empty : "<h2>\(texts(.shipment))</h2>\(parts)"
    }

    private func history(_ order: ZhangguiAPI.OrderDetail, _ context: PageContext) throws -> HTML {
        guard context.can(.auditRead) else { return .empty }
        let texts = context.texts
        let entries = try AuditLog(database: database).entries(
            about: AuditObject(type: "order", id: String(order.id)),
            principal: context.principal,
            limit: 100
        )
        guard !entries.isEmpty else { return "<h2>\(texts(.history))</h2><p>\(texts(.noHistory))</p>" }
        let emails = try database.read { connection in
            Dictionary(
                try UserRecords(connection).users(companyID: context.principal.companyID).map { ($0.id, $0.email) },
                uniquingKeysWith: { first, _ in first }
            )
        }
        let rows = entries.map(\.entry).map { entry -> HTML in
            """
            <tr><td>\(context.time(entry.at))</td><td><code>\(entry.action)</code></td>\
            <td>\(entry.userID.flatMap { emails[$0] } ?? "")</td><td><code>\(entry.beforeJSON ?? "")</code></td>\
            <td><code>\(entry.afterJSON ?? "")</code></td></tr>
            """
        }
        return """
            <h2>\(texts(.history))</h2>
            <table><tr><th>\(texts(.time))</th><th>\(texts(.action))</th><th>\(texts(.user))</th>\
            <th>\(texts(.before))</th><th>\(texts(.after))</th></tr>\(rows)</table>
            """
    }
}
