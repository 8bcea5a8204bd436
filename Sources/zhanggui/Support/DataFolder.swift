import Foundation

/// Finds the reference data folder (the one holding `divisions/`).
///
/// An explicit `--data` is the only place looked at, so a mistyped folder is named rather than silently replaced.
/// Otherwise the first that exists of `$ZHANGGUI_DATA`, `./Data`, and the `Data` of the repository the executable
/// was built in (see ``besideExecutable()``), so the tool works from any folder.
enum DataFolder {
    /// The folder to use.
    /// - Throws: ``Refusal`` naming every place looked in when none holds the division tables.
    static func locate(option: String?, environment: [String: String]) throws -> String {
        let candidates =
            option.map { [$0] } ?? ([environment["ZHANGGUI_DATA"], "Data", besideExecutable()].compactMap { $0 })
        if let found = candidates.first(where: holdsDivisions) { return found }
        throw Refusal(
            "reference data folder not found (looked in \(candidates.joined(separator: ", "))); "
                + "use --data DIR or ZHANGGUI_DATA"
        )
    }

    /// Whether `folder` has the `divisions` subfolder the address checks read.
    private static func holdsDivisions(_ folder: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder + "/divisions", isDirectory: &isFolder)
            && isFolder.boolValue
    }

    /// The repository's `Data` for an executable SwiftPM built: `<repository>/.build/…/zhanggui` gives
    /// `<repository>/Data`, whether the path goes through the `.build/release` link or the
    /// `.build/<platform>/release` folder it points to. For an executable elsewhere, `Data` two folders above its
    /// own. Nil when the executable's path is unknown.
    private static func besideExecutable() -> String? {
        guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
        let folders = executable.deletingLastPathComponent().pathComponents
        if let build = folders.lastIndex(of: ".build") {
            return NSString.path(withComponents: Array(folders[..<build]) + ["Data"])
        }
        return executable.deletingLastPathComponent().appendingPathComponent("../../Data").standardizedFileURL.path
    }
}
