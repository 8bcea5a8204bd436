import Foundation

/// A folder the demo or the benchmark makes for its own database and files; it must not exist yet, so nothing of
/// an earlier run is mixed in or overwritten.
struct FreshFolder {
    let path: String

    /// Checks `requested`, or `defaultPath` when it is nil, without creating anything yet.
    /// - Throws: ``UsageError`` when the folder exists.
    init(_ requested: String?, default defaultPath: String) throws(UsageError) {
        path = requested ?? defaultPath
        guard !FileManager.default.fileExists(atPath: path) else {
            throw UsageError("\(path) exists already; --dir needs a folder that does not exist yet")
        }
    }

    /// `<stem>-<local time as yyyyMMdd-HHmmss>`, such as `out/demo-20240618-201500`.
    static func timestamped(_ stem: String) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return "\(stem)-\(formatter.string(from: Date()))"
    }

    /// Creates the folder, with any missing parents.
    func create() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
}
