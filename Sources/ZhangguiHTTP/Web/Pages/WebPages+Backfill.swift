import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension WebPages {
    /// The form on the shops page that backfills one shop: first and last business day, both included.
    func backfillForm(_ shop: ShopConnection, _ context: PageContext) -> HTML {
        let texts = context.texts
        return """
            <form method="post" action="/shops/\(shop.shopID)/backfill" class="inline">\(context.csrfField)\
            <label>\(texts(.backfillFrom)) <input type="date" name="from" required></label> \
            <label>\(texts(.backfillTo)) <input type="date" name="to" required></label> \
            <button type="submit">\(texts(.backfill))</button></form>
            """
    }

    /// `POST /shops/{id}/backfill` `from`, `to` (business days `yyyy-MM-dd` in the company's zone, both included):
    /// reads the shop's orders and after-sales requests modified in those days again, as `zhanggui shop backfill`
    /// does, as a ``BackfillTask`` whose progress is the sync windows done of their number. The browser goes to the
    /// task's page.
    func backfillShop(_ context: PageContext) throws -> HTTPResponse {
        let principal = context.principal
        guard let id = context.request.pathID("id"), principal.scope.admits(shop: id),
            let shop = try shopStates(context).first(where: { $0.shop.shopID == id })?.shop
        else { throw HTTPError.objectNotFound("shop") }
        guard let sync = api.settings.shopSync else { throw PageProblem(.syncUnavailable, status: .serviceUnavailable) }
        let range = try backfillRange(context)
        let backfill = BackfillTask(sync: sync, companyID: principal.companyID, shopID: shop.shopID, range: range)
        let taskID = try api.tasks.start(
            kind: BackfillTask.kind,
            companyID: principal.companyID,
            startedBy: principal.userID,
            total: 0,
            work: backfill.run
        )
        return Responses.redirect(to: "/tasks/\(taskID)")
    }

    /// The range of the form's days: from the start of `from` to the end of `to` in the company's zone.
    private func backfillRange(_ context: PageContext) throws -> SyncWindow {
        let texts = context.texts
        let calendar = try database.read { try CompanyContext.load(context.principal.companyID, from: $0) }.calendar
        let fromText = try context.formText("from", field: .backfillFrom, maximumLength: 10)
        let toText = try context.formText("to", field: .backfillTo, maximumLength: 10)
        guard let from = calendar.instant(ofLocal: fromText + " 00:00") else {
            throw PageProblem(.badField, ["field": texts(.backfillFrom)])
        }
        guard let lastSecond = calendar.instant(ofLocal: toText + " 23:59:59"), lastSecond > from else {
            throw PageProblem(.badField, ["field": texts(.backfillTo)])
        }
        return SyncWindow(startMillis: from * 1000, endMillis: (lastSecond + 1) * 1000)
    }
}
