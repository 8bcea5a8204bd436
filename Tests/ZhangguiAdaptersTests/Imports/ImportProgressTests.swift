import Foundation
import Testing
import ZhangguiAdapters
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

@Suite("an import tells how far it got: bytes read, then records written")
struct ImportProgressTests {
    /// 3,000 products of 55 bytes a row after a 36-byte header: 165,036 bytes, between two and three of the reader's
    /// 64 KiB chunks.
    static let rows = 3_000
    static let text =
        "商家编码,商品名称,吊牌价\n"
        + (1...rows).map { String(format: "P%05d,示例商品名称示例商品名称%05d,19.90\n", $0, $0) }.joined()

    @Test(
        "reading reports every 500 rows a byte count between 0 and the size, then the size; writing 1…3000 of 3000",
        arguments: Engine.all
    )
    func sequence(engine: Engine) throws {
        let database = try engine.makeDatabase()
        try Migrator.migrate(database)
        let companyID = try CompanySetup(database: database).createCompany(name: "进度测试店")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-progress-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("products.csv").path
        try Data(Self.text.utf8).write(to: URL(fileURLWithPath: path))
        let size = Self.text.utf8.count
        var seen: [ImportProgress] = []

        let report = try FileImporter(database: database, companyID: companyID)
            .importFile(.products, path: path) { seen.append($0) }

        let reading = seen.prefix { $0.phase == .reading }
        let writing = seen.dropFirst(reading.count)
        #expect(size == 36 + 55 * Self.rows)
        #expect(report.imported == Self.rows)
        // One report at rows 500, 1000, … 3000, and one at the end of the file.
        #expect(reading.count == Self.rows / FileImporter.rowsPerProgressReport + 1)
        #expect(reading.allSatisfy { $0.total == size })
        #expect(reading.first.map { $0.done > 0 && $0.done < size } == true)
        #expect(zip(reading, reading.dropFirst()).allSatisfy { $0.done <= $1.done })
        #expect(reading.last?.done == size)
        #expect(writing.allSatisfy { $0.phase == .writing && $0.total == Self.rows })
        #expect(writing.map(\.done) == Array(1...Self.rows))
    }
}
