/// One `name=value` pair of a request's query string, already percent-decoded.
public struct QueryItem: Sendable, Equatable {
    public let name: String
    /// Nil for a bare `?name` without `=`.
    public let value: String?

    public init(name: String, value: String?) {
        self.name = name
        self.value = value
    }
}
