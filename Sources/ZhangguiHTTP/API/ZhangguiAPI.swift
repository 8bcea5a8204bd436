public import ZhangguiServices
public import ZhangguiStore

import struct Foundation.Date
import func Foundation.NSTemporaryDirectory

/// The JSON API over the companies in one database, under `/api/v1`. Every route but health, sign-in,
/// registration and the API's description needs a session cookie or an API token; the company of every query is
/// the signed-in principal's. Handlers call services and the store's queries and leave every business rule to them.
public struct ZhangguiAPI: Sendable {
    let database: any Database
    let schemaVersion: Int
    let accounts: AccountService
    let settings: Settings
    /// The long work the pages start (imports, label batches), run on a queue of this process.
    let tasks: BackgroundTaskRunner

    /// How the API is deployed.
    public struct Settings: Sendable {
        /// Whether clients reach the server over TLS (through a proxy): the session cookie is then `Secure`.
        public var isBehindTLS: Bool
        /// Whether every request comes through one proxy of ours that appends the client's address to
        /// `X-Forwarded-For`: the failed-sign-in limit per address then counts that address, not the proxy's.
        public var trustsForwardedFor: Bool
        /// Checks receivers' divisions when an order is approved by hand.
        public var checkAddress: AddressChecker
        /// The current time in UTC seconds; the system clock unless a test fixes it.
        public var clock: @Sendable () -> Int64
        /// Where background tasks keep their result files and uploads waiting for confirmation.
        public var taskDirectory: String
        /// The shops' sync, as `zhanggui shop sync` runs it, for the shops page's "sync now"; nil when the server
        /// has no key for the shops' credentials.
        public var shopSync: SyncService?
        /// The waybill service over courier accounts (its clients and secret key come from the interfaces); nil
        /// when the server has none, and then only offline-range numbers can be cancelled.
        public var courierWaybills: CourierWaybillService?
        /// Couriers' tracking pushes to `/hooks/couriers/…`; nil when the server takes none (the hook answers 404).
        public var courierPushes: CourierPushService?

        public init(
            isBehindTLS: Bool = false,
            trustsForwardedFor: Bool = false,
            checkAddress: @escaping AddressChecker,
            clock: (@Sendable () -> Int64)? = nil,
            taskDirectory: String? = nil,
            shopSync: SyncService? = nil
        ) {
            self.isBehindTLS = isBehindTLS
            self.trustsForwardedFor = trustsForwardedFor
            self.checkAddress = checkAddress
            self.clock = clock ?? { Int64(Date().timeIntervalSince1970) }
            self.taskDirectory = taskDirectory ?? NSTemporaryDirectory() + "zhanggui-tasks"
            self.shopSync = shopSync
        }
    }

    /// - Parameter schemaVersion: the database's schema version, reported by the health route.
    public init(database: any Database, schemaVersion: Int, settings: Settings) {
        self.database = database
        self.schemaVersion = schemaVersion
        self.accounts = AccountService(database: database)
        self.settings = settings
        self.tasks = BackgroundTaskRunner(database: database, resultsDirectory: settings.taskDirectory)
    }

    /// Every route of the API, each with the access it needs.
    public var router: Router {
        var router = Router()
        router.add(.get, "/api/v1/health", summary: "the server is up; the database's schema version") { _ in
            try health()
        }
        addSessionRoutes(to: &router)
        addCatalogueRoutes(to: &router)
        addStockNoteRoutes(to: &router)
        addOrderRoutes(to: &router)
        addFulfilmentRoutes(to: &router)
        addCourierRoutes(to: &router)
        addPackingRoutes(to: &router)
        addLabelRoutes(to: &router)
        addBooksRoutes(to: &router)
        addImportRoutes(to: &router)
        addAlertRoutes(to: &router)
        addTrackingRoutes(to: &router)
        addAfterSaleRoutes(to: &router)
        addShopRoutes(to: &router)
        addUserRoutes(to: &router)
        addOpenAPIRoute(to: &router)
        router.translateError = { error in
            guard let error = error as? DatabaseError, error.kind == .busy else { return nil }
            return .databaseBusy
        }
        return router
    }

    var now: Int64 { settings.clock() }
}
