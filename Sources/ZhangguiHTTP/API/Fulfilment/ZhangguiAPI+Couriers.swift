import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension ZhangguiAPI {
    struct WaybillCancelAnswer: Encodable {
        let shipment: Int64
        let waybill: String
        /// Whether the courier was told; false when an offline-range number was only voided.
        let toldCourier: Bool
    }

    func addCourierRoutes(to router: inout Router) {
        let fulfil = RouteAccess.permission(.ordersFulfil)
        let pattern = "/api/v1/shipments/{id}/waybill/cancel"
        add(&router, .post, pattern, fulfil, "cancel a shipment's waybill with its courier", cancelWaybill)
    }

    /// `POST /api/v1/shipments/{id}/waybill/cancel`: as `zhanggui waybill cancel ID`. The service tells the courier
    /// outside any transaction and records `fulfilment.waybill.cancel` in the audit log with the change.
    func cancelWaybill(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        try refuseBody(request)
        guard let id = request.pathID("id"), try shipmentIsVisible(id, principal) else {
            throw HTTPError.objectNotFound("shipment")
        }
        let service =
            settings.courierWaybills
            ?? CourierWaybillService(
                database: database,
                accounts: CourierAccounts(database: database, box: nil),
                makeClient: { _, carrier, _ in
                    throw CourierError(code: .unreachable, courierCode: carrier, detail: "this server has no couriers")
                }
            )
        do {
            let done = try service.cancelWaybill(
                shipmentID: id,
                companyID: principal.companyID,
                audit: auditContext(principal)
            )
            return try .json(
                WaybillCancelAnswer(shipment: id, waybill: done.waybillNumber, toldCourier: done.toldCourier)
            )
        } catch let error as CourierError {
            switch error.code {
            case .notCancellable: throw HTTPError(.conflict, code: .conflict, message: error.description)
            default: throw HTTPError(HTTPStatus(502), code: "courier_failed", message: error.description)
            }
        }
    }

    /// Whether shipment `id` is the principal's company's and within their shops and warehouses.
    private func shipmentIsVisible(_ id: Int64, _ principal: Principal) throws -> Bool {
        let row = try database.read { connection in
            try connection.queryOne(
                """
                SELECT s.warehouse_id, (SELECT MIN(t.shop_id) FROM trades t WHERE t.shipment_id = s.id)
                FROM shipments s WHERE s.id = ? AND s.company_id = ?
                """,
                id,
                principal.companyID
            )
        }
        guard let row, let shop = row.optionalInt(1) else { return false }
        return principal.scope.admits(warehouse: row.int(0)) && principal.scope.admits(shop: shop)
    }
}
