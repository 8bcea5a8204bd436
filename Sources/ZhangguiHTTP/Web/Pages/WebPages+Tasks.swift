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

    /// `GET /tasks`: the user's latest background tasks, newest first, each with its phase (while running) and a
    /// progress bar; the page reloads itself while any of them runs.
    func tasksPage(_ context: PageContext) throws -> HTTPResponse {
        let texts = context.texts
        let principal = context.principal
        let tasks = try database.read {
            try BackgroundTaskRecords($0).latest(companyID: principal.companyID, startedBy: principal.userID, limit: 50)
        }
        let rows = tasks.map { task -> HTML in
            """
            <tr><td><a href="/tasks/\(task.id)">\(task.id)</a></td><td>\(texts(Self.kindName(task.kind)))</td>\
            <td>\(texts(Self.stateName(task.state)))</td><td>\(progressFigures(task, texts))</td>\
            <td>\(context.time(task.createdAt))</td></tr>
            """
        }
        let table: HTML =
            rows.isEmpty
            ? "<p>\(texts(.noTasks))</p>"
            : """
            <table><tr><th>\(texts(.task))</th><th>\(texts(.taskKind))</th><th>\(texts(.state))</th>\
            <th>\(texts(.progress))</th><th>\(texts(.time))</th></tr>\(rows)</table>
            """
        let body: HTML = "<h1>\(texts(.tasks))</h1>\(table)"
        let isAnyRunning = tasks.contains { !$0.state.isFinal }
        let page = Layout(context: context).render(
            title: texts(.tasks),
            body: body,
            refreshSeconds: isAnyRunning ? Self.taskRefreshSeconds : nil
        )
        return Responses.page(page)
    }

    /// `GET /tasks/{id}`: one of the user's tasks with its phase and progress; the page reloads itself while the
    /// task is queued or running, and offers its result when done.
    func taskPage(_ context: PageContext) throws -> HTTPResponse {
        let texts = context.texts
        let task = try ownTask(context)
        let result: HTML =
            task.state == .done && task.resultReference != nil
            ? "<p><a class=\"button\" href=\"/tasks/\(task.id)/result\">\(texts(.downloadResult))</a></p>" : .empty
        let waiting: HTML = task.state.isFinal ? .empty : "<p class=\"notice\">\(texts(.taskMayBeLeft))</p>"
        let title = texts(.taskNumber, ["id": String(task.id)])
        let body: HTML = """
            <h1>\(title)</h1>
            <p>\(texts(Self.kindName(task.kind))) · <strong id="task-state">\(texts(Self.stateName(task.state)))\
            </strong></p>
            \(progressFigures(task, texts))
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

    /// How far a task got: from the runner's memory while this process runs it (the phase, and figures that move
    /// even inside the work's single transaction), else from its row.
    func progress(of task: BackgroundTask) -> TaskProgress {
        if task.state == .running, let live = api.tasks.liveProgress(of: task.id) { return live }
        return TaskProgress(phase: "", done: task.done, total: task.total)
    }

    /// The phase's name, a `<progress>` bar and "done / total"; a bar without a value (the browser shows it as
    /// busy) while nothing is known of the total.
    func progressFigures(_ task: BackgroundTask, _ texts: Texts) -> HTML {
        let figures = progress(of: task)
        let phase: HTML =
            Message(rawValue: "taskPhase.\(figures.phase)").map { "<span class=\"phase\">\(texts($0))</span> " }
            ?? .empty
        let bar: HTML =
            figures.total > 0
            ? "<progress max=\"\(figures.total)\" value=\"\(figures.done)\"></progress>"
            : task.state == .done ? "<progress max=\"1\" value=\"1\"></progress>" : "<progress></progress>"
        return """
            <p class="task-progress">\(phase)\(bar) <span class="number">\(figures.done) / \
            \(figures.total)</span></p>
            """
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
            let message: Message =
                task.kind.hasPrefix("import.")
                ? .importCounts : task.kind == BackfillTask.kind ? .backfillDone : .labelsPrinted
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
        case BackfillTask.kind: .backfill
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
