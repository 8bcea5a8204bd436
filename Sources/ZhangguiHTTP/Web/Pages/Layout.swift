import Foundation
import ZhangguiCore

/// The frame of every page: the header with company, user, language switch and sign-out, and the navigation,
/// which lists only what the user's permissions allow.
struct Layout {
    let context: PageContext

    var texts: Texts { context.texts }

    /// A whole page with `title` and `body`; with `refreshSeconds`, the browser loads it again after that many
    /// seconds (a task's progress), no script needed.
    func render(title: String, body: HTML, refreshSeconds: Int? = nil) -> HTML {
        Self.document(
            texts: texts,
            title: title,
            refreshSeconds: refreshSeconds,
            header: """
                <header>
                <span class="company">\(context.companyName)</span>
                <nav>\(navigation)</nav>
                <span class="user">\(context.userEmail)</span>
                \(userLanguageSwitch)
                <form method="post" action="/signout" class="inline">\(context.csrfField)\
                <button type="submit" class="link">\(texts(.signOut))</button></form>
                </header>
                """,
            body: body
        )
    }

    /// A page for someone not signed in: sign-in, registration, errors before a session exists.
    static func bare(texts: Texts, title: String, body: HTML, back: String = "/signin") -> HTML {
        document(
            texts: texts,
            title: title,
            header: """
                <header><span class="company">\(texts(.appName))</span>\
                \(languageSwitch(texts: texts, back: back))</header>
                """,
            body: body
        )
    }

    private var navigation: HTML {
        var links: [HTML] = ["<a href=\"/\">\(texts(.dashboard))</a>"]
        if context.can(.ordersRead) { links.append("<a href=\"/orders\">\(texts(.orderDesk))</a>") }
        links.append("<a href=\"/account\">\(texts(.myAccount))</a>")
        links += WarehouseNavigation.links(context)
        if context.can(.ordersRead) { links.append("<a href=\"/shops\">\(texts(.shops))</a>") }
        if context.can(.usersManage) { links.append("<a href=\"/admin/users\">\(texts(.users))</a>") }
        return links.joined
    }

    /// For a signed-in user the switch is a form: the choice is stored with the user (`POST /account/language`).
    private var userLanguageSwitch: HTML {
        let other = texts.language.other
        return """
            <form method="post" action="/account/language" class="inline">\(context.csrfField)\
            <input type="hidden" name="to" value="\(other.rawValue)">\
            <input type="hidden" name="back" value="\(context.request.path)">\
            <button type="submit" class="link language">\(Texts(language: other)(.languageName))</button></form>
            """
    }

    private static func languageSwitch(texts: Texts, back: String) -> HTML {
        let other = texts.language.other
        let label = Texts(language: other)(.languageName)
        let path = back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
        return "<a class=\"language\" href=\"/language?to=\(other.rawValue)&amp;back=\(path)\">\(label)</a>"
    }

    private static func document(
        texts: Texts,
        title: String,
        refreshSeconds: Int? = nil,
        header: HTML,
        body: HTML
    ) -> HTML {
        let refresh: HTML = refreshSeconds.map { "<meta http-equiv=\"refresh\" content=\"\($0)\">" } ?? .empty
        return """
            <!DOCTYPE html>
            <html lang="\(texts.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            \(refresh)
            <title>\(title) · \(texts(.appName))</title>
            <link rel="stylesheet" href="/static/style.css">
            </head>
            <body>
            \(header)
            <main>
            \(body)
            </main>
            </body>
            </html>
            """
    }
}
