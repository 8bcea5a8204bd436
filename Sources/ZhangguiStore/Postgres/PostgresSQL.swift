/// A statement as PostgreSQL reads it: the `?` placeholders Zhanggui writes, numbered `$1`…`$n` left to right.
///
/// A `?` inside a string literal (`'…'`), a quoted identifier (`"…"`), a dollar-quoted body (`$tag$…$tag$`) or a
/// comment (`-- …`, `/* … */`) is text, not a placeholder, and stays as it is.
struct PostgresSQL: Sendable, Hashable {
    /// The statement with numbered placeholders.
    let text: String
    /// How many placeholders it has: the number of arguments it needs.
    let parameterCount: Int

    init(translating sql: String) {
        var scanner = Scanner(bytes: Array(sql.utf8))
        scanner.run()
        text = String(decoding: scanner.output, as: UTF8.self)
        parameterCount = scanner.parameterCount
    }
}

extension PostgresSQL {
    /// Copies the statement byte by byte, numbering placeholders and skipping over quoted text and comments.
    private struct Scanner {
        let bytes: [UInt8]
        var output: [UInt8] = []
        var parameterCount = 0
        private var index = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
            output.reserveCapacity(bytes.count + 16)
        }

        mutating func run() {
            while index < bytes.count {
                switch bytes[index] {
                case .questionMark:
                    parameterCount += 1
                    output.append(contentsOf: Array("$\(parameterCount)".utf8))
                    index += 1
                case .singleQuote, .doubleQuote: copyQuoted(closer: bytes[index])
                case .dash where next == .dash: copyLineComment()
                case .slash where next == .star: copyBlockComment()
                case .dollar where !followsIdentifier: copyDollarQuotedOrSign()
                default: copy(1)
                }
            }
        }

        private var next: UInt8? { index + 1 < bytes.count ? bytes[index + 1] : nil }

        /// Whether the byte before the current one continues an identifier, where `$` is part of the name.
        private var followsIdentifier: Bool { index > 0 && bytes[index - 1].isIdentifierByte }

        private mutating func copy(_ count: Int) {
            let end = min(index + count, bytes.count)
            output.append(contentsOf: bytes[index..<end])
            index = end
        }

        /// `'…'` or `"…"`, where a doubled closer stands for itself.
        private mutating func copyQuoted(closer: UInt8) {
            copy(1)
            while index < bytes.count {
                if bytes[index] == closer {
                    if next == closer {
                        copy(2)
                        continue
                    }
                    copy(1)
                    return
                }
                copy(1)
            }
        }

        private mutating func copyLineComment() {
            while index < bytes.count, bytes[index] != .newline { copy(1) }
        }

        /// `/* … */`, which PostgreSQL lets nest.
        private mutating func copyBlockComment() {
            var depth = 0
            while index < bytes.count {
                if bytes[index] == .slash, next == .star {
                    depth += 1
                    copy(2)
                } else if bytes[index] == .star, next == .slash {
                    depth -= 1
                    copy(2)
                    if depth == 0 { return }
                } else {
                    copy(1)
                }
            }
        }

        /// `$tag$ … $tag$` (the tag may be empty) copied whole; any other `$` (such as `$1`) copied alone.
        private mutating func copyDollarQuotedOrSign() {
            var end = index + 1
            while end < bytes.count, bytes[end].isIdentifierByte, !(end == index + 1 && bytes[end].isDigit) {
                end += 1
            }
            guard end < bytes.count, bytes[end] == .dollar else {
                copy(1)
                return
            }
            let tag = Array(bytes[index...end])
            copy(tag.count)
            while index < bytes.count {
                if bytes[index] == .dollar, bytes[index...].starts(with: tag) {
                    copy(tag.count)
                    return
                }
                copy(1)
            }
        }
    }
}

extension UInt8 {
    fileprivate static let questionMark = UInt8(ascii: "?")
    fileprivate static let singleQuote = UInt8(ascii: "'")
    fileprivate static let doubleQuote = UInt8(ascii: "\"")
    fileprivate static let dash = UInt8(ascii: "-")
    fileprivate static let slash = UInt8(ascii: "/")
    fileprivate static let star = UInt8(ascii: "*")
    fileprivate static let dollar = UInt8(ascii: "$")
    fileprivate static let newline = UInt8(ascii: "\n")

    fileprivate var isDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }

    /// A byte that may continue an unquoted identifier: letters, digits, `_`, and any byte of a non-ASCII letter.
    fileprivate var isIdentifierByte: Bool {
        isDigit || self == UInt8(ascii: "_") || self >= 0x80
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self | 0x20)
    }
}
