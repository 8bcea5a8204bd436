import Foundation

/// Reading a page's query string and writing links that carry one: values are checked here once, so a page
/// hands its queries only text it can show and bind.
extension PageContext {
    /// The query value `name`, trimmed, "" when absent.
    /// - Throws: ``PageProblem`` 400 naming `field` when it is longer than `maximumLength` characters or holds a
    ///   control character.
    func queryText(_ name: String, field: Message, maximumLength: Int = 64) throws -> String {
        let text = (request.queryValue(name) ?? "").trimmingCharacters(in: .whitespaces)
        guard text.count <= maximumLength, !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else { throw PageProblem(.badFilter, ["field": texts(field)]) }
        return text
    }

    /// The query value `name` as a positive whole number, nil when absent or empty.
    /// - Throws: ``PageProblem`` 400 naming `field` for anything else.
    func queryNumber(_ name: String, field: Message) throws -> Int64? {
        guard let text = request.queryValue(name), !text.isEmpty else { return nil }
        guard let number = Int64(text), number > 0 else { throw PageProblem(.badFilter, ["field": texts(field)]) }
        return number
    }

    /// The form field `name`, trimmed, "" when absent.
    /// - Throws: ``PageProblem`` 400 naming `field` when it is longer than `maximumLength` or holds a control
    ///   character.
    func formText(_ name: String, field: Message, maximumLength: Int = 64) throws -> String {
        let text = (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= maximumLength, !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else { throw PageProblem(.badField, ["field": texts(field)]) }
        return text
    }
}

enum PageLink {
    /// `path` with the non-empty `parameters` as a query string, each value percent-encoded.
    static func to(_ path: String, _ parameters: [(String, String)]) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let query = parameters.filter { !$0.1.isEmpty }.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }
        return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
    }
}
