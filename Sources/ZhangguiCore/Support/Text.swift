extension Substring {
    /// The text without leading and trailing whitespace, including the full-width space U+3000.
    func trimmingWhitespace() -> Substring {
        var text = self
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }
}

extension String {
    /// The text without leading and trailing whitespace, including the full-width space U+3000.
    public var trimmed: String {
        String(Substring(self).trimmingWhitespace())
    }
}
