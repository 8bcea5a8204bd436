import Foundation
import ZhangguiAdapters
import ZhangguiCore
import ZhangguiServices

extension HTTPError.Code {
    /// An uploaded file cannot be read as what its name says (not CSV, damaged gzip or XLSX, empty, …).
    public static let unreadableFile: Self = "unreadable_file"
}

extension ZhangguiAPI {
    /// What an import did, or would do in a dry run; `issues` name the file, row and column of each bad cell.
    struct ImportAnswer: Encodable {
        let kind: String
        let file: String
        let isDryRun: Bool
        let rowsRead: Int
        let imported: Int
        let duplicates: Int
        let cancelled: Int
        let rowsFailed: Int
        let issues: [Issue]
    }

    struct Issue: Encodable {
        let file: String
        let row: Int
        let column: String
        let message: String
    }

    func addImportRoutes(to router: inout Router) {
        add(
            &router,
            .post,
            "/api/v1/imports/{kind}",
            .permission(.importsRun),
            "import an uploaded file",
            query: ["dryRun", "shop", "name"],
            acceptsUpload: true,
            importFile
        )
    }

    /// `POST /api/v1/imports/{kind}?dryRun=&shop=`: the raw body is the file, its name in `X-File-Name` (or the
    /// `name` query parameter) telling its format by extension (.csv, .csv.gz, .xlsx). `kind` is `products`,
    /// `stock` or `orders`.
    func importFile(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        guard let kind = ImportKind(rawValue: request.pathParameters["kind"] ?? "") else {
            throw HTTPError.objectNotFound("import kind; use products, stock or orders")
        }
        let name = try UploadName.parse(request.headers["X-File-Name"] ?? request.queryValue("name"))
        let isDryRun = try request.booleanQuery("dryRun")
        let shop = try request.textQuery("shop") ?? "UCI"
        guard !request.body.isEmpty else {
            throw HTTPError(.badRequest, code: .unreadableFile, message: "the body is empty; send the file as it is")
        }
        let report = try withUpload(request.body, named: name) { path in
            try importFile(kind, path: path, shop: shop, dryRun: isDryRun, principal)
        }
        return try .json(Self.answer(report))
    }

    /// Imports the file at `path` for the principal's company, or only reports what it would do when `dryRun`
    /// (nothing is written): the code behind the import route and the imports page. `progress` hears how far it
    /// got, from inside its transaction (``FileImporter/importFile(_:path:shop:sheet:dryRun:audit:progress:)``).
    /// - Throws: `TableFileError` when the file cannot be read at all.
    func importFile(
        _ kind: ImportKind,
        path: String,
        shop: String,
        dryRun: Bool,
        _ principal: Principal,
        progress: @escaping (ImportProgress) -> Void = { _ in }
    ) throws -> ImportReport {
        try FileImporter(database: database, companyID: principal.companyID).importFile(
            kind,
            path: path,
            shop: shop,
            dryRun: dryRun,
            audit: auditContext(principal),
            progress: progress
        )
    }

    /// Writes the upload to a file of its own in a fresh temporary directory, runs `body` on it, and removes both.
    private func withUpload(_ bytes: [UInt8], named name: String, _ body: (String) throws -> ImportReport) throws
        -> ImportReport
    {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhanggui-upload-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        do {
            return try body(file.path)
        } catch let error as TableFileError {
            throw HTTPError(.badRequest, code: .unreadableFile, message: error.description, field: "file")
        }
    }

    private static func answer(_ report: ImportReport) -> ImportAnswer {
        ImportAnswer(
            kind: report.kind,
            file: report.file,
            isDryRun: report.isDryRun,
            rowsRead: report.rowsRead,
            imported: report.imported,
            duplicates: report.duplicates,
            cancelled: report.cancelled,
            rowsFailed: report.rowsFailed,
            issues: report.issues.map { Issue(file: $0.file, row: $0.row, column: $0.column, message: $0.message) }
        )
    }
}

/// The name of an uploaded file, reduced to something safe to create in a temporary directory.
enum UploadName {
    /// Accepts a plain file name, percent-decoded: no directory, no control characters, at most 200 characters,
    /// ending in .csv, .csv.gz, .gz or .xlsx.
    /// - Throws: ``HTTPError`` 400 `invalid_value` naming the field `X-File-Name` otherwise.
    static func parse(_ raw: String?) throws -> String {
        guard let raw = raw?.removingPercentEncoding ?? raw, !raw.isEmpty else {
            throw HTTPError(
                .badRequest,
                code: .missingField,
                message: "name the file in X-File-Name",
                field: "X-File-Name"
            )
        }
        let lower = raw.lowercased()
        let isAllowedType = [".csv", ".gz", ".xlsx"].contains { lower.hasSuffix($0) }
        let hasBadCharacter = raw.unicodeScalars.contains {
            $0 == "/" || $0 == "\\" || $0.properties.generalCategory == .control
        }
        guard isAllowedType, !hasBadCharacter, raw.count <= 200, !raw.hasPrefix(".") else {
            throw HTTPError(
                .badRequest,
                code: .invalidValue,
                message: "the file name must be a plain name ending in .csv, .csv.gz or .xlsx",
                field: "X-File-Name"
            )
        }
        return raw
    }
}

extension HTTPRequest {
    /// The query parameter `name` as `true` or `false` (a bare `?name` is true); false when absent.
    /// - Throws: ``HTTPError`` 400 `invalid_query` for another value.
    func booleanQuery(_ name: String) throws(HTTPError) -> Bool {
        switch queryValue(name) {
        case nil, "false": return false
        case "", "true": return true
        default: throw .invalidQuery(name, "\(name) must be true or false")
        }
    }
}
