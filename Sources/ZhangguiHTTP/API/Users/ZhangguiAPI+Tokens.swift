import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension ZhangguiAPI {
    struct TokenBody: JSONBody {
        let name: String
        let permissions: [String]
        let expiresAt: Int64?

        enum CodingKeys: String, CodingKey, CaseIterable { case name, permissions, expiresAt }
    }

    /// A token just made: `token` is shown this once and never again.
    struct IssuedAnswer: Encodable {
        let id: Int64
        let token: String
        let prefix: String
    }

    struct TokenList: Encodable {
        let tokens: [TokenAnswer]
    }

    struct TokenAnswer: Encodable {
        let id: Int64
        let prefix: String
        let name: String
        let permissions: [String]
        let createdBy: Int64
        let createdAt: Int64
        let expiresAt: Int64?
        let revokedAt: Int64?
        let lastUsedAt: Int64?
    }

    func addTokenRoutes(to router: inout Router) {
        add(&router, .get, "/api/v1/tokens", .signedIn, "API tokens: all with users.manage, else one's own", tokens)
        add(&router, .post, "/api/v1/tokens", .signedIn, "create an API token; shown once", createToken)
        add(&router, .delete, "/api/v1/tokens/{id}", .signedIn, "revoke an API token", revokeToken)
    }

    func tokens(_: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let records = try answeringRefusals { try accounts.apiTokens(by: principal) }
        return try .json(
            TokenList(
                tokens: records.map {
                    TokenAnswer(
                        id: $0.id,
                        prefix: $0.prefix,
                        name: $0.name,
                        permissions: $0.permissions.sorted().map(\.rawValue),
                        createdBy: $0.createdBy,
                        createdAt: $0.createdAt,
                        expiresAt: $0.expiresAt,
                        revokedAt: $0.revokedAt,
                        lastUsedAt: $0.lastUsedAt
                    )
                }
            )
        )
    }

    /// `POST /api/v1/tokens`: permissions by their names, such as `orders.read`; only a signed-in user may.
    func createToken(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let body = try request.decodeJSON(TokenBody.self)
        let permissions = try Self.permissions(named: body.permissions)
        let issued = try answeringRefusals {
            try accounts.createAPIToken(
                name: body.name,
                permissions: permissions,
                expiresAt: body.expiresAt,
                by: principal,
                now: now
            )
        }
        var response = try HTTPResponse.json(
            IssuedAnswer(id: issued.id, token: issued.token, prefix: issued.prefix),
            status: .created
        )
        response.headers.add("Cache-Control", "no-store")
        return response
    }

    func revokeToken(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        guard let id = request.pathID("id") else { throw HTTPError.objectNotFound("token") }
        try answeringRefusals { try accounts.revokeAPIToken(id: id, by: principal, now: now) }
        return HTTPResponse(status: .noContent)
    }
}
