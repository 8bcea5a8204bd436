import Foundation
import ZhangguiAdapters

/// Paths of the files the table-file tests read.
enum Fixtures {
    /// A file in `Tests/ZhangguiAdaptersTests/Fixtures`, written by `make_fixtures.py`.
    static func path(_ name: String) -> String {
        guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("the Fixtures folder is missing from the test bundle")
        }
        return folder.appendingPathComponent(name).path
    }

    /// A file under `shared/data/orders`, the data folder beside the package (not part of the repository).
    static func sharedOrders(_ name: String) -> String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Files
            .deletingLastPathComponent()  // ZhangguiAdaptersTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
            .deletingLastPathComponent()
            .appendingPathComponent("shared/data/orders/\(name)")
            .path
    }

    /// True when the shared data file exists on this machine.
    static func hasSharedOrders(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: sharedOrders(name))
    }

    /// A new empty temporary folder for files a test writes itself.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "zhanggui-files-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// Every remaining row of `reader`.
func readAll(_ reader: inout any TableReader) throws -> [TableRow] {
    var rows: [TableRow] = []
    while let row = try reader.nextRow() { rows.append(row) }
    return rows
}
