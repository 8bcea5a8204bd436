import Foundation
import Testing

/// The real platform answers in ../shared/data/api_examples (no stated licence: read in place, never copied).
enum SharedExamples {
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/data/api_examples")

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: folder.path)
    }

    static let skipReason: Comment = "../shared/data/api_examples is not present next to the repository"

    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
}
