extension HTTPRequest {
    /// The query parameter `name` as a whole number in `range`, or `defaultValue` when absent.
    /// - Throws: ``HTTPError`` 400 `invalid_query` naming the parameter when it is not such a number.
    public func integerQuery(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws(HTTPError)
        -> Int
    {
        guard let text = queryValue(name) else { return defaultValue }
        guard let number = Int(text), range.contains(number) else {
            throw .invalidQuery(name, "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// The query parameter `name` as one of `Value`'s raw values, or nil when absent or empty.
    /// - Throws: ``HTTPError`` 400 `invalid_query` listing the allowed values.
    public func enumQuery<Value: RawRepresentable & CaseIterable>(_ name: String, as type: Value.Type)
        throws(HTTPError) -> Value? where Value.RawValue == String
    {
        guard let text = queryValue(name), !text.isEmpty else { return nil }
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidQuery(name, "\(name) must be one of: \(allowed)")
        }
        return value
    }
}
