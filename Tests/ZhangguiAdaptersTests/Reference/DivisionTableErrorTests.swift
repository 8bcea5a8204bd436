import Foundation
import Testing
import ZhangguiAdapters
import ZhangguiCore

/// Broken copies of the tables, written to a fresh temporary folder per test.
@Suite("Broken division tables")
struct DivisionTableErrorTests {
    private static let primaryHeader = "code,name,level,parent_code,longitude,latitude"
    private static let primaryRows = [
        "110000,北京市,province,,116.4,39.9",
        "110100,北京市,city,110000,116.4,39.9",
        "110101,东城区,district,110100,116.4,39.9",
    ]
    private static let nbsHeader = "code,name,level,parent_code"
    private static let aliasHeader = "province,city,old_name,successor_code,note"

    /// Writes the three files into a new folder, runs the loader, and removes the folder.
    private func load(
        primary: [String] = [primaryHeader] + primaryRows,
        nbs: [String] = [nbsHeader],
        aliases: [String] = [aliasHeader]
    ) -> Result<Int, DivisionTableError> {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("divisions-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try write(primary, to: folder, as: "cn_divisions_pcd_2025.csv")
            try write(nbs, to: folder, as: "cn_divisions_nbs2022_4level.csv")
            try write(aliases, to: folder, as: "division_aliases.csv")
        } catch {
            Issue.record("could not write the test files: \(error)")
        }
        return Result { () throws(DivisionTableError) -> Int in try DivisionTables.load(directory: folder.path).count }
    }

    private func write(_ lines: [String], to folder: URL, as name: String) throws {
        try (lines.joined(separator: "\r\n") + "\r\n").write(
            to: folder.appendingPathComponent(name),
            atomically: true,
            encoding: .utf8
        )
    }

    @Test("well-formed files with CRLF line ends load")
    func wellFormed() {
        let aliases = [Self.aliasHeader, "北京,北京,崇文区,110101,abolished 2010"]
        #expect(load(aliases: aliases) == .success(3))
    }

    @Test("a missing folder names the primary file")
    func missingFolder() {
        let result = Result { () throws(DivisionTableError) -> Int in
            try DivisionTables.load(directory: "/nonexistent-\(UUID().uuidString)").count
        }
        #expect(result.failureCode == .unreadableFile)
        #expect(result.failureFile == "cn_divisions_pcd_2025.csv")
    }

    @Test("a line with a missing field is reported with its file and line number")
    func wrongFieldCount() {
        let result = load(primary: [Self.primaryHeader] + Self.primaryRows + ["110105,朝阳区,district,110100"])
        let expected = DivisionTableError(
            code: .wrongFieldCount,
            file: "cn_divisions_pcd_2025.csv",
            line: 5,
            detail: "expected 6 fields, found 4"
        )
        #expect(result == .failure(expected))
    }

    @Test("a code with a letter in it is refused")
    func invalidCode() {
        let result = load(primary: [Self.primaryHeader, "11000O,北京市,province,,116.4,39.9"])
        #expect(result.failureCode == .invalidCode)
        #expect(result.failureLine == 2)
    }

    @Test("an unknown level is refused")
    func unknownLevel() {
        let result = load(nbs: [Self.nbsHeader, "11,北京市,province,", "1101,市辖区,prefecture,11"])
        #expect(result.failureCode == .unknownLevel)
        #expect(result.failureFile == "cn_divisions_nbs2022_4level.csv")
        #expect(result.failureLine == 3)
    }

    @Test("a file with another header is refused at line 1")
    func wrongHeader() {
        let result = load(aliases: ["province,city,old_name,successor_code"])
        #expect(result.failureCode == .wrongHeader)
        #expect(result.failureLine == 1)
    }

    @Test("an alias pointing to an unknown successor is refused with its line")
    func unplacedAlias() {
        let aliases = [Self.aliasHeader, "北京,北京,崇文区,110101,ok", "北京,北京,宣武区,110199,no such code"]
        let result = load(aliases: aliases)
        #expect(result.failureCode == .unplacedAlias)
        #expect(result.failureFile == "division_aliases.csv")
        #expect(result.failureLine == 3)
    }

    @Test("the description names file, line and reason")
    func description() {
        let error = DivisionTableError(code: .invalidCode, file: "a.csv", line: 7, detail: "'x' is not a code")
        #expect(error.description == "a.csv:7: invalidCode: 'x' is not a code")
    }
}

extension Result where Failure == DivisionTableError {
    fileprivate var failure: DivisionTableError? {
        if case .failure(let error) = self { error } else { nil }
    }

    fileprivate var failureCode: DivisionTableError.Code? { failure?.code }
    fileprivate var failureFile: String? { failure?.file }
    fileprivate var failureLine: Int? { failure?.line }
}
