import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension ZhangguiAPI {
    struct SplitBody: JSONBody {
        let lines: [SplitLineBody]

        enum CodingKeys: String, CodingKey, CaseIterable { case lines }

        static var nestedBodies: [CodingKeys: any JSONBody.Type] { [.lines: SplitLineBody.self] }
    }

    struct SplitLineBody: JSONBody {
        let lineNo: Int64
        /// Units to move; absent moves the whole line.
        let quantity: Int64?

        enum CodingKeys: String, CodingKey, CaseIterable { case lineNo, quantity }
    }

    struct MergeBody: JSONBody {
        let orders: [Int64]

        enum CodingKeys: String, CodingKey, CaseIterable { case orders }
    }

    struct SplitAnswer: Encodable {
        let id: Int64
        let state: String
        let part: PartAnswer
    }

    struct PartAnswer: Encodable {
        let id: Int64
        let splitSeq: Int64
        let state: String
    }

    struct ParcelAnswer: Encodable {
        let parcels: [Parcel]

        struct Parcel: Encodable {
            let id: Int64
            let shipmentID: Int64
        }
    }

    func addSplitMergeRoutes(to router: inout Router) {
        let review = RouteAccess.permission(.ordersReview)
        add(&router, .post, "/api/v1/orders/{id}/split", review, "split lines or units off into a new part", split)
        add(&router, .post, "/api/v1/orders/merge", review, "put orders to one receiver into one parcel", merge)
        add(&router, .post, "/api/v1/orders/{id}/unmerge", review, "give each order of a parcel its own", unmerge)
    }

    /// `POST /api/v1/orders/{id}/split` `{"lines":[{"lineNo","quantity"?}]}` → 201 with the order and its new part.
    func split(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let id = try tradeID(request, principal)
        let body = try request.decodeJSON(SplitBody.self)
        let moves = body.lines.map { LineMove(lineNo: $0.lineNo, quantity: $0.quantity) }
        let result = try answeringChangeRefusals {
            try OrderSplitService(database: database).split(tradeID: id, moving: moves, by: principal.actor, at: now)
        }
        let state = try database.read { try APIQueries($0).stateOfTrade(id, companyID: principal.companyID) } ?? ""
        let part = PartAnswer(id: result.partID, splitSeq: result.partSplitSeq, state: result.partState.rawValue)
        return try .json(SplitAnswer(id: id, state: state, part: part), status: .created)
    }

    /// `POST /api/v1/orders/merge` `{"orders":[id, …]}` → the parcel of each order. Every id must be in the
    /// principal's company and data scope (404 otherwise, naming `orders[i]`).
    func merge(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let body = try request.decodeJSON(MergeBody.self)
        for (position, id) in body.orders.enumerated() {
            let shop = try database.read { try APIQueries($0).shopOfTrade(id, companyID: principal.companyID) }
            guard let shop, principal.scope.admits(shop: shop) else {
                throw HTTPError(.notFound, code: .notFound, message: "no such order", field: "orders[\(position)]")
            }
        }
        let placed = try answeringChangeRefusals {
            try ParcelService(database: database).merge(tradeIDs: body.orders, by: principal.actor, at: now)
        }
        return try .json(ParcelAnswer(parcels: placed.map { .init(id: $0.tradeID, shipmentID: $0.shipmentID) }))
    }

    /// `POST /api/v1/orders/{id}/unmerge`, no body → the parcel of each order that shared the order's parcel.
    func unmerge(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let id = try tradeID(request, principal)
        guard request.body.isEmpty else {
            throw HTTPError(.badRequest, code: .unknownField, message: "this action takes no body")
        }
        let placed = try answeringChangeRefusals {
            try ParcelService(database: database).unmerge(tradeID: id, by: principal.actor, at: now)
        }
        return try .json(ParcelAnswer(parcels: placed.map { .init(id: $0.tradeID, shipmentID: $0.shipmentID) }))
    }

    /// Runs a split, merge or unmerge, turning its refusal into the API's error: 404 for an order out of reach,
    /// 400 `invalid_value` for a wrong field, 409 `conflict` for a state or a receiver that does not allow it.
    private func answeringChangeRefusals<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as OrderChangeError {
            switch error.code {
            case .notFound:
                throw HTTPError(.notFound, code: .notFound, message: "no such order", field: error.field)
            case .invalidRequest:
                throw HTTPError(.badRequest, code: .invalidValue, message: error.message, field: error.field)
            case .wrongState, .mismatch:
                throw HTTPError(.conflict, code: .conflict, message: error.message, field: error.field)
            }
        }
    }
}
