import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension WebPages {
    func addLabelRoutes(to router: inout Router) {
        let fulfil = RouteAccess.permission(.ordersFulfil)
        page(&router, .get, "/labels", fulfil) { try labelsPage($0) }
        page(&router, .post, "/labels/print", fulfil) { try printLabels($0) }
        page(&router, .post, "/labels/reprint", fulfil) { try reprintLabels($0) }
        page(&router, .get, "/labels/picklist", fulfil) { try pickListDocument($0) }
    }

    /// `GET /labels`: how many waybilled parcels wait for their label, the buttons that print them and their
    /// picking list, and the latest print batches with their reprint and picking list.
    func labelsPage(_ context: PageContext) throws -> HTTPResponse {
        let texts = context.texts
        let companyID = context.principal.companyID
        let (waiting, batches) = try database.read { connection in
            (
                try LabelRecords(connection).unprintedShipmentIDs(companyID: companyID).count,
                try WarehouseQueries(connection).printBatches(companyID: companyID, limit: 20)
            )
        }
        let background: HTML =
            waiting >= Self.backgroundLabelThreshold
            ? "<input type=\"hidden\" name=\"background\" value=\"1\">" : .empty
        let printForm: HTML =
            waiting == 0
            ? "<p>\(texts(.noLabelsWaiting))</p>"
            : """
            <p class="notice">\(texts(.labelsWaiting, ["parcels": String(waiting)]))</p>
            <div class="actions">
            <form method="post" action="/labels/print" class="inline">\(context.csrfField)\
            \(background)<button type="submit" class="primary">\(texts(.printLabels))</button></form>
            <a href="/labels/picklist">\(texts(.pickList))</a>
            </div>
            """
        let body: HTML = """
            <h1>\(texts(.labels))</h1>
            \(printForm)
            <h2>\(texts(.printBatches))</h2>
            \(batchTable(context, batches))
            <h2>\(texts(.reprintWaybills))</h2>
            <form method="post" action="/labels/reprint" class="filters">\(context.csrfField)
            <label>\(texts(.waybills))<input name="waybills" size="40"></label>
            <button type="submit">\(texts(.reprint))</button>
            </form>
            """
        return Responses.page(Layout(context: context).render(title: texts(.labels), body: body))
    }

    private func batchTable(_ context: PageContext, _ batches: [WarehouseQueries.PrintBatch]) -> HTML {
        let texts = context.texts
        guard !batches.isEmpty else { return "<p>\(texts(.noPrintBatches))</p>" }
        let rows = batches.map { batch -> HTML in
            """
            <tr><td>\(batch.number)</td><td>\(context.time(batch.createdAt))</td>\
            <td class="number">\(batch.parcels)</td><td>\
            <form method="post" action="/labels/reprint" class="inline">\(context.csrfField)\
            <input type="hidden" name="batch" value="\(batch.number)">\
            <button type="submit">\(texts(.reprint))</button></form> \
            <a href="/labels/picklist?batch=\(batch.number)">\(texts(.pickList))</a></td></tr>
            """
        }
        return """
            <table><tr><th>\(texts(.printBatch))</th><th>\(texts(.time))</th><th class="number">\(texts(.parcels))</th>\
            <th></th></tr>\(rows)</table>
            """
    }

    /// `POST /labels/print`: a new batch of every waybilled parcel without a label, as one PDF, through the code
    /// behind `POST /api/v1/labels`.
    func printLabels(_ context: PageContext) throws -> HTTPResponse {
        if context.form["background"] == "1" { return try printLabelsInBackground(context) }
        let printed = try answeringLabels(context) { try api.printLabels(.unprinted, context.principal) }
        return Self.pdf(printed.pdf, name: "labels-\(printed.batchNumber ?? 0).pdf")
    }

    /// Waiting parcels from which the labels page prints as a background task, so a big batch can be left.
    static let backgroundLabelThreshold = 200

    /// The new batch printed as a background task; the browser goes to the task's page, where the PDF waits.
    private func printLabelsInBackground(_ context: PageContext) throws -> HTTPResponse {
        let principal = context.principal
        let api = self.api
        let waiting = try database.read {
            try LabelRecords($0).unprintedShipmentIDs(companyID: principal.companyID).count
        }
        let id = try api.tasks.start(
            kind: "labels.print",
            companyID: principal.companyID,
            startedBy: principal.userID,
            total: Int64(waiting)
        ) { progress in
            do {
                let printed = try api.printLabels(.unprinted, principal) {
                    progress.advance("rendering", done: Int64($0), total: Int64($1))
                }
                let message = "batch=\(printed.batchNumber ?? 0) labels=\(printed.waybills.count)"
                return .init(message: message, result: printed.pdf, resultExtension: "pdf")
            } catch let error as LabelError {
                throw BackgroundTaskRunner.Failure(error.detail)
            }
        }
        return Responses.redirect(to: "/tasks/\(id)")
    }

    /// `POST /labels/reprint` `batch` or `waybills` (separated by spaces or commas): the labels again, each
    /// reprint recorded and audited, through the code behind `GET /api/v1/labels`.
    func reprintLabels(_ context: PageContext) throws -> HTTPResponse {
        let texts = context.texts
        let batchText = try context.formText("batch", field: .printBatch, maximumLength: 18)
        let waybillText = try context.formText("waybills", field: .waybills, maximumLength: 2_000)
        let waybills = waybillText.split { $0 == "," || $0 == " " }.map(String.init)
        let selection: LabelSelection
        if !batchText.isEmpty {
            guard let number = Int64(batchText), number > 0 else {
                throw PageProblem(.badField, ["field": texts(.printBatch)])
            }
            selection = .batch(number)
        } else if !waybills.isEmpty {
            selection = .waybills(waybills)
        } else {
            throw PageProblem(.badField, ["field": texts(.waybills)])
        }
        let printed = try answeringLabels(context) { try api.printLabels(selection, context.principal) }
        let name = batchText.isEmpty ? "labels-reprint.pdf" : "labels-\(batchText)-reprint.pdf"
        return Self.pdf(printed.pdf, name: name)
    }

    /// `GET /labels/picklist[?batch=N]`: the picking list as PDF, of batch N or of the parcels waiting for labels.
    func pickListDocument(_ context: PageContext) throws -> HTTPResponse {
        let batch = try context.queryNumber("batch", field: .printBatch)
        let pdf = try answeringLabels(context) { try api.pickListPDF(batch: batch, context.principal) }
        return Self.pdf(pdf, name: batch.map { "picklist-\($0).pdf" } ?? "picklist.pdf")
    }

    /// Turns a label refusal into a page problem with the catalogue's text.
    private func answeringLabels<T>(_ context: PageContext, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as LabelError {
            throw Self.pageProblem(error)
        }
    }

    /// The page problem for a label refusal: a warehouse without a sender is named with the command that sets it.
    static func pageProblem(_ error: LabelError) -> PageProblem {
        switch error.code {
        case .nothingToPrint, .nothingToPick: PageProblem(.noLabelsWaiting, status: .conflict)
        case .unknownBatch, .unknownWaybill: PageProblem(.notFound, status: .notFound)
        case .notPrinted: PageProblem(.labelNotPrinted, status: .conflict)
        case .noSender:
            PageProblem(
                .warehouseNeedsSender,
                ["warehouse": error.warehouseCodes.joined(separator: ", ")],
                status: .conflict
            )
        case .printedMeanwhile, .badSetting: PageProblem(.labelsChangedMeanwhile, status: .conflict)
        }
    }

    /// A PDF to save, named `name`, with the pages' safety headers.
    static func pdf(_ bytes: [UInt8], name: String) -> HTTPResponse {
        var response = Responses.page("", status: .ok)
        response.body = bytes
        response.headers.set("Content-Type", "application/pdf")
        response.headers.add("Content-Disposition", "attachment; filename=\"\(name)\"")
        return response
    }
}
