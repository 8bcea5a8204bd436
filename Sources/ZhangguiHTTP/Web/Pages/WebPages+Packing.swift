import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension WebPages {
    func addPackingRoutes(to router: inout Router) {
        let fulfil = RouteAccess.permission(.ordersFulfil)
        page(&router, .get, "/packing", fulfil) { try packingPage($0) }
        page(&router, .post, "/packing/scan", fulfil) { try packingScan($0) }
        page(&router, .post, "/packing/finish", fulfil) { try packingFinish($0) }
    }

    /// What the bench shows above the parcel after a scan: big, colored by whether the clerk may go on.
    struct PackingBanner {
        enum Tone: String {
            case good
            case warning
            case bad
        }

        let tone: Tone
        let text: String
    }

    /// `GET /packing[?waybill=]`: the field a scanner types the waybill into; with a waybill, the parcel's
    /// expected items, the field for items and the weight.
    func packingPage(_ context: PageContext) throws -> HTTPResponse {
        let waybill = try context.queryText("waybill", field: .waybill)
        guard !waybill.isEmpty else { return packingScreen(context, contents: nil, banner: nil) }
        return try parcelScreen(context, waybill: waybill, banner: nil)
    }

    /// `POST /packing/scan` `waybill`, `barcode`: one scan through the code behind `POST /api/v1/packing/…/scan`.
    func packingScan(_ context: PageContext) throws -> HTTPResponse {
        let texts = context.texts
        let waybill = try context.formText("waybill", field: .waybill)
        let barcode = try context.formText("barcode", field: .barcode)
        guard !barcode.isEmpty else {
            let banner = PackingBanner(tone: .bad, text: texts(.badField, ["field": texts(.barcode)]))
            return try parcelScreen(context, waybill: waybill, banner: banner, status: .badRequest)
        }
        guard let item = try? ScannedItem(parsing: barcode) else {
            let banner = PackingBanner(tone: .bad, text: texts(.badField, ["field": texts(.barcode)]))
            return try parcelScreen(context, waybill: waybill, banner: banner, status: .badRequest)
        }
        let answer: PackingScanAnswer
        do {
            answer = try api.scanItem(waybill: waybill, barcode: item.barcode, count: item.count, context.principal)
        } catch let error as PackingError {
            return packingRefused(context, error, waybill: waybill)
        }
        let contents = PackingContents(waybill: waybill, lines: answer.lines, isComplete: answer.isComplete)
        return packingScreen(context, contents: contents, banner: scanBanner(answer, texts))
    }

    /// `POST /packing/finish` `waybill`, `weight` (grams): packs the parcel through the code behind
    /// `POST /api/v1/packing/…/finish`; refused, the page names each SKU still missing.
    func packingFinish(_ context: PageContext) throws -> HTTPResponse {
        let texts = context.texts
        let waybill = try context.formText("waybill", field: .waybill)
        let weightText = try context.formText("weight", field: .weightGrams)
        guard let weight = Int64(weightText) else {
            let banner = PackingBanner(tone: .bad, text: texts(.badField, ["field": texts(.weightGrams)]))
            return try parcelScreen(context, waybill: waybill, banner: banner, status: .badRequest)
        }
        let packed: PackedParcel
        do {
            packed = try api.finishParcel(waybill: waybill, weightGrams: weight, context.principal)
        } catch let error as PackingError {
            return packingRefused(context, error, waybill: waybill)
        }
        let banner = PackingBanner(
            tone: .good,
            text: texts(.parcelPacked, ["waybill": packed.waybill, "grams": String(packed.weightGrams)])
        )
        let orderIDs = try database.read {
            try DeskQueries($0).tradeIDs(shipmentID: packed.shipmentID, companyID: context.principal.companyID)
        }
        let orderFields: [HTML] = orderIDs.map { "<input type=\"hidden\" name=\"id\" value=\"\(String($0))\">" }
        let ship: HTML = """
            <form method="post" action="/orders/actions" class="actions">\(context.csrfField)\(orderFields)\
            <button type="submit" name="action" value="ship" class="primary">\(texts(.shipPacked))</button></form>
            """
        return packingScreen(context, contents: nil, banner: banner, after: ship)
    }

    private func parcelScreen(
        _ context: PageContext,
        waybill: String,
        banner: PackingBanner?,
        status: HTTPStatus = .ok
    ) throws -> HTTPResponse {
        do {
            let contents = try PackingService(database: database).contents(
                waybill: waybill,
                companyID: context.principal.companyID,
                scope: context.principal.scope
            )
            return packingScreen(context, contents: contents, banner: banner, status: status)
        } catch let error as PackingError {
            return packingRefused(context, error, waybill: waybill)
        }
    }

    /// A refusal of the packing service, said on the bench with the status the API would answer.
    private func packingRefused(_ context: PageContext, _ error: PackingError, waybill: String) -> HTTPResponse {
        let texts = context.texts
        let contents = try? PackingService(database: database).contents(
            waybill: waybill,
            companyID: context.principal.companyID,
            scope: context.principal.scope
        )
        let missing = (contents?.lines ?? []).filter { $0.scanned < $0.wanted }.map {
            "\($0.sku) ×\($0.wanted - $0.scanned)"
        }
        let parameters = ["waybill": waybill, "missing": missing.joined(separator: ", ")]
        let (status, message): (HTTPStatus, Message) =
            switch error.code {
            case .unknownWaybill: (.notFound, .unknownParcel)
            case .alreadyPacked: (.conflict, .parcelAlreadyPacked)
            case .shipped: (.conflict, .parcelShipped)
            case .intercepted: (.conflict, .parcelIntercepted)
            case .badCount: (.badRequest, .badRequest)
            case .badWeight: (.badRequest, .badWeight)
            case .incomplete, .mismatch: (.conflict, .parcelIncomplete)
            }
        let banner = PackingBanner(tone: .bad, text: texts(message, parameters))
        return packingScreen(context, contents: contents, banner: banner, status: status)
    }

    private func scanBanner(_ answer: PackingScanAnswer, _ texts: Texts) -> PackingBanner {
        let code = ["barcode": answer.barcode]
        switch answer.outcome {
        case .accepted:
            return PackingBanner(tone: .good, text: texts(answer.isComplete ? .scanComplete : .scanAccepted, code))
        case .extra: return PackingBanner(tone: .bad, text: texts(.scanExtra, code))
        case .tooMany: return PackingBanner(tone: .warning, text: texts(.scanTooMany, code))
        case .unknownBarcode: return PackingBanner(tone: .bad, text: texts(.scanUnknown, code))
        }
    }

    /// The bench: the banner, then either the waybill field or the parcel with its item and weight fields. The
    /// field the scanner should type into next has the focus.
    private func packingScreen(
        _ context: PageContext,
        contents: PackingContents?,
        banner: PackingBanner?,
        status: HTTPStatus = .ok,
        after: HTML = .empty
    ) -> HTTPResponse {
        let texts = context.texts
        let bannerHTML: HTML =
            banner.map {
                "<p class=\"scan-banner scan-\($0.tone.rawValue)\" role=\"status\">\($0.text)</p>"
            } ?? .empty
        let bench = contents.map { parcelForms(context, $0) } ?? waybillForm(texts)
        let body: HTML = """
            <h1>\(texts(.packing))</h1>
            \(bannerHTML)
            \(after)
            \(bench)
            """
        return Responses.page(Layout(context: context).render(title: texts(.packing), body: body), status: status)
    }

    private func waybillForm(_ texts: Texts) -> HTML {
        """
        <form method="get" action="/packing" class="bench">
        <label>\(texts(.scanWaybill))<input name="waybill" id="scan" autofocus autocomplete="off" \
        inputmode="text"></label>
        <button type="submit" class="primary">\(texts(.open))</button>
        </form>
        """
    }

    private func parcelForms(_ context: PageContext, _ contents: PackingContents) -> HTML {
        let texts = context.texts
        let rows = contents.lines.map { line -> HTML in
            let tone: HTML = line.scanned == line.wanted ? "done" : "open"
            return """
                <tr class="\(tone)"><td>\(line.sku)</td><td class="number">\(line.wanted)</td>\
                <td class="number">\(line.scanned)</td></tr>
                """
        }
        let itemFocus: HTML = contents.isComplete ? "" : " autofocus"
        let weightFocus: HTML = contents.isComplete ? " autofocus" : ""
        return """
            <h2>\(texts(.waybill)) \(contents.waybill)</h2>
            <table class="bench"><tr><th>\(texts(.sku))</th><th class="number">\(texts(.wanted))</th>\
            <th class="number">\(texts(.scanned))</th></tr>\(rows)</table>
            <form method="post" action="/packing/scan" class="bench">\(context.csrfField)\
            <input type="hidden" name="waybill" value="\(contents.waybill)">
            <label>\(texts(.scanItem))<input name="barcode" id="scan" autocomplete="off"\(itemFocus)></label>
            <button type="submit">\(texts(.scanButton))</button>
            </form>
            <form method="post" action="/packing/finish" class="bench">\(context.csrfField)\
            <input type="hidden" name="waybill" value="\(contents.waybill)">
            <label>\(texts(.weightGrams))<input name="weight" id="weight" inputmode="numeric" \
            autocomplete="off"\(weightFocus)></label>
            <button type="submit" class="primary">\(texts(.finishPacking))</button>
            </form>
            <p><a href="/packing">\(texts(.otherParcel))</a></p>
            """
    }
}
