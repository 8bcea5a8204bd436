import Foundation
import ZhangguiAdapters
import ZhangguiCore

/// Where the reference files are, found from this file's place: `<root>/Tests/ZhangguiAdaptersTests/Reference`.
enum ReferenceData {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `Data/divisions` of this package.
    static let divisionsDirectory = packageRoot.appendingPathComponent("Data/divisions").path

    /// The shared data folder next to the package, holding fixtures that may not ship with the product.
    static let sharedDivisionsDirectory = packageRoot.appendingPathComponent("../shared/data/divisions").standardized
        .path

    /// The catalog built from the shipped tables, loaded once for all tests.
    static let catalog: Result<DivisionCatalog, DivisionTableError> = Result {
        () throws(DivisionTableError) -> DivisionCatalog in
        try DivisionTables.load(directory: divisionsDirectory)
    }
}
