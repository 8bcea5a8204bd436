import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension WebPages {
    /// `GET /admin/roles`: the company's roles with their permissions, and the form for a custom role, which offers
    /// only the permissions the manager holds.
    func rolesPage(_ context: PageContext, notice: String? = nil) throws -> HTTPResponse {
        let texts = context.texts
        let roles = try accounts.roles(by: context.principal)
        let rows = roles.map { record -> HTML in
            let permissions = record.role.permissions.sorted().map {
                "\(texts.permission($0)) <code>\($0.rawValue)</code>" as HTML
            }
            return """
                <tr><td>\(texts.roleName(record.role))</td><td>\(texts(record.role.builtIn == nil ? .customRole : .builtInRole))\
                </td><td class="wrap">\(permissions.joined(separator: " "))</td></tr>
                """
        }
        let boxes = Permission.allCases.filter(context.can).map { permission -> HTML in
            """
            <label class="choice"><input type="checkbox" name="permission" value="\(permission.rawValue)"> \
            \(texts.permission(permission)) <code>\(permission.rawValue)</code></label>
            """
        }
        let body: HTML = """
            <h1>\(texts(.roles))</h1>
            \(Self.notice(notice))
            <table><tr><th>\(texts(.roleName))</th><th></th><th>\(texts(.permissions))</th></tr>\(rows)</table>
            <h2>\(texts(.defineRole))</h2>
            <form method="post" action="/admin/roles" class="stack">\(context.csrfField)
            <label>\(texts(.roleName))<input name="name" required maxlength="\(Role.maximumNameLength)"></label>
            <fieldset><legend>\(texts(.permissions))</legend>\(boxes)</fieldset>
            <button type="submit" class="primary">\(texts(.defineRole))</button>
            </form>
            <p><a href="/admin/users">\(texts(.users))</a></p>
            """
        return Responses.page(Layout(context: context).render(title: texts(.roles), body: body))
    }

    /// `POST /admin/roles`: `name` and the ticked `permission`s, through `AccountService.createRole` as the API.
    func createRole(_ context: PageContext) throws -> HTTPResponse {
        let names = context.form.values("permission")
        guard !names.isEmpty else { throw PageProblem(.choosePermission) }
        let permissions = try Set(
            names.map { name -> Permission in
                guard let permission = Permission(rawValue: name) else { throw PageProblem(.badForm) }
                return permission
            }
        )
        let name = context.form["name"] ?? ""
        _ = try accounts.createRole(name: name, permissions: permissions, by: context.principal, now: now)
        return try rolesPage(context, notice: context.texts(.roleDefined, ["name": name.trimmed]))
    }
}

extension Array where Element == HTML {
    /// The parts with `separator` between them.
    func joined(separator: HTML) -> HTML {
        var parts: [HTML] = []
        for (index, part) in enumerated() {
            if index > 0 { parts.append(separator) }
            parts.append(part)
        }
        return parts.joined
    }
}
