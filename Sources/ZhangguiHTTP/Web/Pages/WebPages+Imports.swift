import ZhangguiAdapters
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension WebPages {
    func addImportRoutes(to router: inout Router) {
        let run = RouteAccess.permission(.importsRun)
        page(&router, .get, "/imports", run) { try importsPage($0) }
        page(&router, .post, "/imports/preview", run, acceptsUpload: true) { try importPreview($0) }
        page(&router, .post, "/imports/confirm", run) { try importConfirm($0) }
    }

    /// The most row problems a preview lists; the counts say how many there are in all.
    static let previewIssueLimit = 200

    /// Where uploads wait between their preview and their confirmation.
    var uploadsFolder: String { api.settings.taskDirectory + "/uploads" }

    /// `GET /imports`: the form that uploads a file of products, opening stock or orders for a preview.
    func importsPage(_ context: PageContext) throws -> HTTPResponse {
        let texts = context.texts
        let body: HTML = """
            <h1>\(texts(.imports))</h1>
            <form method="post" action="/imports/preview" enctype="multipart/form-data" class="stack">\
            \(context.csrfField)
            <label>\(texts(.importKind))<select name="kind">\(kindOptions(texts))</select></label>
            <label>\(texts(.shopForUCI))<input name="shop" value="UCI" size="10"></label>
            <label>\(texts(.file))<input type="file" name="file" accept=".csv,.gz,.xlsx"></label>
            <button type="submit" class="primary">\(texts(.preview))</button>
            </form>
            <p><a href="/tasks">\(texts(.tasks))</a></p>
            """
        return Responses.page(Layout(context: context).render(title: texts(.imports), body: body))
    }

    private func kindOptions(_ texts: Texts) -> HTML {
        ImportKind.allCases.map { kind -> HTML in
            "<option value=\"\(kind.rawValue)\">\(texts(Self.kindName(kind)))</option>"
        }.joined
    }

    static func kindName(_ kind: ImportKind) -> Message {
        switch kind {
        case .products: .importProducts
        case .openingStock: .importStock
        case .orders: .importOrders
        }
    }

    /// `POST /imports/preview` (multipart: `kind`, `shop`, `file`): a dry run of the import through the code
    /// behind `POST /api/v1/imports/{kind}?dryRun`, which writes nothing; the page lists the counts and each row
    /// problem (file, row, column, message), and keeps the file for the confirmation.
    func importPreview(_ context: PageContext) throws -> HTTPResponse {
        let texts = context.texts
        let (kind, shop) = try importChoice(context)
        guard let file = context.files.first(where: { $0.field == "file" }), !file.bytes.isEmpty else {
            throw PageProblem(.badField, ["field": texts(.file)])
        }
        guard let name = try? UploadName.parse(file.fileName) else { throw PageProblem(.badFileName) }
        let owner = HeldUpload.Owner(
            companyID: context.principal.companyID,
            userID: context.principal.userID,
            kind: kind.rawValue,
            shop: shop
        )
        let upload = try HeldUpload.hold(file.bytes, fileName: name, owner: owner, root: uploadsFolder)
        let report: ImportReport
        do {
            report = try api.importFile(kind, path: upload.path, shop: shop, dryRun: true, context.principal)
        } catch let error as TableFileError {
            upload.remove()
            throw PageProblem(.unreadableFile, ["detail": error.description])
        }
        let body: HTML = """
            <h1>\(texts(.previewOf, ["file": name]))</h1>
            <p class="notice">\(texts(.previewWritesNothing))</p>
            <p>\(texts(.previewCounts, Self.counts(report)))</p>
            \(issueTable(texts, report))
            <form method="post" action="/imports/confirm" class="actions">\(context.csrfField)\
            <input type="hidden" name="upload" value="\(upload.token)">\
            <input type="hidden" name="name" value="\(name)">\
            <input type="hidden" name="kind" value="\(kind.rawValue)">\
            <input type="hidden" name="shop" value="\(shop)">\
            <button type="submit" class="primary">\(texts(.confirmImport))</button>
            <a href="/imports">\(texts(.backToImports))</a>
            </form>
            """
        return Responses.page(Layout(context: context).render(title: texts(.imports), body: body))
    }

    /// `POST /imports/confirm` `upload`, `name`, `kind`, `shop`: imports the previewed file as a background task
    /// and sends the browser to the task's page. The import itself is one transaction, as from the command line;
    /// its progress (bytes read, then records written) is kept in the runner's memory, since the task's row cannot
    /// be written while the import holds the database's writer.
    func importConfirm(_ context: PageContext) throws -> HTTPResponse {
        let (kind, shop) = try importChoice(context)
        let principal = context.principal
        let owner = HeldUpload.Owner(
            companyID: principal.companyID,
            userID: principal.userID,
            kind: kind.rawValue,
            shop: shop
        )
        guard
            let upload = HeldUpload.find(
                token: context.form["upload"] ?? "",
                fileName: context.form["name"] ?? "",
                owner: owner,
                root: uploadsFolder
            )
        else { throw PageProblem(.uploadGone, status: .notFound) }
        let api = self.api
        let id = try api.tasks.start(
            kind: "import.\(kind.rawValue)",
            companyID: principal.companyID,
            startedBy: principal.userID,
            total: 1
        ) { progress in
            defer { upload.remove() }
            do {
                let report = try api.importFile(kind, path: upload.path, shop: shop, dryRun: false, principal) {
                    progress.advance($0.phase.rawValue, done: Int64($0.done), total: Int64($0.total))
                }
                let counts = Self.counts(report).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                return .init(message: counts.joined(separator: " "))
            } catch let error as TableFileError {
                throw BackgroundTaskRunner.Failure(error.description)
            }
        }
        return Responses.redirect(to: "/tasks/\(id)")
    }

    private func importChoice(_ context: PageContext) throws -> (ImportKind, String) {
        let texts = context.texts
        guard let kind = ImportKind(rawValue: context.form["kind"] ?? "") else {
            throw PageProblem(.badField, ["field": texts(.importKind)])
        }
        let shop = try context.formText("shop", field: .shopForUCI)
        return (kind, shop.isEmpty ? "UCI" : shop)
    }

    /// The figures of an import report, named as the catalogue's `importCounts` names them.
    static func counts(_ report: ImportReport) -> [String: String] {
        [
            "rowsRead": String(report.rowsRead),
            "imported": String(report.imported),
            "duplicates": String(report.duplicates),
            "rowsFailed": String(report.rowsFailed),
        ]
    }

    private func issueTable(_ texts: Texts, _ report: ImportReport) -> HTML {
        guard !report.issues.isEmpty else { return "<p>\(texts(.noRowProblems))</p>" }
        let rows = report.issues.prefix(Self.previewIssueLimit).map { issue -> HTML in
            """
            <tr><td>\(issue.file)</td><td class="number">\(issue.row)</td><td>\(issue.column)</td>\
            <td>\(issue.message)</td></tr>
            """
        }
        let more: HTML =
            report.issues.count > Self.previewIssueLimit
            ? "<p>\(texts(.moreRowProblems, ["count": String(report.issues.count - Self.previewIssueLimit)]))</p>"
            : .empty
        return """
            <h2>\(texts(.rowProblems))</h2>
            <table><tr><th>\(texts(.file))</th><th class="number">\(texts(.row))</th><th>\(texts(.column))</th>\
            <th>\(texts(.rowProblem))</th></tr>\(rows)</table>\(more)
            """
    }
}
