import Foundation
import Testing
import ZhangguiTestSupport

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

    @Test("from the example files to a 76 × 130 mm batch of two labels, its picking list, and a reprint")
    func exampleBatch() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = ["--db", folder.appendingPathComponent("z.sqlite").path]
        let labels = folder.appendingPathComponent("labels.pdf").path
        let pick = folder.appendingPathComponent("pick.pdf").path
        let steps: [[String]] = [
            ["init", "--name", "示例网店"], ["import", "products", "docs/examples/products.csv"],
            ["import", "stock", "docs/examples/opening_stock.csv"], ["import", "orders", "docs/examples/orders.csv"],
            ["approve", "EX1001"], ["approve", "EX1002"], ["allocate"], ["waybill"],
            [
                "warehouse", "sender", "MAIN", "--name", "示例仓发货", "--phone", "021-55550000", "--address",
                "示例工业路8号",
            ],
            ["warehouse", "locate", "MAIN", "CUP-02", "A-01"],
        ]
        for step in steps { #expect(zhanggui.run(step + db) == 0, "\(step)") }

        #expect(zhanggui.run(["labels", "--out", labels, "--size", "76x130", "--picklist", pick] + db) == 0)
        #expect(zhanggui.run(["labels", "--out", labels + "2"] + db) == 1)
        #expect(zhanggui.run(["labels", "--out", labels + "3", "--batch", "1"] + db) == 0)

        let pdf = Array(try Data(contentsOf: URL(fileURLWithPath: labels)))
        let info = try PDFTools.run("pdfinfo", [labels], package: "poppler-utils")
        #expect(info.contains("215.433 x 368.504 pts") && info.contains("Pages:           2"))
        let pages = try PDFTools.pageTexts(pdf).map { $0.filter { !$0.isWhitespace } }
        // Both parcels start at CUP-02 in A-01: the tie goes by waybill number.
        #expect(pages.count == 2 && pages[0].contains("EX1001") && pages[1].contains("EX1002"))
        #expect(pages[0].contains("示例仓发货") && pages[0].contains("示例工业路8号"))
        #expect(pages[1].contains("ZG000000000002"))
        #expect(try PDFTools.barcodes(pdf, page: 2) == ["ZG000000000002"])
        let list = try PDFTools.pageTexts(Array(try Data(contentsOf: URL(fileURLWithPath: pick)))).joined()
        #expect(list.filter { !$0.isWhitespace }.contains("拣货单批次1"))
        #expect(!FileManager.default.fileExists(atPath: labels + "2"))
    }
}
