import ZhangguiCore
import ZhangguiServices

extension ZhangguiAPI {
    struct NewRoleBody: JSONBody {
        let name: String
        let permissions: [String]

        enum CodingKeys: String, CodingKey, CaseIterable { case name, permissions }
    }

    struct UserRolesBody: JSONBody {
        let roleIDs: [Int64]

        enum CodingKeys: String, CodingKey, CaseIterable { case roleIDs }
    }

    /// A data scope: each of `shops` and `warehouses` is either the string `"all"` or a list of ids.
    struct UserScopeBody: JSONBody {
        let shops: ScopeReach
        let warehouses: ScopeReach

        enum CodingKeys: String, CodingKey, CaseIterable { case shops, warehouses }
    }

    /// `"all"` (every one, including ones added later) or a list of ids (exactly those; empty admits nothing).
    struct ScopeReach: Decodable {
        let reach: DataScope.Reach

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let word = try? container.decode(String.self) {
                guard word == "all" else {
                    throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"all\" or a list of ids")
                }
                reach = .all
            } else {
                reach = .only(Set(try container.decode([Int64].self)))
            }
        }
    }

    /// Custom roles, and a user's roles and data scope; all need users.manage and stay within the manager's own.
    func addUserAccessRoutes(to router: inout Router) {
        let manage = RouteAccess.permission(.usersManage)
        add(&router, .post, "/api/v1/roles", manage, "create a custom role from permissions one holds", createRole)
        add(&router, .put, "/api/v1/users/{id}/roles", manage, "replace a user's roles", assignRoles)
        add(&router, .put, "/api/v1/users/{id}/scope", manage, "replace a user's shops and warehouses", setScope)
    }

    /// `POST /api/v1/roles` `{"name","permissions"}` → 201 `{"id"}`.
    func createRole(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let body = try request.decodeJSON(NewRoleBody.self)
        let permissions = try Self.permissions(named: body.permissions)
        let id = try answeringRefusals {
            try accounts.createRole(name: body.name, permissions: permissions, by: principal, now: now)
        }
        return try .json(CreatedAnswer(id: id), status: .created)
    }

    func assignRoles(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        guard let id = request.pathID("id") else { throw HTTPError.objectNotFound("user") }
        let body = try request.decodeJSON(UserRolesBody.self)
        try answeringRefusals { try accounts.assignRoles(body.roleIDs, toUser: id, by: principal, now: now) }
        return HTTPResponse(status: .noContent)
    }

    func setScope(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        guard let id = request.pathID("id") else { throw HTTPError.objectNotFound("user") }
        let body = try request.decodeJSON(UserScopeBody.self)
        let scope = DataScope(shops: body.shops.reach, warehouses: body.warehouses.reach)
        try answeringRefusals { try accounts.setScope(scope, forUser: id, by: principal, now: now) }
        return HTTPResponse(status: .noContent)
    }

    /// Permissions by their names, such as `orders.read`.
    /// - Throws: ``HTTPError`` 400 `invalid_value` naming the first unknown one as `permissions[i]`.
    static func permissions(named names: [String]) throws -> Set<Permission> {
        var permissions: Set<Permission> = []
        for (index, name) in names.enumerated() {
            guard let permission = Permission(rawValue: name) else {
                throw HTTPError(
                    .badRequest,
                    code: .invalidValue,
                    message: "not a permission",
                    field: "permissions[\(index)]"
                )
            }
            permissions.insert(permission)
        }
        return permissions
    }
}
