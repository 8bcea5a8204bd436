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
        let bytes = utf8
        if let first = bytes.first, let last = bytes.last, Self.isPlainASCII(first), Self.isPlainASCII(last) {
            return self
        }
        return String(Substring(self).trimmingWhitespace())
    }

    /// A printable ASCII byte other than space: certainly not whitespace, so trimming can stop.
    private static func isPlainASCII(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }
}
