/// The answers pages give: HTML with the headers that keep it safe in a browser, and redirects.
enum Responses {
    /// No script runs, nothing loads from elsewhere, no other site may frame the page or receive its forms.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
        + "base-uri 'none'"

    /// An HTML page.
    static func page(_ html: HTML, status: HTTPStatus = .ok) -> HTTPResponse {
        var response = HTTPResponse(status: status, body: Array(html.markup.utf8))
        response.headers.add("Content-Type", "text/html; charset=utf-8")
        addSafetyHeaders(&response)
        return response
    }

    /// `303 See Other` to a path of this site.
    static func redirect(to path: String) -> HTTPResponse {
        var response = HTTPResponse(status: .seeOther)
        response.headers.add("Location", localPath(path))
        addSafetyHeaders(&response)
        return response
    }

    /// `path` when it is a path of this site (one leading `/`, no `//` or `\`), otherwise `/`: a link can never
    /// send the browser elsewhere.
    static func localPath(_ path: String?) -> String {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"),
            !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else { return "/" }
        return path
    }

    private static func addSafetyHeaders(_ response: inout HTTPResponse) {
        response.headers.add("Content-Security-Policy", contentSecurityPolicy)
        response.headers.add("X-Content-Type-Options", "nosniff")
        response.headers.add("Referrer-Policy", "same-origin")
        response.headers.add("Cache-Control", "no-store")
    }
}
