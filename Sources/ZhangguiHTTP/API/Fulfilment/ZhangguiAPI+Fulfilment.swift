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
        /// Parcels left without a number and why (no rule holds, the courier is down or refused); left out when
        /// numbers come from the offline range, where none waits.
        var waiting: [WaitingShipment]? = nil
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

    /// The optional body of a batch step: only these orders (their parcels, for waybill and ship).
    struct ChosenOrdersBody: JSONBody {
        let orderIDs: [Int64]

        enum CodingKeys: String, CodingKey, CaseIterable { case orderIDs }
    }

    /// The most orders one batch step may name.
    static let maximumChosenOrders = 1000

    func addFulfilmentRoutes(to router: inout Router) {
        let fulfil = RouteAccess.permission(.ordersFulfil)
        add(&router, .post, "/api/v1/fulfilment/allocate", fulfil, "allocate approved orders to shipments", allocate)
        add(&router, .post, "/api/v1/fulfilment/waybill", fulfil, "take waybill numbers for allocated orders", waybill)
        add(&router, .post, "/api/v1/fulfilment/ship", fulfil, "ship waybilled orders and book them", ship)
    }

    /// `POST /api/v1/fulfilment/allocate`: as `zhanggui allocate`, or only `{"orderIDs":[…]}`.
    func allocate(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        try .json(try allocate(principal, orderIDs: try chosenOrders(request)))
    }

    /// Allocates the approved orders within the principal's scope, or only `orderIDs` among them (the order desk's
    /// ticked orders); the service records the batch in the audit log.
    func allocate(_ principal: Principal, orderIDs: Set<Int64>? = nil) throws -> AllocationAnswer {
        let summary = try AllocationService(database: database).allocateApproved(
            companyID: principal.companyID,
            scope: principal.scope,
            tradeIDs: orderIDs,
            audit: auditContext(principal)
        )
        return AllocationAnswer(trades: summary.trades, shipments: summary.shipments, merged: summary.merged)
    }

    /// `POST /api/v1/fulfilment/waybill`: as `zhanggui waybill`.
    func waybill(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        try .json(try waybill(principal, orderIDs: try chosenOrders(request)))
    }

    /// Takes waybill numbers for the company's allocated orders, or only for the parcels of `orderIDs`, and records
    /// the batch: through the courier accounts when the company has any (docs/COURIERS.md), else from the range ZG.
    func waybill(_ principal: Principal, orderIDs: Set<Int64>? = nil) throws -> WaybillAnswer {
        if let couriers = settings.courierWaybills,
            try !CourierAccounts(database: database, box: nil).accounts(companyID: principal.companyID).isEmpty
        {
            let summary = try couriers.waybillAllocated(
                companyID: principal.companyID,
                scope: principal.scope,
                tradeIDs: orderIDs,
                audit: auditContext(principal)
            )
            return WaybillAnswer(shipments: summary.issued, waiting: summary.waiting)
        }
        let service = WaybillService(database: database, courier: OfflineRangeCourier(code: "ZG"))
        let count = try service.waybillAllocated(
            companyID: principal.companyID,
            scope: principal.scope,
            tradeIDs: orderIDs,
            audit: auditContext(principal)
        )
        return WaybillAnswer(shipments: count)
    }

    /// `POST /api/v1/fulfilment/ship`: as `zhanggui ship`, or only the parcels of `{"orderIDs":[…]}`.
    func ship(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        try .json(try ship(principal, orderIDs: try chosenOrders(request)))
    }

    /// The orders a batch step's body names, nil without a body (every order ready for the step). Ids of other
    /// companies or outside the principal's shops are passed over by the services, like orders not ready.
    /// - Throws: ``HTTPError`` 400 naming `orderIDs` when it is empty or longer than ``maximumChosenOrders``.
    func chosenOrders(_ request: HTTPRequest) throws -> Set<Int64>? {
        guard !request.body.isEmpty else { return nil }
        let body = try request.decodeJSON(ChosenOrdersBody.self)
        guard (1...Self.maximumChosenOrders).contains(body.orderIDs.count) else {
            throw HTTPError(
                .badRequest,
                code: .invalidValue,
                message: "name from 1 to \(Self.maximumChosenOrders) orders",
                field: "orderIDs"
            )
        }
        return Set(body.orderIDs)
    }

    /// Ships the waybilled orders within the principal's scope, or only the parcels of `orderIDs`, and books them;
    /// the service records the batch.
    func ship(_ principal: Principal, orderIDs: Set<Int64>? = nil) throws -> ShippingAnswer {
        let summary = try ShippingService(database: database).shipWaybilled(
            companyID: principal.companyID,
            scope: principal.scope,
            tradeIDs: orderIDs,
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
