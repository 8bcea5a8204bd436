import ZhangguiServices

extension ZhangguiAPI {
    /// Couriers' tracking push hooks: outside the signed-in API (couriers call them), each account's pushes checked
    /// by ``CourierPushService`` — 中通's signature, or 顺丰's hook token — and answered in its courier's shape.
    func addCourierHookRoutes(to router: inout Router) {
        router.add(
            .post,
            "/hooks/couriers/{company}/{account}",
            summary: "a courier's tracking push for one of a company's courier accounts",
            handler: receiveCourierPush
        )
    }

    /// `POST /hooks/couriers/{company}/{account}[?token=…]`: 200 with the courier's success answer when the push
    /// was recorded (waybills that are not ours are logged, not refused); 401 for a wrong token or signature, 400
    /// for a body the courier's protocol does not allow, 413 for one too large — each with the courier's failure
    /// answer, nothing recorded; 404 for no such hook. The log names counts and codes, never the push's data.
    func receiveCourierPush(_ request: HTTPRequest) throws -> HTTPResponse {
        let accountCode = request.pathParameters["account"] ?? ""
        let unknown = CourierPushRefusal.Code.unknownHook.rawValue
        guard let pushes = settings.courierPushes, let companyID = Int64(request.pathParameters["company"] ?? "")
        else {
            request.logger.warning("courier.push.refused", ["refusal.code": unknown])
            throw HTTPError.notFound
        }
        let hook: CourierPushService.Hook
        do {
            hook = try pushes.hook(companyID: companyID, accountCode: accountCode)
        } catch is CourierPushRefusal {
            request.logger.warning("courier.push.refused", ["company.id": String(companyID), "refusal.code": unknown])
            throw HTTPError.notFound
        }
        let push = CourierPush(
            body: request.body,
            contentType: request.headers["Content-Type"] ?? "",
            token: request.queryValue("token") ?? ""
        )
        do {
            let outcome = try pushes.receive(push, at: hook, companyID: companyID, requestID: request.id, now: now)
            let report = outcome.report
            request.logger.info(
                "courier.push.recorded",
                [
                    "company.id": String(companyID), "courier.account": accountCode,
                    "tracking.recorded": String(report.recorded), "tracking.duplicates": String(report.duplicates),
                    "tracking.unknown_waybills": String(report.unknownWaybills.count),
                    "tracking.unknown_actions": String(outcome.unknownActions.count),
                    "tracking.parcels_changed": String(report.parcelsChanged),
                ]
            )
            return Self.courierAnswer(.ok, hook.reader.answer(isAccepted: true, message: ""))
        } catch let refusal as CourierPushRefusal {
            request.logger.warning(
                "courier.push.refused",
                [
                    "company.id": String(companyID), "courier.account": accountCode,
                    "refusal.code": refusal.code.rawValue, "refusal.field": refusal.field,
                ]
            )
            let status: HTTPStatus =
                switch refusal.code {
                case .badToken, .badSignature: .unauthorized
                case .tooLarge: .contentTooLarge
                case .malformed: .badRequest
                case .unknownHook: .notFound
                }
            return Self.courierAnswer(status, hook.reader.answer(isAccepted: false, message: refusal.description))
        }
    }

    private static func courierAnswer(_ status: HTTPStatus, _ body: [UInt8]) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": HTTPResponse.jsonContentType], body: body)
    }
}
