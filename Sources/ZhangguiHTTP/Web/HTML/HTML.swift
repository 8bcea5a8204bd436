/// A piece of HTML. Text interpolated into it is escaped, so a value from the database or a request can only ever
/// appear as text: `"<td>\(order.buyerNote)</td>"` shows a stored `<script>` as the characters it is.
///
/// Only string literals written in code and other `HTML` values go in as markup. ``trusted(_:)`` exists for markup
/// the server builds itself from values it checked, such as the QR code's SVG.
struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The markup, ready to send.
    private(set) var markup: String

    init(stringLiteral literal: String) {
        markup = literal
    }

    init(stringInterpolation: StringInterpolation) {
        markup = stringInterpolation.markup
    }

    private init(markup: String) {
        self.markup = markup
    }

    /// Markup built by the server itself from checked values; never pass text that came from a request or a row.
    static func trusted(_ markup: String) -> HTML {
        HTML(markup: markup)
    }

    static let empty: HTML = ""

    var description: String { markup }

    /// Literals are markup; every interpolated string or number is escaped.
    struct StringInterpolation: StringInterpolationProtocol {
        var markup = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        mutating func appendLiteral(_ literal: String) {
            markup += literal
        }

        mutating func appendInterpolation(_ html: HTML) {
            markup += html.markup
        }

        mutating func appendInterpolation(_ html: HTML?) {
            markup += html?.markup ?? ""
        }

        mutating func appendInterpolation(_ parts: [HTML]) {
            for part in parts { markup += part.markup }
        }

        mutating func appendInterpolation(_ text: String) {
            markup += HTML.escape(text)
        }

        mutating func appendInterpolation(_ text: Substring) {
            markup += HTML.escape(String(text))
        }

        mutating func appendInterpolation(_ number: Int64) {
            markup += String(number)
        }

        mutating func appendInterpolation(_ number: Int) {
            markup += String(number)
        }
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities: safe in text and in quoted attribute values.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}

extension Array where Element == HTML {
    /// The parts one after another.
    var joined: HTML {
        HTML.trusted(map(\.markup).joined())
    }
}
