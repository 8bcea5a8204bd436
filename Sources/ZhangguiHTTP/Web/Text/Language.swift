import Foundation

/// The languages of the pages: 简体中文 by default, English by choice (a cookie, `zg_lang`).
enum Language: String, CaseIterable, Sendable {
    case zhHans = "zh-Hans"
    case en

    /// The `zg_lang` cookie's value, or Chinese when it is absent or unknown.
    init(cookie: String?) {
        self = cookie.flatMap(Language.init(rawValue:)) ?? .zhHans
    }

    /// The other language, offered by the switch in the header.
    var other: Language { self == .zhHans ? .en : .zhHans }

    /// Every text of the pages in this language.
    var catalogue: [Message: String] {
        switch self {
        case .zhHans: Catalogue.zhHans
        case .en: Catalogue.en
        }
    }
}

/// The texts of a page in one language: `texts(.signIn)`, or with named parameters
/// `texts(.retryAfter, ["seconds": "30"])`, which fill `{seconds}` in the catalogue's text.
struct Texts: Sendable {
    let language: Language

    func callAsFunction(_ message: Message, _ parameters: [String: String] = [:]) -> String {
        var text = language.catalogue[message] ?? message.rawValue
        for (name, value) in parameters {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }
}
