import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension WebPages {
    /// The admin pages: users, roles and data scopes, all behind users.manage, calling the same `AccountService`
    /// functions as `/api/v1/users` and `/api/v1/roles`. The service refuses grants beyond the manager's own.
    func addAdminRoutes(to router: inout Router) {
        let manage = RouteAccess.permission(.usersManage)
        page(&router, .get, "/admin/users", manage) { try usersPage($0) }
        page(&router, .post, "/admin/users", manage) { try createUser($0) }
        page(&router, .get, "/admin/users/{id}", manage) { try userPage($0) }
        page(&router, .post, "/admin/users/{id}/roles", manage) { try saveRoles($0) }
        page(&router, .post, "/admin/users/{id}/scope", manage) { try saveScope($0) }
        page(&router, .post, "/admin/users/{id}/disable", manage) { try disableUser($0) }
        page(&router, .get, "/admin/roles", manage) { try rolesPage($0) }
        page(&router, .post, "/admin/roles", manage) { try createRole($0) }
    }

    /// `GET /admin/users`: every user of the company with their roles, and the form to add one.
    func usersPage(_ context: PageContext, notice: String? = nil) throws -> HTTPResponse {
        let texts = context.texts
        let users = try accounts.users(by: context.principal)
        let roles = try accounts.roles(by: context.principal)
        let names = Dictionary(roles.map { ($0.id, texts.roleName($0.role)) }, uniquingKeysWith: { first, _ in first })
        let rows = users.map { user -> HTML in
            let roleNames = user.roleIDs.compactMap { names[$0] }.joined(separator: ", ")
            let disable: HTML =
                user.isDisabled || user.id == context.principal.userID
                ? .empty
                : """
                <form method="post" action="/admin/users/\(user.id)/disable" class="inline">\(context.csrfField)\
                <button type="submit">\(texts(.disable))</button></form>
                """
            return """
                <tr><td><a href="/admin/users/\(user.id)">\(user.email)</a></td><td>\(user.displayName)</td>\
                <td>\(roleNames)</td><td>\(texts(user.isDisabled ? .userDisabled : .userActive))</td>\
                <td>\(texts(user.isTOTPEnabled ? .totpOn : .totpOff))</td><td>\(disable)</td></tr>
                """
        }
        let body: HTML = """
            <h1>\(texts(.users))</h1>
            \(Self.notice(notice))
            <table><tr><th>\(texts(.email))</th><th>\(texts(.displayName))</th><th>\(texts(.roles))</th>\
            <th>\(texts(.status))</th><th>\(texts(.twoFactor))</th><th></th></tr>\(rows)</table>
            <h2>\(texts(.addUser))</h2>
            <form method="post" action="/admin/users" class="stack">\(context.csrfField)
            <label>\(texts(.email))<input type="email" name="email" required maxlength="254"></label>
            <label>\(texts(.displayName))<input name="name" maxlength="100"></label>
            <label>\(texts(.firstPassword))<input type="password" name="password" required minlength="12" \
            autocomplete="new-password"></label>
            <fieldset><legend>\(texts(.roles))</legend>\(roleBoxes(roles, chosen: [], texts: texts))</fieldset>
            <button type="submit" class="primary">\(texts(.addUser))</button>
            </form>
            <p><a href="/admin/roles">\(texts(.roles))</a></p>
            """
        return Responses.page(Layout(context: context).render(title: texts(.users), body: body))
    }

    /// `POST /admin/users`: `email`, `name`, `password` and the ticked `role` ids. Like the API, the new user sees
    /// the shops and warehouses their creator sees.
    func createUser(_ context: PageContext) throws -> HTTPResponse {
        let form = context.form
        let new = NewUser(
            email: form["email"] ?? "",
            displayName: form["name"] ?? "",
            password: form["password"] ?? "",
            roleIDs: try Self.ids(form.values("role"), required: .chooseRole),
            scope: context.principal.scope
        )
        do {
            _ = try accounts.createUser(new, by: context.principal, now: now)
        } catch let error as AccountError where error.code == .invalidInput {
            throw PageProblem(error.detail == "email" ? .badEmail : .badDisplayName)
        }
        let email = new.email.trimmed.lowercased()
        return try usersPage(context, notice: context.texts(.userAdded, ["email": email]))
    }

    /// `POST /admin/users/{id}/disable`: the user can no longer sign in and their sessions end.
    func disableUser(_ context: PageContext) throws -> HTTPResponse {
        let user = try managedUser(context)
        try accounts.disableUser(id: user.id, by: context.principal, now: now)
        return try usersPage(context, notice: context.texts(.userWasDisabled, ["email": user.email]))
    }

    /// `GET /admin/users/{id}`: the user's roles and data scope, a form each: each is one change, saved whole or
    /// not at all.
    func userPage(_ context: PageContext, notice: String? = nil) throws -> HTTPResponse {
        let texts = context.texts
        let user = try managedUser(context)
        let roles = try accounts.roles(by: context.principal)
        let (shops, warehouses) = try database.read { connection in
            (
                try DeskQueries(connection).shopRows(companyID: context.principal.companyID),
                try CompanyRecords(connection).warehouses(companyID: context.principal.companyID)
            )
        }
        let shopChoices = shops.map { (id: $0.id, label: $0.code == $0.name ? $0.code : "\($0.code) \($0.name)") }
        let warehouseChoices = warehouses.map { (id: $0.id, label: "\($0.warehouse.code) \($0.warehouse.name)") }
        let body: HTML = """
            <h1>\(texts(.changeAccess)): \(user.email)</h1>
            \(Self.notice(notice))
            <form method="post" action="/admin/users/\(user.id)/roles" class="stack">\(context.csrfField)
            <fieldset><legend>\(texts(.roles))</legend>\(roleBoxes(roles, chosen: Set(user.roleIDs), texts: texts))</fieldset>
            <button type="submit" class="primary">\(texts(.save))</button>
            </form>
            <form method="post" action="/admin/users/\(user.id)/scope" class="stack">\(context.csrfField)
            <fieldset><legend>\(texts(.dataScope)): \(texts(.shops))</legend>\
            \(reachBoxes("shop", user.scope.shops, shopChoices, all: texts(.allShops)))</fieldset>
            <fieldset><legend>\(texts(.dataScope)): \(texts(.warehouses))</legend>\
            \(reachBoxes("warehouse", user.scope.warehouses, warehouseChoices, all: texts(.allWarehouses)))</fieldset>
            <button type="submit" class="primary">\(texts(.save))</button>
            </form>
            <p><a href="/admin/users">\(texts(.users))</a></p>
            """
        return Responses.page(Layout(context: context).render(title: texts(.changeAccess), body: body))
    }

    /// `POST /admin/users/{id}/roles`: the ticked `role`s replace the user's, as `PUT /api/v1/users/{id}/roles`.
    func saveRoles(_ context: PageContext) throws -> HTTPResponse {
        let user = try managedUser(context)
        let roleIDs = try Self.ids(context.form.values("role"), required: .chooseRole)
        try accounts.assignRoles(roleIDs, toUser: user.id, by: context.principal, now: now)
        return try userPage(context, notice: context.texts(.accessSaved, ["email": user.email]))
    }

    /// `POST /admin/users/{id}/scope`: `shops=all` or the ticked `shop` ids, the same for warehouses, replace the
    /// user's data scope, as `PUT /api/v1/users/{id}/scope`.
    func saveScope(_ context: PageContext) throws -> HTTPResponse {
        let form = context.form
        let user = try managedUser(context)
        let scope = DataScope(
            shops: form["shops"] == "all" ? .all : .only(Set(try Self.ids(form.values("shop"), required: nil))),
            warehouses: form["warehouses"] == "all"
                ? .all : .only(Set(try Self.ids(form.values("warehouse"), required: nil)))
        )
        try accounts.setScope(scope, forUser: user.id, by: context.principal, now: now)
        return try userPage(context, notice: context.texts(.accessSaved, ["email": user.email]))
    }

    /// The user of the path, if the company has them; 404 otherwise.
    private func managedUser(_ context: PageContext) throws -> UserSummary {
        guard let id = context.request.pathID("id"),
            let user = try accounts.users(by: context.principal).first(where: { $0.id == id })
        else { throw HTTPError.objectNotFound("user") }
        return user
    }

    /// A checkbox per role, `chosen` ticked.
    func roleBoxes(_ roles: [RoleRecord], chosen: Set<Int64>, texts: Texts) -> HTML {
        roles.map { record -> HTML in
            let checked: HTML = chosen.contains(record.id) ? " checked" : ""
            return """
                <label class="choice"><input type="checkbox" name="role" value="\(record.id)"\(checked)> \
                \(texts.roleName(record.role))</label>
                """
        }.joined
    }

    /// "All" and a checkbox per shop or warehouse, ticked as `reach` admits them.
    private func reachBoxes(
        _ name: String,
        _ reach: DataScope.Reach,
        _ choices: [(id: Int64, label: String)],
        all: String
    )
        -> HTML
    {
        let isAll: HTML = reach.ids == nil ? " checked" : ""
        let boxes = choices.map { choice -> HTML in
            let checked: HTML = reach.ids?.contains(choice.id) == true ? " checked" : ""
            return """
                <label class="choice"><input type="checkbox" name="\(name)" value="\(choice.id)"\(checked)> \
                \(choice.label)</label>
                """
        }
        return """
            <label class="choice"><input type="checkbox" name="\(name)s" value="all"\(isAll)> \(all)</label>\
            \(boxes)
            """
    }

    /// Ids posted by checkboxes. A value that is not a positive number is a forged form: 400.
    static func ids(_ values: [String], required: Message?) throws -> [Int64] {
        let ids = try values.map { text -> Int64 in
            guard let id = Int64(text), id > 0 else { throw PageProblem(.badForm) }
            return id
        }
        if let required, ids.isEmpty { throw PageProblem(required) }
        return ids
    }

    /// A line saying what was just done, or nothing.
    static func notice(_ text: String?) -> HTML {
        text.map { "<p class=\"notice\">\($0)</p>" } ?? .empty
    }
}
