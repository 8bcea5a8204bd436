import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension WebPages {
    /// Rows on one page of stock or ledger.
    static let stockPageSize = 50

    func addStockRoutes(to router: inout Router) {
        page(&router, .get, "/stock", .permission(.stockRead)) { try stockPage($0) }
        page(&router, .get, "/stock/ledger", .permission(.stockRead)) { try ledgerPage($0) }
    }

    /// `GET /stock?sku=&warehouse=&low=1&afterSku=&afterWarehouse=`: stock by SKU and warehouse in the user's
    /// warehouses (on hand, reserved, frozen, available), one page by SKU code then warehouse code; each row links
    /// to the SKU's ledger.
    func stockPage(_ context: PageContext) throws -> HTTPResponse {
        let texts = context.texts
        let principal = context.principal
        let low = try context.queryText("low", field: .onlyNothingAvailable, maximumLength: 1)
        guard low.isEmpty || low == "1" else { throw PageProblem(.badFilter, ["field": texts(.onlyNothingAvailable)]) }
        let afterSku = try context.queryText("afterSku", field: .page)
        let afterWarehouse = try context.queryText("afterWarehouse", field: .page)
        let filter = WarehouseQueries.StockFilter(
            skuPrefix: try context.queryText("sku", field: .sku),
            warehouseCode: try context.queryText("warehouse", field: .warehouse),
            isLowOnly: low == "1",
            after: afterSku.isEmpty ? nil : (afterSku, afterWarehouse)
        )
        let places = try database.read {
            try WarehouseQueries($0).stock(
                companyID: principal.companyID,
                warehouseIDs: principal.scope.warehouses.ids,
                filter: filter,
                limit: Self.stockPageSize
            )
        }
        let filters: [(String, String)] = [
            ("sku", filter.skuPrefix), ("warehouse", filter.warehouseCode), ("low", low),
        ]
        var next: HTML = .empty
        if places.count == Self.stockPageSize, let last = places.last {
            let link = PageLink.to("/stock", filters + [("afterSku", last.sku), ("afterWarehouse", last.warehouse)])
            next = "<a href=\"\(link)\">\(texts(.nextPage))</a>"
        }
        let firstLink = PageLink.to("/stock", filters)
        let first: HTML = filter.after == nil ? .empty : "<a href=\"\(firstLink)\">\(texts(.firstPage))</a> "
        let body: HTML = """
            <h1>\(texts(.stock))</h1>
            \(stockFilterForm(texts, filter, low: low))
            \(stockTable(texts, places))
            <p class="pager">\(first)\(next)</p>
            """
        return Responses.page(Layout(context: context).render(title: texts(.stock), body: body))
    }

    private func stockFilterForm(_ texts: Texts, _ filter: WarehouseQueries.StockFilter, low: String) -> HTML {
        let checked: HTML = low == "1" ? " checked" : ""
        return """
            <form method="get" action="/stock" class="filters">
            <label>\(texts(.skuStartsWith))<input name="sku" size="12" value="\(filter.skuPrefix)"></label>
            <label>\(texts(.warehouse))<input name="warehouse" size="8" value="\(filter.warehouseCode)"></label>
            <label>\(texts(.onlyNothingAvailable))<input type="checkbox" name="low" value="1"\(checked)></label>
            <button type="submit" class="primary">\(texts(.filter))</button>
            <a href="/stock">\(texts(.clearFilters))</a>
            </form>
            """
    }

    private func stockTable(_ texts: Texts, _ places: [DeskQueries.StockPlace]) -> HTML {
        guard !places.isEmpty else { return "<p>\(texts(.noStock))</p>" }
        let rows = places.map { place -> HTML in
            let ledger = PageLink.to("/stock/ledger", [("sku", place.sku), ("warehouse", place.warehouse)])
            let availableClass: HTML = place.available <= 0 ? " error" : ""
            return """
                <tr><td><a href="\(ledger)">\(place.sku)</a></td><td>\(place.name)</td><td>\(place.warehouse)</td>\
                <td class="number">\(place.onHand)</td><td class="number">\(place.reserved)</td>\
                <td class="number">\(place.frozen)</td><td class="number\(availableClass)">\(place.available)</td>\
                <td><a href="\(ledger)">\(texts(.ledger))</a></td></tr>
                """
        }
        return """
            <table><tr><th>\(texts(.sku))</th><th>\(texts(.productName))</th><th>\(texts(.warehouse))</th>\
            <th class="number">\(texts(.onHand))</th><th class="number">\(texts(.reserved))</th>\
            <th class="number">\(texts(.frozen))</th><th class="number">\(texts(.available))</th><th></th></tr>\
            \(rows)</table>
            """
    }

    /// `GET /stock/ledger?sku=&warehouse=&before=`: the SKU's balances and, newest first, the ledger entries behind
    /// them in the user's warehouses, each naming its document (an order links to its page); 404 for a SKU the
    /// company does not stock in those warehouses.
    func ledgerPage(_ context: PageContext) throws -> HTTPResponse {
        let texts = context.texts
        let principal = context.principal
        let sku = try context.queryText("sku", field: .sku)
        let warehouse = try context.queryText("warehouse", field: .warehouse)
        let before = try context.queryNumber("before", field: .page)
        guard !sku.isEmpty else { throw PageProblem(.badFilter, ["field": texts(.sku)]) }
        let warehouses = principal.scope.warehouses.ids
        let (places, entries) = try database.read { connection in
            let queries = WarehouseQueries(connection)
            let filter = WarehouseQueries.StockFilter(skuPrefix: sku, warehouseCode: warehouse)
            let places = try queries.stock(
                companyID: principal.companyID,
                warehouseIDs: warehouses,
                filter: filter,
                limit: 100
            ).filter { $0.sku == sku }
            let entries = try queries.ledger(
                companyID: principal.companyID,
                skuCode: sku,
                warehouseCode: warehouse,
                warehouseIDs: warehouses,
                beforeID: before,
                limit: Self.stockPageSize
            )
            return (places, entries)
        }
        guard !places.isEmpty else { throw PageProblem(.notFound, status: .notFound) }
        let title = texts(.ledgerOf, ["sku": sku])
        var next: HTML = .empty
        if entries.count == Self.stockPageSize, let last = entries.last {
            let link = PageLink.to(
                "/stock/ledger",
                [("sku", sku), ("warehouse", warehouse), ("before", String(last.id))]
            )
            next = "<a href=\"\(link)\">\(texts(.olderEntries))</a>"
        }
        let body: HTML = """
            <h1>\(title)</h1>
            \(stockTable(texts, places))
            <h2>\(texts(.ledger))</h2>
            \(ledgerTable(context, entries))
            <p class="pager">\(next)</p>
            <p><a href="/stock">\(texts(.backToStock))</a></p>
            """
        return Responses.page(Layout(context: context).render(title: title, body: body))
    }

    private func ledgerTable(_ context: PageContext, _ entries: [WarehouseQueries.LedgerRow]) -> HTML {
        let texts = context.texts
        guard !entries.isEmpty else { return "<p>\(texts(.noLedgerEntries))</p>" }
        let rows = entries.map { entry -> HTML in
            """
            <tr><td>\(context.time(entry.createdAt))</td><td>\(entry.warehouse)</td>\
            <td class="number">\(signed(entry.onHandDelta))</td><td class="number">\(signed(entry.reservedDelta))</td>\
            <td class="number">\(signed(entry.frozenDelta))</td><td class="number">\(texts.yuan(entry.valueDeltaFen))</td>\
            <td>\(texts.stockReason(entry.reason))</td><td>\(documentLink(entry.document, context))</td></tr>
            """
        }
        return """
            <table><tr><th>\(texts(.time))</th><th>\(texts(.warehouse))</th><th class="number">\(texts(.onHand))</th>\
            <th class="number">\(texts(.reserved))</th><th class="number">\(texts(.frozen))</th>\
            <th class="number">\(texts(.value))</th><th>\(texts(.reason))</th><th>\(texts(.document))</th></tr>\
            \(rows)</table>
            """
    }

    /// A ledger entry's document: an order (`trade:ID`) links to its page for those who may read orders; anything
    /// else is shown as written.
    private func documentLink(_ document: String, _ context: PageContext) -> HTML {
        guard document.hasPrefix("trade:"), let id = Int64(document.dropFirst(6)), context.can(.ordersRead) else {
            return "\(document)"
        }
        return "<a href=\"/orders/\(id)\">\(context.texts(.order)) \(id)</a>"
    }

    private func signed(_ number: Int64) -> String {
        number > 0 ? "+\(number)" : String(number)
    }
}
