import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension ZhangguiAPI {
    struct AuditList: Encodable {
        let entries: [AuditAnswer]
    }

    /// One audit entry; `before` and `after` are the JSON texts stored with it.
    struct AuditAnswer: Encodable {
        let id: Int64
        let at: Int64
        let userID: Int64?
        let tokenID: Int64?
        let action: String
        let objectType: String
        let objectID: String
        let before: String?
        let after: String?
        let requestID: String
    }

    func addAuditRoutes(to router: inout Router) {
        let read = RouteAccess.permission(.auditRead)
        add(
            &router,
            .get,
            "/api/v1/audit",
            read,
            "audit entries about an object or by a user",
            query: ["objectType", "objectId", "userId", "limit"],
            audit
        )
    }

    /// `GET /api/v1/audit?objectType=&objectId=&limit=` or `?userId=&limit=`: newest first, `limit` 1–1000
    /// (default 100). A user of another company is "not found".
    func audit(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let limit = try request.integerQuery("limit", default: AuditLog.defaultLimit, in: 1...1000)
        let log = AuditLog(database: database)
        let records: [AuditRecord]
        if let userID = try request.idQuery("userId") {
            let user = try database.read { try UserRecords($0).user(id: userID, companyID: principal.companyID) }
            guard user != nil else { throw HTTPError.objectNotFound("user") }
            records = try answeringRefusals { try log.entries(byUser: userID, principal: principal, limit: limit) }
        } else if let type = try request.textQuery("objectType"), let id = try request.textQuery("objectId") {
            let object = AuditObject(type: type, id: id)
            records = try answeringRefusals { try log.entries(about: object, principal: principal, limit: limit) }
        } else {
            throw HTTPError.invalidQuery("objectType", "give objectType and objectId, or userId")
        }
        return try .json(AuditList(entries: records.map(Self.answer)))
    }

    private static func answer(_ record: AuditRecord) -> AuditAnswer {
        let entry = record.entry
        return AuditAnswer(
            id: record.id,
            at: entry.at,
            userID: entry.userID,
            tokenID: entry.tokenID,
            action: entry.action,
            objectType: entry.objectType,
            objectID: entry.objectID,
            before: entry.beforeJSON,
            after: entry.afterJSON,
            requestID: entry.requestID
        )
    }
}
