import Foundation
import Testing

@testable import zhanggui

@Suite("zhanggui labels and picklist: usage mistakes before any file, output written whole or not at all")
struct LabelCommandTests {
    @Test(
        "mistakes in the options exit 2 and open no database",
        arguments: [
            ["labels"], ["labels", "--out", "x.pdf", "--batch", "1", "--waybill", "ZG1"],
            ["labels", "--out", "x.pdf", "--batch", "0"], ["labels", "--out", "x.pdf", "--size", "100x100"],
            ["picklist", "--batch", "2"],
        ]
    )
    func usageMistakes(words: [String]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("z.sqlite").path

        let status = zhanggui.run(words + ["--db", database])

        #expect(status == 2)
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test("the file appears only when the work that produced it succeeded")
    func outputFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("out-\(UUID().uuidString).pdf").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        struct Refused: Error {}

        #expect(throws: Refused.self) {
            try OutputFile(path).write { deliver in
                try deliver([1, 2, 3])
                throw Refused()
            }
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: path + ".part"))

        try OutputFile(path).write { deliver in try deliver([1, 2, 3]) }

        #expect(FileManager.default.contents(atPath: path) == Data([1, 2, 3]))
    }
}
