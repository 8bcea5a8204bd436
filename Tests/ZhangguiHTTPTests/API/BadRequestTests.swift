import Foundation
import Testing
import ZhangguiCore
import ZhangguiHTTP

/// One request that must be refused.
struct BadRequest: Sendable, CustomStringConvertible {
    let method: String
    let path: String
    let body: Data?
    let headers: [String: String]
    let label: String

    var description: String { "\(method) \(path) [\(label)]" }
}

@Suite("bad requests are refused with 4xx in the error shape, never 5xx")
struct BadRequestTests {
    @Test("hundreds of malformed, mistyped, unknown, missing, oversized, injected and disguised requests")
    func batch() async throws {
        let shop = try APIShop()
        let admin = try await shop.signIn(.admin)
        let order = shop.companyA.tradeIDs[0]
        let requests =
            BadRequests.json(order: order) + BadRequests.queries() + BadRequests.uploads()
            + BadRequests.oversized() + BadRequests.methodsAndPaths(order: order)
        #expect(requests.count >= 300)

        for request in requests {
            let answer = try await shop.call(
                request.method,
                request.path,
                as: request.path == "/api/v1/session" ? .none : admin,
                body: request.body,
                headers: request.headers
            )

            #expect((400...499).contains(answer.status), "\(request): \(answer.status) \(answer.text)")
            let code = try? answer.error["code"] as? String
            #expect(code?.isEmpty == false, "\(request): \(answer.text)")
        }
        let still = try await shop.call("GET", "/api/v1/orders/\(order)", as: admin)
        #expect(try still.json["state"] as? String == "pendingReview")
    }

    @Test("SQL and script fragments in free-text filters find nothing and change nothing")
    func injectedFilters() async throws {
        let shop = try APIShop()
        let admin = try await shop.signIn(.admin)

        for fragment in BadRequests.fragments {
            let text = fragment.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let orders = try await shop.call("GET", "/api/v1/orders?shop=\(text)", as: admin)
            let stock = try await shop.call("GET", "/api/v1/stock?sku=\(text)", as: admin)

            #expect(orders.text == #"{"orders":[]}"#, "\(fragment)")
            #expect(stock.text == #"{"stock":[]}"#, "\(fragment)")
        }
        let all = try await shop.call("GET", "/api/v1/orders", as: admin)
        #expect(try (all.json["orders"] as? [Any])?.count == 2)
    }
}

/// The generated bad requests.
enum BadRequests {
    static let fragments = [
        "' OR '1'='1", "'; DROP TABLE trades; --", "1 OR 1=1", "\" OR \"\"=\"", "<script>alert(1)</script>",
        "%' UNION SELECT email FROM users --", "../../etc/passwd", "${jndi:ldap://127.0.0.1/x}",
    ]

    /// JSON routes, with a body each that is refused as it stands (wrong password, short password, unknown
    /// permission, a line the order lacks, one order to merge), so that no mutation of it can succeed either.
    static func json(order: Int64) -> [BadRequest] {
        let routes: [(String, [String: Any])] = [
            ("/api/v1/session", ["email": "nobody@x.example", "password": "not the password"]),
            (
                "/api/v1/companies",
                ["companyName": "店", "timeZone": "Asia/Shanghai", "adminEmail": "new@x.example", "adminPassword": "x"]
            ),
            ("/api/v1/users", ["email": "new@a.example", "displayName": "新", "password": "x", "roleIDs": [1]]),
            ("/api/v1/tokens", ["name": "t", "permissions": ["no.such"], "expiresAt": 1]),
            ("/api/v1/orders/\(order)/hold", ["note": 5]),
            ("/api/v1/orders/\(order)/split", ["lines": [["lineNo": 99, "quantity": 1]]]),
            ("/api/v1/orders/merge", ["orders": [order]]),
        ]
        return routes.flatMap { path, template in
            mutations(of: template).map { label, body in
                BadRequest(
                    method: "POST",
                    path: path,
                    body: body,
                    headers: ["Content-Type": "application/json"],
                    label: label
                )
            } + [
                BadRequest(
                    method: "POST",
                    path: path,
                    body: encode(template),
                    headers: ["Content-Type": "text/plain"],
                    label: "not JSON media type"
                )
            ]
        }
    }

