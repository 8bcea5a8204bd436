import ZhangguiCore
import ZhangguiServices

extension ZhangguiAPI {
    struct AllocationAnswer: Encodable {
        let trades: Int
        let shipments: Int
        let merged: Int
    }

    struct WaybillAnswer: Encodable {
        let shipments: Int
    }

    struct ShippingAnswer: Encodable {
        let shipments: Int
        let trades: Int
        let units: Int64
        let revenueFen: Int64
        let costFen: Int64
        /// Parcels passed over because the company ships only packed parcels.
        let unpacked: Int
    }

    struct Counts: Encodable {
        let count: Int
    }

    func addFulfilmentRoutes(to router: inout Router) {
        let fulfil = RouteAccess.permission(.ordersFulfil)
        add(&router, .post, "/api/v1/fulfilment/allocate", fulfil, "allocate approved orders to shipments", allocate)
        add(&router, .post, "/api/v1/fulfilment/waybill", fulfil, "take waybill numbers for allocated orders", waybill)
        add(&router, .post, "/api/v1/fulfilment/ship", fulfil, "ship waybilled orders and book them", ship)
    }

    /// `POST /api/v1/fulfilment/allocate`: as `zhanggui allocate`.
    func allocate(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        try refuseBody(request)
        return try .json(try allocate(principal))
    }

    /// Allocates the approved orders within the principal's scope; the service records the batch in the audit log.
    /// The order desk runs the same.
    func allocate(_ principal: Principal) throws -> AllocationAnswer {
        let summary = try AllocationService(database: database).allocateApproved(
            companyID: principal.companyID,
            scope: principal.scope,
            audit: auditContext(principal)
        )
        return AllocationAnswer(trades: summary.trades, shipments: summary.shipments, merged: summary.merged)
    }

    /// `POST /api/v1/fulfilment/waybill`: as `zhanggui waybill`.
    func waybill(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        try refuseBody(request)
        return try .json(try waybill(principal))
    }

    /// Takes waybill numbers for the company's allocated orders and records the batch: through the courier accounts
    /// when the company has any (docs/COURIERS.md), else from the range ZG.
    func waybill(_ principal: Principal) throws -> WaybillAnswer {
        if let couriers = settings.courierWaybills,
            try !CourierAccounts(database: database, box: nil).accounts(companyID: principal.companyID).isEmpty
        {
            let summary = try couriers.waybillAllocated(
                companyID: principal.companyID,
                scope: principal.scope,
                audit: auditContext(principal)
            )
            return WaybillAnswer(shipments: summary.issued)
        }
        let service = WaybillService(database: database, courier: OfflineRangeCourier(code: "ZG"))
        let count = try service.waybillAllocated(
            companyID: principal.companyID,
            scope: principal.scope,
            audit: auditContext(principal)
        )
        return WaybillAnswer(shipments: count)
    }

    /// `POST /api/v1/fulfilment/ship`: as `zhanggui ship`.
    func ship(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        try refuseBody(request)
        return try .json(try ship(principal))
    }

    /// Ships the waybilled orders within the principal's scope and books them; the service records the batch.
    func ship(_ principal: Principal) throws -> ShippingAnswer {
        let summary = try ShippingService(database: database).shipWaybilled(
            companyID: principal.companyID,
            scope: principal.scope,
            audit: auditContext(principal)
        )
        let answer = ShippingAnswer(
            shipments: summary.shipments,
            trades: summary.trades,
            units: summary.units,
            revenueFen: summary.revenueFen,
            costFen: summary.costFen,
            unpacked: summary.unpacked
        )
        return answer
    }

    /// The principal and the time, for the services to record their changes in the audit log.
    func auditContext(_ principal: Principal) -> AuditContext {
        AuditContext(actor: principal.actor, at: now)
    }

    /// Batch steps take no body: a client sending one probably meant another route.
    func refuseBody(_ request: HTTPRequest) throws {
        guard request.body.isEmpty else {
            throw HTTPError(.badRequest, code: .unknownField, message: "this operation takes no body")
        }
    }
}
