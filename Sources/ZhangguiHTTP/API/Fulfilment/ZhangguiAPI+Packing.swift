import ZhangguiCore
import ZhangguiServices

extension ZhangguiAPI {
    struct PackingScanBody: JSONBody {
        let barcode: String
        /// Units scanned at once; absent means one.
        let count: Int64?

        enum CodingKeys: String, CodingKey, CaseIterable { case barcode, count }
    }

    struct PackingFinishBody: JSONBody {
        let weightGrams: Int64

        enum CodingKeys: String, CodingKey, CaseIterable { case weightGrams }
    }

    func addPackingRoutes(to router: inout Router) {
        let fulfil = RouteAccess.permission(.ordersFulfil)
        add(&router, .post, "/api/v1/packing/{waybill}/scan", fulfil, "scan an item into a parcel", packingScan)
        add(&router, .post, "/api/v1/packing/{waybill}/finish", fulfil, "pack a parcel with its weight", packingFinish)
    }

    /// `POST /api/v1/packing/{waybill}/scan` `{"barcode","count"?}` → the answer (accepted, extra, tooMany,
    /// unknownBarcode) and every SKU of the parcel with its wanted and scanned units.
    func packingScan(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let body = try request.decodeJSON(PackingScanBody.self)
        let waybill = request.pathParameters["waybill"] ?? ""
        let answer = try answeringPackingRefusals {
            try scanItem(waybill: waybill, barcode: body.barcode, count: body.count ?? 1, principal)
        }
        return try .json(answer)
    }

    /// Scans `count` units of `barcode` into the parcel `waybill` within the principal's scope, audited: the code
    /// behind the scan route and the packing page.
    /// - Throws: ``PackingError``.
    func scanItem(waybill: String, barcode: String, count: Int64, _ principal: Principal) throws
        -> PackingScanAnswer
    {
        try PackingService(database: database).scan(
            waybill: waybill,
            barcode: barcode,
            count: count,
            companyID: principal.companyID,
            scope: principal.scope,
            audit: auditContext(principal)
        )
    }

    /// `POST /api/v1/packing/{waybill}/finish` `{"weightGrams"}` → the packed parcel; 409 listing what is missing.
    func packingFinish(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let body = try request.decodeJSON(PackingFinishBody.self)
        let waybill = request.pathParameters["waybill"] ?? ""
        let packed = try answeringPackingRefusals {
            try finishParcel(waybill: waybill, weightGrams: body.weightGrams, principal)
        }
        return try .json(packed)
    }

    /// Packs the parcel `waybill` with its weight within the principal's scope, audited: the code behind the
    /// finish route and the packing page.
    /// - Throws: ``PackingError``, `incomplete` naming each SKU still short.
    func finishParcel(waybill: String, weightGrams: Int64, _ principal: Principal) throws -> PackedParcel {
        try PackingService(database: database).finish(
            waybill: waybill,
            weightGrams: weightGrams,
            companyID: principal.companyID,
            scope: principal.scope,
            audit: auditContext(principal)
        )
    }

    /// Turns a packing refusal into the API's error: 404 for an unknown waybill, 400 `invalid_value` for a count
    /// or weight, 409 `conflict` for a parcel that cannot be packed now or is not complete.
    private func answeringPackingRefusals<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PackingError {
            switch error.code {
            case .unknownWaybill:
                throw HTTPError(.notFound, code: .notFound, message: error.detail, field: "waybill")
            case .badCount:
                throw HTTPError(.badRequest, code: .invalidValue, message: error.detail, field: "count")
            case .badWeight:
                throw HTTPError(.badRequest, code: .invalidValue, message: error.detail, field: "weightGrams")
            case .alreadyPacked, .shipped, .intercepted, .incomplete, .mismatch:
                throw HTTPError(.conflict, code: .conflict, message: error.detail)
            }
        }
    }
}
