import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension ZhangguiAPI {
    struct UserList: Encodable {
        let users: [UserAnswer]
    }

    /// A user as managers see them: never a password hash or TOTP secret.
    struct UserAnswer: Encodable {
        let id: Int64
        let email: String
        let displayName: String
        let isDisabled: Bool
        let isTOTPEnabled: Bool
        let roleIDs: [Int64]
    }

    struct NewUserBody: JSONBody {
        let email: String
        let displayName: String?
        let password: String
        let roleIDs: [Int64]

        enum CodingKeys: String, CodingKey, CaseIterable { case email, displayName, password, roleIDs }
    }

    struct CreatedAnswer: Encodable {
        let id: Int64
    }

    struct RoleList: Encodable {
        let roles: [RoleAnswer]
    }

    struct RoleAnswer: Encodable {
        let id: Int64
        let name: String
        let builtIn: String?
        let permissions: [String]
    }

    func addUserRoutes(to router: inout Router) {
        let manage = RouteAccess.permission(.usersManage)
        add(&router, .get, "/api/v1/users", manage, "the company's users", users)
        add(&router, .post, "/api/v1/users", manage, "create a user", createUser)
        add(&router, .post, "/api/v1/users/{id}/disable", manage, "disable a user, ending their sessions", disableUser)
        add(&router, .get, "/api/v1/roles", manage, "the company's roles and their permissions", roles)
        addUserAccessRoutes(to: &router)
        addAccountRoutes(to: &router)
        addTokenRoutes(to: &router)
        addAuditRoutes(to: &router)
    }

    func users(_: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let users = try answeringRefusals { try accounts.users(by: principal) }
        return try .json(
            UserList(
                users: users.map {
                    UserAnswer(
                        id: $0.id,
                        email: $0.email,
                        displayName: $0.displayName,
                        isDisabled: $0.isDisabled,
                        isTOTPEnabled: $0.isTOTPEnabled,
                        roleIDs: $0.roleIDs
                    )
                }
            )
        )
    }

    /// `POST /api/v1/users`: the new user sees the shops and warehouses their creator sees.
    func createUser(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let body = try request.decodeJSON(NewUserBody.self)
        let new = NewUser(
            email: body.email,
            displayName: body.displayName ?? "",
            password: body.password,
            roleIDs: body.roleIDs,
            scope: principal.scope
        )
        let id = try answeringRefusals { try accounts.createUser(new, by: principal, now: now) }
        return try .json(CreatedAnswer(id: id), status: .created)
    }

    func disableUser(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        try refuseBody(request)
        guard let id = request.pathID("id") else { throw HTTPError.objectNotFound("user") }
        try answeringRefusals { try accounts.disableUser(id: id, by: principal, now: now) }
        return HTTPResponse(status: .noContent)
    }

    func roles(_: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let roles = try answeringRefusals { try accounts.roles(by: principal) }
        return try .json(
            RoleList(
                roles: roles.map {
                    RoleAnswer(
                        id: $0.id,
                        name: $0.role.name,
                        builtIn: $0.role.builtIn?.rawValue,
                        permissions: $0.role.permissions.sorted().map(\.rawValue)
                    )
                }
            )
        )
    }
}
