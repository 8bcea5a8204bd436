import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension ZhangguiAPI {
    /// `{"orderID","kind","lines"?,"refundFen"?,"reason"?}`: a case opened by hand.
    struct AfterSaleBody: JSONBody {
        let orderID: Int64
        let kind: String
        let lines: [AfterSaleLineBody]?
        let refundFen: Int64?
        let reason: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case orderID, kind, lines, refundFen, reason }

        static var nestedBodies: [CodingKeys: any JSONBody.Type] { [.lines: AfterSaleLineBody.self] }
    }

    /// `{"lineNo","quantity"?}` when opening (absent quantity: the whole line); `{"lineNo","condition"}` when
    /// receiving the return.
    struct AfterSaleLineBody: JSONBody {
        let lineNo: Int64
        let quantity: Int64?
        let condition: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case lineNo, quantity, condition }
    }

    struct AfterSaleActionBody: JSONBody {
        let action: String

        enum CodingKeys: String, CodingKey, CaseIterable { case action }
    }

    struct ReceiveReturnBody: JSONBody {
        let lines: [AfterSaleLineBody]?

        enum CodingKeys: String, CodingKey, CaseIterable { case lines }

        static var nestedBodies: [CodingKeys: any JSONBody.Type] { [.lines: AfterSaleLineBody.self] }
    }

    func addAfterSaleRoutes(to router: inout Router) {
        let read = RouteAccess.permission(.ordersRead)
        let review = RouteAccess.permission(.ordersReview)
        add(&router, .get, "/api/v1/after-sales", read, "after-sales cases, newest first", query: ["state", "limit"]) {
            request,
            principal in
            try afterSales(request, principal)
        }
        add(&router, .get, "/api/v1/after-sales/{id}", read, "one after-sales case", afterSale)
        add(&router, .post, "/api/v1/after-sales", review, "open an after-sales case on a shipped order", openAfterSale)
        add(&router, .post, "/api/v1/after-sales/{id}/transition", review, "move an after-sales case", moveAfterSale)
        add(
            &router,
            .post,
            "/api/v1/after-sales/{id}/receive",
            review,
            "receive a case's returned goods",
            receiveReturn
        )
    }

    /// `GET /api/v1/after-sales?state=&limit=`: the cases of orders in the principal's scope.
    func afterSales(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let state = try request.enumQuery("state", as: AfterSaleState.self)
        let limit = try request.integerQuery("limit", default: 50, in: 1...1000)
        let cases = try AfterSaleService(database: database).cases(
            companyID: principal.companyID,
            state: state,
            limit: limit
        )
        let answers = try cases.compactMap { try afterSaleAnswer($0, principal) }
        return try .json(AfterSaleList(cases: answers))
    }

    /// `GET /api/v1/after-sales/{id}`.
    func afterSale(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        try .json(try visibleCase(request, principal))
    }

    /// `POST /api/v1/after-sales`: 201 with the case, audited `afterSale.open`.
    func openAfterSale(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let body = try request.decodeJSON(AfterSaleBody.self)
        guard let kind = AfterSaleKind(rawValue: body.kind) else {
            let words = AfterSaleKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw HTTPError(.badRequest, code: .invalidValue, message: "kind is one of \(words)", field: "kind")
        }
        guard
            let shop = try database.read({
                try APIQueries($0).shopOfTrade(body.orderID, companyID: principal.companyID)
            }),
            principal.scope.admits(shop: shop)
        else { throw HTTPError(.notFound, code: .notFound, message: "no such order", field: "orderID") }
        let lines = try tradeLines(body.orderID, principal)
        let wanted = try (body.lines ?? []).enumerated().map { index, line in
            guard let stored = lines.first(where: { $0.lineNo == line.lineNo }) else {
                throw HTTPError(
                    .badRequest,
                    code: .invalidValue,
                    message: "no such line",
                    field: "lines[\(index)].lineNo"
                )
            }
            return (lineID: stored.id, quantity: line.quantity ?? stored.quantity)
        }
        let draft = AfterSaleDraft(
            tradeID: body.orderID,
            kind: kind,
            lines: wanted,
            refund: body.refundFen.map { Money(fen: $0) },
            reason: body.reason ?? ""
        )
        let opened = try answeringAfterSaleRefusals {
            try AfterSaleService(database: database)
                .open(draft, companyID: principal.companyID, audit: AuditContext(actor: principal.actor, at: now))
        }
        return try .json(try afterSaleAnswer(opened, principal), status: .created)
    }

    /// `POST /api/v1/after-sales/{id}/transition` `{"action"}`: agree, awaitReturn, refund, reship, close, refuse,
    /// cancel (receive has its own route); 409 naming the state when the move is not allowed.
    func moveAfterSale(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let current = try visibleCase(request, principal)
        let body = try request.decodeJSON(AfterSaleActionBody.self)
        guard let action = AfterSaleAction(rawValue: body.action) else {
            let words = AfterSaleAction.allCases.map(\.rawValue).joined(separator: ", ")
            throw HTTPError(.badRequest, code: .invalidValue, message: "action is one of \(words)", field: "action")
        }
        let moved = try answeringAfterSaleRefusals {
            try AfterSaleService(database: database).perform(
                action,
                caseID: current.id,
                companyID: principal.companyID,
                audit: AuditContext(actor: principal.actor, at: now)
            )
        }
        return try .json(try afterSaleAnswer(moved, principal))
    }

    /// `POST /api/v1/after-sales/{id}/receive` `{"lines"?:[{"lineNo","condition"}]}`: lines not named come back
    /// sellable.
    func receiveReturn(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let current = try visibleCase(request, principal)
        let body = try request.decodeJSON(ReceiveReturnBody.self)
        let lines = try tradeLines(current.orderID, principal)
        var conditions: [Int64: ReturnCondition] = [:]
        for (index, line) in (body.lines ?? []).enumerated() {
            guard let stored = lines.first(where: { $0.lineNo == line.lineNo }),
                current.lines.contains(where: { $0.lineNo == line.lineNo })
            else {
                let covered = current.lines.map { String($0.lineNo) }.joined(separator: ", ")
                throw HTTPError(
                    .badRequest,
                    code: .invalidValue,
                    message: "line \(line.lineNo) is not in this case; it covers line \(covered)",
                    field: "lines[\(index)].lineNo"
                )
            }
            guard let condition = line.condition.flatMap(ReturnCondition.init(rawValue:)) else {
                throw HTTPError(
                    .badRequest,
                    code: .invalidValue,
                    message: "condition is sellable or defective",
                    field: "lines[\(index)].condition"
                )
            }
            guard conditions.updateValue(condition, forKey: stored.id) == nil else {
                throw HTTPError(
                    .badRequest,
                    code: .invalidValue,
                    message: "line \(line.lineNo) is named twice; give each line one condition",
                    field: "lines[\(index)].lineNo"
                )
            }
        }
        let received = try answeringAfterSaleRefusals {
            try AfterSaleService(database: database).receiveReturn(
                caseID: current.id,
                conditions: conditions,
                companyID: principal.companyID,
                audit: AuditContext(actor: principal.actor, at: now)
            )
        }
        return try .json(try afterSaleAnswer(received, principal))
    }

    private func visibleCase(_ request: HTTPRequest, _ principal: Principal) throws -> AfterSaleAnswer {
        guard let id = request.pathID("id"),
            let record = try AfterSaleService(database: database).find(id, companyID: principal.companyID),
            let answer = try afterSaleAnswer(record, principal)
        else { throw HTTPError.objectNotFound("after-sales case") }
        return answer
    }

    private func tradeLines(_ tradeID: Int64, _ principal: Principal) throws -> [StoredLine] {
        try database.read { connection in
            try TradeRecords(connection, currency: .cny).trade(id: tradeID, companyID: principal.companyID)?.lines ?? []
        }
    }

    /// The case as answered, or nil when its order is outside the principal's scope.
    private func afterSaleAnswer(_ record: AfterSaleCaseRecord, _ principal: Principal) throws -> AfterSaleAnswer? {
        let trade = try database.read { connection in
            try TradeRecords(connection, currency: .cny).trade(id: record.tradeID, companyID: principal.companyID)
        }
        guard let trade, principal.scope.admits(shop: trade.shopID) else { return nil }
        return AfterSaleAnswer(record, trade: trade)
    }

    private func answeringAfterSaleRefusals<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as AfterSaleError {
            switch error.code {
            case .notFound: throw HTTPError(.notFound, code: .notFound, message: error.detail)
            case .illegalTransition, .notShipped, .duplicate:
                throw HTTPError(.conflict, code: .conflict, message: error.detail)
            case .badQuantity, .badLines:
                throw HTTPError(.badRequest, code: .invalidValue, message: error.detail, field: "lines")
            case .badAmount:
                throw HTTPError(.badRequest, code: .invalidValue, message: error.detail, field: "refundFen")
            }
        }
    }
}

