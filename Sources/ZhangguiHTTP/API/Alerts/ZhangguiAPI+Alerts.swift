import ZhangguiCore
import ZhangguiServices
import ZhangguiStore

extension ZhangguiAPI {
    struct AlertList: Encodable {
        let alerts: [AlertAnswer]
    }

    /// One alert. Low stock names `warehouse`, `sku`, `available` and `reorderPoint`; a held order names `orderID`,
    /// `platformOrderID`, `heldHours` and `reminderHours`; a shop whose authorisation expired (授权过期) names `shop`
    /// and says what happened in `detail`.
    struct AlertAnswer: Encodable {
        let id: Int64
        let kind: String
        let warehouse: String?
        let sku: String?
        let available: Int64?
        let reorderPoint: Int64?
        let orderID: Int64?
        let platformOrderID: String?
        let heldHours: Int64?
        let reminderHours: Int64?
        let shop: String?
        let detail: String?
        let raisedAt: Int64
        let clearedAt: Int64?
    }

    /// Whether a list shows the open alerts only or the cleared ones too.
    enum AlertState: String, CaseIterable {
        case open, all
    }

    func addAlertRoutes(to router: inout Router) {
        add(
            &router,
            .get,
            "/api/v1/alerts",
            .permission(.alertsRead),
            "alerts of the scheduled jobs and the shops' sync, newest first",
            query: ["state", "kind", "limit"],
            alerts
        )
        add(
            &router,
            .get,
            "/api/v1/jobs",
            .permission(.settingsManage),
            "the scheduled jobs' latest runs, newest first",
            query: ["unfinished", "limit"],
            jobRuns
        )
        add(
            &router,
            .get,
            "/api/v1/reorder-points",
            .permission(.stockRead),
            "every reorder point with the stock available now",
            reorderPoints
        )
        add(
            &router,
            .put,
            "/api/v1/reorder-points",
            .permission(.stockWrite),
            "set a SKU's reorder point in a warehouse",
            setReorderPoint
        )
    }

    /// `GET /api/v1/alerts?state=open|all&kind=lowStock|heldOrder|shopAuthorizationExpired&limit=`: newest first,
    /// `limit` 1–1000 (default 100); low-stock alerts of the principal's warehouses, reminders of orders of its shops
    /// and 授权过期 of its shops only.
    func alerts(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let state = try request.enumQuery("state", as: AlertState.self) ?? .open
        let kind = try request.enumQuery("kind", as: AlertKind.self)
        let limit = try request.integerQuery("limit", default: 100, in: 1...1000)
        let records = try AlertService(database: database).alerts(
            companyID: principal.companyID,
            kind: kind,
            includeCleared: state == .all,
            limit: limit
        )
        let visible = records.filter { record in
            switch record.kind {
            case .lowStock: record.warehouseID.map { principal.scope.admits(warehouse: $0) } ?? false
            case .heldOrder, .shopAuthorizationExpired, .staleTracking, .afterSaleIdle:
                record.shopID.map { principal.scope.admits(shop: $0) } ?? false
            }
        }
        return try .json(AlertList(alerts: visible.map(Self.answer)))
    }

    struct JobRunList: Encodable {
        let runs: [JobRunAnswer]
    }

    /// One run of a scheduled job; `finishedAt` is absent while it runs, or when its process stopped first.
    struct JobRunAnswer: Encodable {
        let id: Int64
        let job: String
        let tick: Int64
        let intervalSeconds: Int64
        let runner: String
        let startedAt: Int64
        let finishedAt: Int64?
        let outcome: String
        let detail: String
    }

    /// `GET /api/v1/jobs?unfinished=true&limit=`: the company's runs, newest first; only those without an end
    /// with `unfinished=true`; `limit` 1–1000 (default 50).
    func jobRuns(_ request: HTTPRequest, _ principal: Principal) throws -> HTTPResponse {
        let unfinished = try request.booleanQuery("unfinished")
        let limit = try request.integerQuery("limit", default: 50, in: 1...1000)
        let runs = try AlertService(database: database).jobRuns(
            companyID: principal.companyID,
            limit: limit,
            unfinishedOnly: unfinished
        )
        return try .json(
            JobRunList(
                runs: runs.map {
                    JobRunAnswer(
                        id: $0.id,
                        job: $0.job,
                        tick: $0.tick,
                        intervalSeconds: $0.intervalSeconds,
                        runner: $0.runner,
                        startedAt: $0.startedAt,
                        finishedAt: $0.finishedAt,
                        outcome: $0.outcome.rawValue,
                        detail: $0.detail
                    )
                }
            )
        )
    }

    private static func answer(_ record: AlertRecord) -> AlertAnswer {
        let isLow = record.kind == .lowStock
        let isHeld = record.kind == .heldOrder
        let isShop = record.kind == .shopAuthorizationExpired
        return AlertAnswer(
            id: record.id,
            kind: record.kind.rawValue,
            warehouse: record.warehouseCode,
            sku: record.skuCode,
            available: isLow ? record.quantity : nil,
            reorderPoint: isLow ? record.threshold : nil,
            orderID: record.tradeID,
            platformOrderID: record.platformOrderID,
            heldHours: isHeld ? record.quantity : nil,
            reminderHours: isHeld ? record.threshold : nil,
            shop: isShop ? record.shopCode : nil,
            detail: isShop ? record.detail : nil,
            raisedAt: record.raisedAt,
            clearedAt: record.clearedAt
        )
    }
}
