import Foundation
import Testing
import ZhangguiTestSupport

@testable import zhanggui

@Suite("zhanggui courier: accounts and rules from the command line")
struct CourierCommandTests {
    @Test(
        "usage mistakes exit 2 and open no database",
        arguments: [
            ["courier", "add", "sf"], ["courier", "add", "sf", "--service", "ems", "--carrier", "EMS"],
            ["courier", "add", "sf", "--service", "sf", "--carrier", "SF"], ["courier", "rule", "ten", "sf"],
            ["courier", "launch"], ["waybill", "--courier", "ZG", "--courier", "SF"],
        ]
    )
    func usageMistakes(words: [String]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("courier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("z.sqlite").path

        #expect(zhanggui.run(words + ["--db", database]) == 2)
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test("an offline account as default, a rule on it; a rule naming no account is refused with exit 1")
    func offlineAccountAndRules() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("courier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("z.sqlite").path
        #expect(zhanggui.run(["init", "--name", "测试店", "--db", database]) == 0)

        #expect(
            zhanggui.run([
                "courier", "add", "zg", "--service", "offline", "--carrier", "ZG", "--default", "--db", database,
            ]) == 0
        )
        #expect(zhanggui.run(["courier", "rule", "10", "zg", "--province", "广东省", "--db", database]) == 0)
        // 江浙沪 in one rule: --province repeats.
        let eastCoast = ["--province", "江苏省", "--province", "浙江省", "--province", "上海"]
        #expect(zhanggui.run(["courier", "rule", "11", "zg"] + eastCoast + ["--db", database]) == 0)
        #expect(zhanggui.run(["courier", "rule", "20", "nobody", "--db", database]) == 1)
        #expect(zhanggui.run(["courier", "remove-rule", "10", "--db", database]) == 0)
        #expect(zhanggui.run(["courier", "remove-rule", "10", "--db", database]) == 1)
    }
}
