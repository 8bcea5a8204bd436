import Foundation
import Testing

@testable import ZhangguiHTTP

@Suite("every text of the pages comes from the catalogues")
struct CatalogueTests {
    @Test("zh-Hans and en have exactly the same messages, none empty, with the same parameters")
    func sameKeys() {
        let all = Set(Message.allCases)
        #expect(Set(Catalogue.zhHans.keys) == all)
        #expect(Set(Catalogue.en.keys) == all)
        for message in Message.allCases {
            let chinese = Catalogue.zhHans[message] ?? ""
            let english = Catalogue.en[message] ?? ""
            #expect(!chinese.isEmpty && !english.isEmpty, "\(message) is empty")
            #expect(Self.parameters(chinese) == Self.parameters(english), "\(message) has other parameters")
        }
    }

    @Test("every trade state and hold reason has a name")
    func statesAndReasons() {
        let texts = Texts(language: .en)
        for state in ["pendingReview", "onHold", "approved", "allocated", "waybilled", "shipped", "cancelled"] {
            #expect(Message(rawValue: "state.\(state)") != nil, "\(state)")
        }
        #expect(texts.holdReason("stock_shortage") == "Out of stock")
    }

    /// The page sources hold no Chinese and no words between tags or in placeholders: texts come from the
    /// catalogues, values from interpolations.
    @Test("no page writes text of its own")
    func noTextBypassesTheCatalogue() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Sources/ZhangguiHTTP/Web")
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".swift") && !$0.hasPrefix("Text/") && !$0.hasSuffix("Stylesheet.swift")
        }
        #expect(files.count > 5)
        for file in files {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let code = source.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
                .joined(separator: "\n")
            #expect(!code.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "Chinese in \(file)")
            for text in Self.textNodes(Self.literals(Self.withoutInterpolations(code))) {
                #expect(!text.contains { $0.isLetter }, "\(file) writes '\(text)'")
            }
        }
    }

    private static func parameters(_ text: String) -> Set<String> {
        Set(text.split(separator: "{").dropFirst().compactMap { $0.split(separator: "}").first.map(String.init) })
    }

    /// `source` with every `\(…)` removed, parentheses balanced.
    private static func withoutInterpolations(_ source: String) -> String {
        var result = ""
        var depth = 0
        var characters = source.makeIterator()
        while let character = characters.next() {
            if depth == 0, character == "\\" {
                guard let next = characters.next() else { break }
                if next == "(" {
                    depth = 1
                } else {
                    result.append(character)
                    result.append(next)
                }
                continue
            }
            if depth > 0 {
                if character == "(" { depth += 1 }
                if character == ")" { depth -= 1 }
                continue
            }
            result.append(character)
        }
        return result
    }

    /// The contents of the string literals of `source`, one line each: lines of `"""` blocks, and the parts
    /// between quotes on other lines.
    private static func literals(_ source: String) -> String {
        var lines: [String] = []
        var isInBlock = false
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.contains("\"\"\"") {
                isInBlock.toggle()
                continue
            }
            if isInBlock {
                lines.append(String(line))
                continue
            }
            let parts = line.replacingOccurrences(of: "\\\"", with: "'").split(
                separator: "\"",
                omittingEmptySubsequences: false
            )
            lines += parts.enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
        return lines.joined(separator: "\n")
    }

    /// The text between a tag's `>` and the next `<`, and the values of `placeholder`, `title` and `alt`.
    private static func textNodes(_ source: String) -> [String] {
        var texts: [String] = []
        for line in source.split(separator: "\n") where line.contains("<") {
            let pieces = line.split(separator: ">", omittingEmptySubsequences: false).dropFirst()
            for piece in pieces {
                let text = piece.prefix { $0 != "<" && $0 != "\"" }
                if piece.contains("<") { texts.append(String(text).trimmingCharacters(in: .whitespaces)) }
            }
            for attribute in [
                "placeholder='", "title='", "placeholder=\\\"", "title=\\\"", "alt=\\\"", "placeholder=\"", "title=\"",
                "alt=\"",
            ] {
                for part in line.components(separatedBy: attribute).dropFirst() {
                    texts.append(String(part.prefix { $0 != "\"" && $0 != "\\" && $0 != "'" }))
                }
            }
        }
        return texts
    }
}
