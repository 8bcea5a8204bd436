import Foundation
import ZhangguiServices

enum AdminCommand {
    /// The environment variable that can hold the first admin's password instead of a generated one.
    static let passwordVariable = "ZHANGGUI_ADMIN_PASSWORD"

    static let command = Command(
        name: "admin",
        summary: "give the company its first admin, to sign in to the server",
        help: """
            Usage: zhanggui admin --email EMAIL [--name NAME]

            Creates the built-in roles (管理员, 财务, 仓储, 客服) and a first user with the admin role for the
            company of a database made by `zhanggui init`, so that someone can sign in to `zhanggui serve`. The
            password is taken from the environment variable \(passwordVariable) when it is set (at least 10
            characters); otherwise a random one is made and printed once. Refused when the company has users
            already: an admin adds more through the API or the pages. Change the password after the first sign-in.

            Options:
              --email EMAIL  the admin's sign-in email
              --name NAME    the name shown to colleagues (default the email)
            """,
        options: ["email", "name"]
    ) { arguments in
        guard let email = arguments.option("email") else { throw UsageError("give --email EMAIL") }
        let (database, companyID) = try Workspace(arguments).openCompany()
        let given = ProcessInfo.processInfo.environment[passwordVariable] ?? ""
        let password = given.isEmpty ? try AccountService.generatedPassword() : given
        let now = Int64(Date().timeIntervalSince1970)
        _ = try AccountService(database: database).createFirstAdmin(
            companyID: companyID,
            email: email,
            password: password,
            name: arguments.option("name") ?? "",
            now: now
        )
        Output.line("admin \(email) created")
        if given.isEmpty { Output.line("password (shown once): \(password)") }
        return 0
    }
}
