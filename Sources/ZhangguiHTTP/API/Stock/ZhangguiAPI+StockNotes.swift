import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension ZhangguiAPI {
    /// `{"reason","reference"?,"memo"?,"lines":[…]}`: a receipt or an issue as the clerk writes it.
    struct StockNoteBody: JSONBody {
        let reason: String
        let reference: String?
        let memo: String?
        let lines: [StockNoteLineBody]

        enum CodingKeys: String, CodingKey, CaseIterable { case reason, reference, memo, lines }

        static var nestedBodies: [CodingKeys: any JSONBody.Type] { [.lines: StockNoteLineBody.self] }
    }

    /// `{"warehouse","sku","quantity","unitCostFen"?}`; a receipt states the unit cost, an issue leaves it out.
    struct StockNoteLineBody: JSONBody {
        let warehouse: String
        let sku: String
        let quantity: Int64
        let unitCostFen: Int64?

        enum CodingKeys: String, CodingKey, CaseIterable { case warehouse, sku, quantity, unitCostFen }
    }

    /// A posted document as the API answers it.
    struct StockNoteAnswer: Encodable {
        struct Line: Encodable {
            let warehouse: String
            let sku: String
            let quantity: Int64
            let unitCostFen: Int64?
            let valueFen: Int64
        }

        let number: String
        let kind: String
        let reason: String
        let reference: String?
        let memo: String?
        let totalFen: Int64
        let voucher: String?
        let userID: Int64?
        let postedAt: Int64
        let lines: [Line]

        init(_ note: StockNoteRecord) {
            number = note.number
            kind = note.kind.rawValue
            reason = note.reason.rawValue
            reference = note.reference.isEmpty ? nil : note.reference
            memo = note.memo.isEmpty ? nil : note.memo
            totalFen = note.total.fen
            voucher = note.voucher
            userID = note.userID
            postedAt = note.postedAt
            lines = note.lines.map {
                Line(
                    warehouse: $0.warehouseCode,
                    sku: $0.skuCode,
                    quantity: $0.quantity,
                    unitCostFen: $0.unitCost?.fen,
                    valueFen: $0.value.fen
                )
            }
        }
    }

    /// `{"receipts":[…],"next"?}` or `{"issues":[…],"next"?}`.
    struct StockNoteList: Encodable {
        let kind: StockNoteKind
        let notes: [StockNoteAnswer]
        let next: String?

        struct Key: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(notes, forKey: Key(stringValue: kind == .receipt ? "receipts" : "issues"))
            try container.encodeIfPresent(next, forKey: Key(stringValue: "next"))
        }
    }

    func addStockNoteRoutes(to router: inout Router) {
        let read = RouteAccess.permission(.stockRead)
        let write = RouteAccess.permission(.stockWrite)
        for kind in StockNoteKind.allCases {
            let path = kind == .receipt ? "/api/v1/stock/receipts" : "/api/v1/stock/issues"
            let name = kind == .receipt ? "receipt (入库单)" : "issue (出库单)"
            add(&router, .post, path, write, "post a stock \(name)") { request, principal in
                try postStockNote(kind, request, principal)
            }
            add(&router, .get, path, read, "stock \(name)s, newest first", query: ["limit", "cursor"]) {
                request,
                principal in
                try stockNotes(kind, request, principal)
            }
            add(&router, .get, path + "/{number}", read, "one stock \(name)") { request, principal in
                try stockNote(kind, request, principal)
            }
        }
    }

    /// `POST /api/v1/stock/receipts|issues`: posts the document with its audit entry; 201 with the document.
    func postStockNote(_ kind: StockNoteKind, _ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let body = try request.decodeJSON(StockNoteBody.self)
        guard let reason = StockNoteReason(rawValue: body.reason), kind.reasons.contains(reason) else {
            let allowed = kind.reasons.map(\.rawValue).joined(separator: ", ")
            throw HTTPError(.badRequest, code: .invalidValue, message: "reason is one of \(allowed)", field: "reason")
        }
        let draft = StockNoteDraft(
            kind: kind,
            reason: reason,
            reference: body.reference ?? "",
            memo: body.memo ?? "",
            lines: body.lines.map {
                StockNoteLineDraft(
                    warehouseCode: $0.warehouse,
                    skuCode: $0.sku,
                    quantity: $0.quantity,
                    unitCost: $0.unitCostFen.map { Money(fen: $0) }
                )
            }
        )
        let service = StockNoteService(database: database)
        let note = try answeringStockNoteRefusals(kind) {
            try service.post(
                draft,
                companyID: principal.companyID,
                scope: principal.scope,
                actor: principal.actor,
                now: now
            )
        }
        return try .json(StockNoteAnswer(note), status: .created)
    }

    /// `GET /api/v1/stock/receipts|issues?limit=&cursor=`: newest first, only documents whose every warehouse the
    /// principal's scope admits; `limit` 1–1000 (default 50).
    func stockNotes(_ kind: StockNoteKind, _ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let limit = try request.integerQuery("limit", default: 50, in: 1...1000)
        let notes = try StockNoteService(database: database).notes(
            kind,
            companyID: principal.companyID,
            scope: principal.scope,
            before: try request.idQuery("cursor"),
            limit: limit
        )
        let next = notes.count == limit ? notes.last.map { String($0.id) } : nil
        return try .json(StockNoteList(kind: kind, notes: notes.map(StockNoteAnswer.init), next: next))
    }

    /// `GET /api/v1/stock/receipts|issues/{number}`: 404 for a number the company does not have, or one with a
    /// warehouse outside the principal's scope.
    func stockNote(_ kind: StockNoteKind, _ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let number = request.pathParameters["number"] ?? ""
        let note = try answeringStockNoteRefusals(kind) {
            try StockNoteService(database: database).note(
                kind,
                number: number,
                companyID: principal.companyID,
                scope: principal.scope
            )
        }
        return try .json(StockNoteAnswer(note))
    }

    /// Turns a refused document into its answer: a shortage 409 `insufficient_stock`, an unknown number 404, any
    /// other problem 400 `invalid_value` naming the body's field as `lines[i].field`.
    func answeringStockNoteRefusals<T>(_ kind: StockNoteKind, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StockNoteError {
            // The service names the unit cost as money; the body carries it in fen.
            let field = error.field == "unitCost" ? "unitCostFen" : error.field
            let path = error.line.map { "lines[\($0)].\(field)" } ?? field
            switch error.code {
            case .notFound: throw HTTPError.objectNotFound(kind.rawValue)
            case .insufficientStock:
                throw HTTPError(.conflict, code: .insufficientStock, message: error.description, field: path)
            default:
                throw HTTPError(.badRequest, code: .invalidValue, message: "\(path): \(error.detail)", field: path)
            }
        }
    }
}

extension HTTPError.Code {
    /// An issue wants more of a SKU in a warehouse than is available; the message names SKU, warehouse, wanted
    /// and available.
    public static let insufficientStock: Self = "insufficient_stock"
}
