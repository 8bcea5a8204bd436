import ZhangguiAdapters
import ZhangguiCore
import ZhangguiServices

extension ZhangguiAPI {
    func addLabelRoutes(to router: inout Router) {
        let fulfil = RouteAccess.permission(.ordersFulfil)
        add(&router, .post, "/api/v1/labels", fulfil, "print a new batch of labels as one PDF", printLabels)
        add(
            &router,
            .get,
            "/api/v1/labels",
            fulfil,
            "print a batch or waybills' labels again (PDF, audited)",
            query: ["batch", "waybill"],
            reprintLabels
        )
        add(&router, .get, "/api/v1/picklist", fulfil, "a picking list as PDF", query: ["batch"], pickList)
    }

    /// `POST /api/v1/labels`: as `zhanggui labels`: every waybilled parcel without a printed label, in pick order,
    /// one PDF; the batch number in `X-Print-Batch`.
    func printLabels(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        try refuseBody(request)
        return try printed(.unprinted, principal)
    }

    /// `GET /api/v1/labels?batch=N` or `?waybill=A,B`: the labels printed again, each reprint recorded and audited.
    func reprintLabels(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        try printed(try reprintSelection(request), principal)
    }

    /// `GET /api/v1/picklist[?batch=N]`: the picking list of batch N, or of the parcels waiting for labels.
    func pickList(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let number = try batchQuery(request)
        let pdf = try answeringLabelRefusals { try pickListPDF(batch: number, principal) }
        return HTTPResponse(headers: ["Content-Type": "application/pdf"], body: pdf)
    }

    /// The picking list of print batch `batch`, or of the parcels waiting for labels when nil, as PDF: the code
    /// behind the route and the labels page.
    /// - Throws: ``LabelError``.
    func pickListPDF(batch number: Int64?, _ principal: Principal) throws -> [UInt8] {
        let selection: LabelSelection = number.map { .batch($0) } ?? .unprinted
        let title = number.map { "批次 \($0)" } ?? "待打印"
        return try labelService.renderPickList(selection, companyID: principal.companyID, title: title)
    }

    /// Prints `selection` as the principal: a new batch for ``LabelSelection/unprinted``, an audited reprint
    /// otherwise: the code behind the label routes and the labels page. `labelDrawn` hears how many of how many
    /// labels are drawn, page by page.
    /// - Throws: ``LabelError``.
    func printLabels(
        _ selection: LabelSelection,
        _ principal: Principal,
        labelDrawn: (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) throws -> PrintedLabels {
        try labelService.print(
            selection,
            companyID: principal.companyID,
            actor: principal.actor,
            labelDrawn: labelDrawn
        ) { _ in }
    }

    private var labelService: LabelService { LabelService(database: database, renderer: PDFLabelRenderer()) }

    private func printed(_ selection: LabelSelection, _ principal: Principal) throws -> HTTPResponse {
        let printed = try answeringLabelRefusals { try printLabels(selection, principal) }
        var headers: HTTPHeaders = ["Content-Type": "application/pdf"]
        if let number = printed.batchNumber { headers.set("X-Print-Batch", String(number)) }
        return HTTPResponse(headers: headers, body: printed.pdf)
    }

    private func reprintSelection(_ request: HTTPRequest) throws -> LabelSelection {
        let waybills = (request.queryValue("waybill") ?? "").split(separator: ",").map(String.init)
        switch (try batchQuery(request), waybills.isEmpty) {
        case (let number?, true): return .batch(number)
        case (nil, false): return .waybills(waybills)
        default: throw HTTPError.invalidQuery("batch", "give batch=N or waybill=NUMBER[,NUMBER…], not both")
        }
    }

    private func batchQuery(_ request: HTTPRequest) throws(HTTPError) -> Int64? {
        guard let text = request.queryValue("batch"), !text.isEmpty else { return nil }
        guard let number = Int64(text), number > 0 else {
            throw .invalidQuery("batch", "batch must be a print batch number (1, 2, …)")
        }
        return number
    }

    /// Label refusals as answers: unknown batches and waybills 404, everything else the client can fix 409.
    private func answeringLabelRefusals<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as LabelError {
            switch error.code {
            case .unknownBatch, .unknownWaybill: throw HTTPError(.notFound, code: .notFound, message: error.detail)
            default: throw HTTPError(.conflict, code: .conflict, message: error.detail)
            }
        }
    }
}
