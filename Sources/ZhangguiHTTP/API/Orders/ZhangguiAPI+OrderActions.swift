import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension ZhangguiAPI {
    struct HoldBody: JSONBody {
        let note: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case note }
    }

    struct ActionAnswer: Encodable {
        let id: Int64
        let state: String
        /// For an approval that split the order across warehouses: the ids of every part.
        let parts: [Int64]?
    }

    /// The clerk's actions on one order, as `zhanggui approve|hold|release|cancel` do them.
    enum OrderAction: String, CaseIterable {
        case approve, hold, release, cancel
    }

    /// What an automatic review did, as `zhanggui review` prints it.
    struct ReviewAnswer: Encodable {
        let reviewed: Int
        let approved: Int
        let splitParts: Int
        let held: Int
        let highPriority: Int
        let heldByReason: [String: Int]
    }

    func addOrderActionRoutes(to router: inout Router) {
        let review = RouteAccess.permission(.ordersReview)
        add(&router, .post, "/api/v1/orders/review", review, "review every order waiting, as zhanggui review") {
            request,
            principal in
            try refuseBody(request)
            let summary = try ReviewService(database: database, checkAddress: settings.checkAddress).reviewPending(
                companyID: principal.companyID,
                scope: principal.scope,
                audit: auditContext(principal)
            )
            return try .json(
                ReviewAnswer(
                    reviewed: summary.reviewed,
                    approved: summary.approved,
                    splitParts: summary.splitParts,
                    held: summary.held,
                    highPriority: summary.highPriority,
                    heldByReason: Dictionary(uniqueKeysWithValues: summary.heldByReason.map { ($0.rawValue, $1) })
                )
            )
        }
        for action in OrderAction.allCases {
            let pattern = "/api/v1/orders/{id}/\(action.rawValue)"
            add(&router, .post, pattern, review, "\(action.rawValue) one order by hand") { request, principal in
                try act(action, request, principal)
            }
        }
    }

    /// Runs the action through ``ReviewService``, which records it in the audit log in the same transaction.
    func act(_ action: OrderAction, _ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let id = try tradeID(request, principal)
        let note = action == .hold && !request.body.isEmpty ? try request.decodeJSON(HoldBody.self).note : nil
        if action != .hold, !request.body.isEmpty {
            throw HTTPError(.badRequest, code: .unknownField, message: "this action takes no body")
        }
        let (after, parts) = try answeringRefusals { try perform(action, tradeID: id, note: note, principal) }
        return try .json(ActionAnswer(id: id, state: after, parts: (parts?.count ?? 0) > 1 ? parts : nil))
    }

    /// Runs `action` on trade `id` (already checked to be in the principal's company and scope) through
    /// ``ReviewService``, which writes the audit entry in the change's transaction; returns the state after it and,
    /// for an approval, the parts. The order pages run the same.
    func perform(_ action: OrderAction, tradeID id: Int64, note: String?, _ principal: Principal) throws
        -> (state: String, parts: [Int64]?)
    {
        let review = ReviewService(database: database, checkAddress: settings.checkAddress)
        let companyID = principal.companyID
        let audit = auditContext(principal)
        var parts: [Int64]?
        switch action {
        case .approve: parts = try review.approve(tradeID: id, companyID: companyID, audit: audit)
        case .hold: try review.hold(tradeID: id, note: note ?? "", companyID: companyID, audit: audit)
        case .release: try review.release(tradeID: id, companyID: companyID, audit: audit)
        case .cancel: try review.cancel(tradeID: id, companyID: companyID, audit: audit)
        }
        return (try state(of: id, principal), parts)
    }

    private func state(of tradeID: Int64, _ principal: Principal) throws -> String {
        try database.read { try APIQueries($0).stateOfTrade(tradeID, companyID: principal.companyID) } ?? ""
    }
}
