import ZhangguiHTTP

/// The control routes of the couriers: up or down, a parcel's next route step, the numbers issued.
extension ControlAPI {
    struct CourierAvailabilityRequest: Decodable {
        let up: Bool
    }

    struct RouteStepRequest: Decodable {
        let waybill: String
        /// An SF opCode (`50`, `80` …) or a ZTO action (`GOT`, `SIGNED` …).
        let action: String
        /// `yyyy-MM-dd HH:mm:ss`, 北京时间.
        let time: String
        let remark: String?
    }

    struct WaybillSummary: Encodable {
        let courier: String
        let requestKey: String
        let number: String
        let sortCode: String
        let bagCentre: String
        let isCancelled: Bool
        let routeSteps: Int
    }

    static func addCouriers(desk: CourierDesk, into router: inout Router) {
        router.control(.post, "/_sim/couriers/{courier}/availability", summary: "a courier up or answering 503") {
            request in
            let body = try decode(CourierAvailabilityRequest.self, request)
            desk.setUp(request.pathParameters["courier"] ?? "", body.up)
            return HTTPResponse(status: .noContent)
        }
        router.control(.post, "/_sim/couriers/routes", summary: "add a step to a parcel's route") { request in
            let body = try decode(RouteStepRequest.self, request)
            try desk.advanceRoute(
                waybill: body.waybill,
                action: body.action,
                time: body.time,
                remark: body.remark ?? ""
            )
            return HTTPResponse(status: .noContent)
        }
        router.control(.get, "/_sim/couriers/waybills", summary: "every waybill the couriers issued") { _ in
            let waybills = desk.waybills().map { waybill in
                WaybillSummary(
                    courier: waybill.courier,
                    requestKey: waybill.requestKey,
                    number: waybill.number,
                    sortCode: waybill.sortCode,
                    bagCentre: waybill.bagCentre,
                    isCancelled: waybill.isCancelled,
                    routeSteps: waybill.route.count
                )
            }
            return try reply(["waybills": waybills])
        }
    }
}
