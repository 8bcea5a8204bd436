/// A route's path such as `/api/v1/orders/{id}`: literal segments, and `{name}` segments that match any one
/// non-empty segment and hand it to the handler as a path parameter.
public struct RoutePattern: Hashable, Sendable, CustomStringConvertible {
    enum Segment: Hashable, Sendable {
        case literal(String)
        case parameter(String)
    }

    /// The pattern as written; logged as `http.route`.
    public let description: String
    let segments: [Segment]

    /// Parses `pattern`. Patterns are written in code, so a malformed one is a programming error and traps.
    public init(_ pattern: String) {
        precondition(pattern.hasPrefix("/"), "a route pattern starts with /: \(pattern)")
        description = pattern
        segments = pattern.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { part in
            guard part.hasPrefix("{") else {
                precondition(!part.contains("{") && !part.contains("}"), "a {name} must fill its segment: \(pattern)")
                return .literal(String(part))
            }
            precondition(part.hasSuffix("}") && part.count > 2, "a parameter is written {name}: \(pattern)")
            return .parameter(String(part.dropFirst().dropLast()))
        }
        let names = parameterNames
        precondition(Set(names).count == names.count, "parameter names repeat in \(pattern)")
    }

    /// The names of the `{name}` segments, in order.
    public var parameterNames: [String] {
        segments.compactMap {
            if case .parameter(let name) = $0 { return name }
            return nil
        }
    }

    /// Literal segments: when two patterns match a path, the one with more literals wins, so
    /// `/orders/summary` is chosen before `/orders/{id}`.
    var literalCount: Int {
        segments.count - parameterNames.count
    }

    /// The path parameters when `path` matches, otherwise nil.
    func match(_ path: String) -> [String: String]? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard path.hasPrefix("/"), parts.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let text):
                guard part == text else { return nil }
            case .parameter(let name):
                guard !part.isEmpty else { return nil }
                parameters[name] = String(part)
            }
        }
        return parameters
    }
}