    /// Syntax errors, truncations, other JSON values, unknown fields, missing fields, wrong types and injected text.
    static func mutations(of template: [String: Any]) -> [(String, Data)] {
        let isHold = template.keys.sorted() == ["note"]
        let valid = encode(template)
        var bodies: [(String, Data)] = [
            ("empty", Data()), ("open brace", Data("{".utf8)), ("array", Data("[]".utf8)), ("null", Data("null".utf8)),
            ("number", Data("42".utf8)), ("string", Data(#""text""#.utf8)), ("trailing comma", Data(#"{"a":1,}"#.utf8)),
            ("single quotes", Data("{'a':1}".utf8)), ("binary", Data([0xFF, 0xFE, 0x00, 0x7B])),
            ("deep nesting", Data((String(repeating: "[", count: 400) + String(repeating: "]", count: 400)).utf8)),
            ("unknown field", encode(template.merging(["isAdmin": true]) { $1 })),
        ]
        for cut in stride(from: 1, to: valid.count, by: max(valid.count / 6, 1)) {
            bodies.append(("truncated at \(cut)", valid.prefix(cut)))
        }
        for key in template.keys.sorted() {
            var missing = template
            missing[key] = nil
            if !missing.isEmpty || template.count > 1 { bodies.append(("missing \(key)", encode(missing))) }
            // Any text is a valid password or note; injected text in them is tested as stored, not refused.
            let isFreeText = ["password", "adminPassword", "note"].contains(key)
            for (label, value) in wrongValues where !(isFreeText && label.hasPrefix("fragment")) {
                var changed = template
                changed[key] = value
                bodies.append(("\(key) as \(label)", encode(changed)))
            }
        }
        // A hold may come without a body or a note: those are valid.
        return bodies.filter { !["missing note", "note as null"].contains($0.0) && !($0.0 == "empty" && isHold) }
    }

    static var wrongValues: [(String, Any)] {
        [
            ("null", NSNull()), ("object", ["x": 1]), ("array of objects", [["x": 1]]), ("bool", true),
            ("huge number", 1e300), ("fraction", 1.5),
        ] + fragments.map { ("fragment \($0)", $0) }
    }

    /// Query parameters of the wrong type or with injected text where a typed value is expected.
    static func queries() -> [BadRequest] {
        let typed = ["state", "cursor", "limit", "sort"]
        var requests: [BadRequest] = []
        for name in typed {
            for fragment in fragments + ["-1", "0x10", "1e3", "99999999999999999999"]
            where name != "cursor" || fragment != "0x10" {
                let text = fragment.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                requests.append(get("/api/v1/orders?\(name)=\(text)", "\(name)=\(fragment)"))
            }
        }
        for fragment in fragments {
            let text = fragment.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            requests.append(get("/api/v1/audit?objectType=order", "audit without objectId \(fragment)"))
            requests.append(get("/api/v1/audit?userId=\(text)", "audit userId=\(fragment)"))
            requests.append(get("/api/v1/products?cursor=\(text)", "products cursor=\(fragment)"))
            requests.append(get("/api/v1/books/report?top=\(text)", "report top=\(fragment)"))
        }
        return requests
    }

    /// Uploads whose name or bytes are not what an import reads.
    static func uploads() -> [BadRequest] {
        let csv = Data("商家编码,商品名称\nMUG,杯子\n".utf8)
        let cases: [(String, String, Data)] = [
            ("products", "fake.xlsx", Data("not a zip archive".utf8)),
            ("products", "fake.csv.gz", Data("plain text, not gzip".utf8)),
            ("orders", "fake.xlsx", Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00])),
            ("stock", "fake.gz", Data([0x1F, 0x8B, 0x08, 0x00, 0x01])),
            ("products", "../escape.csv", csv),
            ("products", "%2E%2E%2Fescape.csv", csv),
            ("products", "name%00.csv", csv),
            ("products", "/etc/passwd.csv", csv),
            ("products", ".csv", csv),
            ("products", "program.exe", csv),
            ("products", "table.xls", csv),
            ("products", "no-extension", csv),
            ("products", "empty.csv", Data()),
            ("products", "empty.xlsx", Data()),
            ("unknown", "products.csv", csv),
            ("products", "", csv),
        ]
        return cases.map { kind, name, body in
            BadRequest(
                method: "POST",
                path: "/api/v1/imports/\(kind)?dryRun=true",
                body: body,
                headers: name.isEmpty ? [:] : ["X-File-Name": name],
                label: "upload \(kind) \(name)"
            )
        }
    }

    /// Methods a path does not have, and paths no route has.
    static func methodsAndPaths(order: Int64) -> [BadRequest] {
        let wrongMethods = [
            ("PUT", "/api/v1/session"), ("PATCH", "/api/v1/orders/\(order)"), ("DELETE", "/api/v1/orders/\(order)"),
            ("GET", "/api/v1/orders/\(order)/approve"), ("POST", "/api/v1/books/check"), ("PUT", "/api/v1/users"),
        ]
        let wrongPaths = [
            "/api/v1/orders/abc", "/api/v1/orders/-1", "/api/v1/orders/0", "/api/v1/orders/1.5",
            "/api/v1/orders/99999999999999999999", "/api/v1/products/%27%20OR%201%3D1", "/api/v2/orders",
            "/api/v1/orders/\(order)/ship", "/api/v1/imports/products/extra", "/api/v1/users/1/delete",
        ]
        return wrongMethods.map { BadRequest(method: $0.0, path: $0.1, body: nil, headers: [:], label: "method") }
            + wrongPaths.map { get($0, "path") }
    }

    /// Bodies over the server's 1 MiB limit, and an upload over its 64 MiB upload limit.
    static func oversized() -> [BadRequest] {
        let big = Data(repeating: UInt8(ascii: "a"), count: (1 << 20) + 1)
        let bigUpload = Data(repeating: UInt8(ascii: "a"), count: (64 << 20) + 1)
        return [
            BadRequest(
                method: "POST",
                path: "/api/v1/tokens",
                body: big,
                headers: ["Content-Type": "application/json"],
                label: "oversized JSON"
            ),
            BadRequest(
                method: "POST",
                path: "/api/v1/imports/products",
                body: bigUpload,
                headers: ["X-File-Name": "big.csv"],
                label: "oversized upload"
            ),
        ]
    }

    private static func get(_ path: String, _ label: String) -> BadRequest {
        BadRequest(method: "GET", path: path, body: nil, headers: [:], label: label)
    }

    private static func encode(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }
}