struct AfterSaleList: Encodable {
    let cases: [AfterSaleAnswer]
}

/// An after-sales case as the API answers it, with the moves allowed from its state.
struct AfterSaleAnswer: Encodable {
    struct Line: Encodable {
        let lineNo: Int64
        let merchantCode: String
        let quantity: Int64
        let condition: String?
    }

    let id: Int64
    let orderID: Int64
    let platformOrderID: String
    let kind: String
    let state: String
    let refundFen: Int64
    let reason: String
    let replacementOrderID: Int64?
    let fromPlatform: Bool
    let createdAt: Int64
    let updatedAt: Int64
    let actions: [String]
    let lines: [Line]

    init(_ record: AfterSaleCaseRecord, trade: StoredTrade) {
        id = record.id
        orderID = record.tradeID
        platformOrderID = trade.platformOrderID
        kind = record.kind.rawValue
        state = record.state.rawValue
        refundFen = record.refund.fen
        reason = record.reason
        replacementOrderID = record.replacementTradeID
        fromPlatform = record.platformAfterSaleID != nil
        createdAt = record.createdAt
        updatedAt = record.updatedAt
        actions = AfterSaleWorkflow.actions(from: record.state, kind: record.kind).map(\.rawValue)
        lines = record.lines.compactMap { line in
            trade.lines.first { $0.id == line.lineID }.map {
                Line(
                    lineNo: $0.lineNo,
                    merchantCode: $0.merchantCode,
                    quantity: line.quantity,
                    condition: line.condition?.rawValue
                )
            }
        }
    }
}
