import Foundation
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension WebPages {
    func addTaskRoutes(to router: inout Router) {
        page(&router, .get, "/tasks", .signedIn) { try tasksPage($0) }
        page(&router, .get, "/tasks/{id}", .signedIn) { try taskPage($0) }
        page(&router, .get, "/tasks/{id}/result", .signedIn) { try taskResult($0) }
    }

    /// Seconds between two loads of a task's page while it runs.
    static let taskRefreshSeconds = 2

    /// `GET /tasks`: the user's latest background tasks, newest first.
    func tasksPage(_ context: PageContext) throws -> HTTPResponse {
        let texts = context.texts
        let principal = context.principal
        let tasks = try database.read {
            try BackgroundTaskRecords($0).latest(companyID: principal.companyID, startedBy: principal.userID, limit: 50)
        }
        let rows = tasks.map { task -> HTML in
            """
            <tr><td><a href="/tasks/\(task.id)">\(task.id)</a></td><td>\(texts(Self.kindName(task.kind)))</td>\
            <td>\(texts(Self.stateName(task.state)))</td><td class="number">\(task.done) / \(task.total)</td>\
            <td>\(context.time(task.createdAt))</td></tr>
            """
        }
        let table: HTML =
            rows.isEmpty
            ? "<p>\(texts(.noTasks))</p>"
            : """
            <table><tr><th>\(texts(.task))</th><th>\(texts(.taskKind))</th><th>\(texts(.state))</th>\
            <th class="number">\(texts(.progress))</th><th>\(texts(.time))</th></tr>\(rows)</table>
            """
        let body: HTML = "<h1>\(texts(.tasks))</h1>\(table)"
        return Responses.page(Layout(context: context).render(title: texts(.tasks), body: body))
    }

    /// `GET /tasks/{id}`: one of the user's tasks with its progress; the page reloads itself while the task is
    /// queued or running, and offers its result when done.
    func taskPage(_ context: PageContext) throws -> HTTPResponse {
        let texts = context.texts
        let task = try ownTask(context)
        let percent = task.total > 0 ? Int(task.done * 100 / task.total) : (task.state == .done ? 100 : 0)
        let result: HTML =
            task.state == .done && task.resultReference != nil
            ? "<p><a class=\"button\" href=\"/tasks/\(task.id)/result\">\(texts(.downloadResult))</a></p>" : .empty
        let waiting: HTML = task.state.isFinal ? .empty : "<p class=\"notice\">\(texts(.taskMayBeLeft))</p>"
        let title = texts(.taskNumber, ["id": String(task.id)])
        let body: HTML = """
            <h1>\(title)</h1>
            <p>\(texts(Self.kindName(task.kind))) · <strong id="task-state">\(texts(Self.stateName(task.state)))\
            </strong></p>
            <progress max="100" value="\(percent)"></progress>
            <p class="number">\(task.done) / \(task.total)</p>
            \(outcome(task, texts))
            \(result)
            \(waiting)
            <p><a href="/tasks">\(texts(.tasks))</a></p>
            """
        let page = Layout(context: context).render(
            title: title,
            body: body,
            refreshSeconds: task.state.isFinal ? nil : Self.taskRefreshSeconds
        )
        return Responses.page(page)
    }

    /// `GET /tasks/{id}/result`: the result file of a done task of the user's (the labels' PDF).
    func taskResult(_ context: PageContext) throws -> HTTPResponse {
        let task = try ownTask(context)
        guard task.state == .done, let reference = task.resultReference,
            let data = FileManager.default.contents(atPath: api.tasks.resultPath(reference))
        else { throw PageProblem(.resultGone, status: .notFound) }
        return Self.pdf(Array(data), name: "task-\(task.id).pdf")
    }

    /// The task of the path, when the user started it; 404 otherwise, as for another company's order.
    private func ownTask(_ context: PageContext) throws -> BackgroundTask {
        let principal = context.principal
        guard let id = Int64(context.request.pathParameters["id"] ?? ""), id > 0,
            let task = try database.read({ try BackgroundTaskRecords($0).task(id, companyID: principal.companyID) }),
            task.startedBy == principal.userID
        else { throw PageProblem(.notFound, status: .notFound) }
        return task
    }

    /// What a task ended with: an import's counts or a batch's number, from the catalogue; a failure's reason
    /// as the service gave it.
    private func outcome(_ task: BackgroundTask, _ texts: Texts) -> HTML {
        switch task.state {
        case .done:
            let values = Dictionary(
                task.message.split(separator: " ").compactMap { pair -> (String, String)? in
                    let parts = pair.split(separator: "=", maxSplits: 1)
                    return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
                },
                uniquingKeysWith: { _, last in last }
            )
            let message: Message = task.kind.hasPrefix("import.") ? .importCounts : .labelsPrinted
            return "<p class=\"notice\">\(texts(message, values))</p>"
        case .failed, .interrupted:
            return "<p class=\"error\">\(texts(.taskFailed))</p><p><code>\(task.message)</code></p>"
        case .queued, .running:
            return .empty
        }
    }

    static func kindName(_ kind: String) -> Message {
        switch kind {
        case "import.products": .importProducts
        case "import.stock": .importStock
        case "import.orders": .importOrders
        default: .printLabels
        }
    }

    static func stateName(_ state: BackgroundTaskState) -> Message {
        switch state {
        case .queued: .taskQueued
        case .running: .taskRunning
        case .done: .taskDone
        case .failed: .taskFailedState
        case .interrupted: .taskInterrupted
        }
    }
}
