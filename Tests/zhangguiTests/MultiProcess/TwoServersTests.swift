import Foundation
import Testing
import ZhangguiCore
import ZhangguiServices
import ZhangguiStore
import ZhangguiTestSupport

/// Two `zhanggui serve` processes over one PostgreSQL database, as behind a load balancer (docs/DEPLOYMENT.md).
/// Runs under `scripts/with-postgres.sh` (as `make test` does); skipped without a PostgreSQL server.
@Suite("two server processes over one PostgreSQL database behave as one system", .serialized)
struct TwoServersTests {
    /// A company with SKUs A and B, ten of each in MAIN (received through `zhanggui stock receive`), twenty
    /// single-unit orders of B waiting for review, an API token of its admin, and two servers.
    final class Bed {
        let database: TestDatabase
        let url: String
        let companyID: Int64
        let token: String
        let tradeIDs: [Int64]
        let folder: URL
        let servers: [ServerProcess]

        init() throws {
            database = try Engine.postgres.makeDatabase()
            guard case .postgres(let url) = database.location else { throw ServerProcessError.notHTTP }
            self.url = url
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "zhanggui-2srv-\(UUID().uuidString)"
            )
            self.folder = folder
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Migrator.migrate(database)
            let now = Int64(Date().timeIntervalSince1970)
            let accounts = AccountService(database: database)
            let password = "correct horse battery staple"
            let registered = try accounts.registerCompany(
                Registration(companyName: "两台服务器", adminEmail: "admin@two.example", adminPassword: password),
                now: now
            )
            companyID = registered.companyID
            let session = try accounts.signIn(
                SignInAttempt(email: "admin@two.example", password: password, address: ""),
                now: now
            )
            let admin = try accounts.validateSession(session.sessionToken, now: now)
            token = try accounts.createAPIToken(
                name: "load balancer test",
                permissions: [.stockRead, .stockWrite, .ordersReview, .booksRead],
                expiresAt: nil,
                by: admin,
                now: now
            ).token
            tradeIDs = try Self.catalogueAndOrders(database, companyID: registered.companyID)
            let received = try BuiltTool.run(
                ["stock", "receive", "--db", url, "--warehouse", "MAIN", "A:10:5.00", "B:10:5.00"],
                log: folder.appendingPathComponent("receive.log")
            )
            guard received.status == 0 else { throw ServerProcessError.didNotStart(received.output) }
            servers = try (1...2).map {
                try ServerProcess(database: url, log: folder.appendingPathComponent("server\($0).log"))
            }
            for server in servers { try server.waitUntilListening() }
        }

        deinit {
            for server in servers { _ = server.stop() }
            try? FileManager.default.removeItem(at: folder)
        }

        private static func catalogueAndOrders(_ database: any Database, companyID: Int64) throws -> [Int64] {
            try database.write { connection in
                var report = ImportReport(kind: "products", file: "test")
                let drafts = ["A", "B"].enumerated().map { index, code in
                    ProductDraft(row: index + 2, sku: SKU(code: code, name: code, listPrice: Money(fen: 1000)))
                }
                try CatalogService().add(drafts, into: &report, companyID: companyID, connection: connection)
                let context = try CompanyContext.load(companyID, from: connection)
                let trades = (1...20).map { Self.trade("T\($0)", receiver: "客\($0)") }
                _ = try OrderIntake().ingest(trades, source: "test", context: context, connection: connection)
                return try connection.query("SELECT id FROM trades WHERE company_id = ? ORDER BY id", companyID)
                    .map { $0.int(0) }
            }
        }

        private static func trade(_ id: String, receiver: String) -> Trade {
            Trade(
                platformOrderID: id,
                shopCode: "SHOP",
                orderedAt: 1_700_000_000,
                paidAt: 1_700_000_060,
                receiver: Receiver(
                    name: receiver,
                    phone: "13800138000",
                    province: "上海",
                    city: "上海市",
                    district: "黄浦区",
                    address: "示例路1号"
                ),
                lines: [TradeLine(merchantCode: "B", quantity: 1, unitPrice: Money(fen: 1000))],
                discount: Money(fen: 0),
                freight: Money(fen: 0),
                buyerNote: ""
            )
        }

        /// Sends each request to the servers in turn, all at once, and returns each answer's status and body.
        func concurrently(_ requests: [(method: String, path: String, json: String?)]) async throws -> [(Int, String)] {
            let token = token
            return try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for (index, request) in requests.enumerated() {
                    let server = servers[index % servers.count].url
                    group.addTask {
                        try await send(request.method, server + request.path, token: token, json: request.json)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }

        func level(_ sku: String) throws -> StockLevel {
            try database.read { connection in
                try IntegrityQueries(connection).balances(companyID: companyID)[.init(warehouse: "MAIN", sku: sku)]
                    ?? StockLevel()
            }
        }

        /// How many requests for `route` server `index` (1 or 2) logged.
        func requestsLogged(by index: Int, route: String) throws -> Int {
            let log = try String(contentsOf: folder.appendingPathComponent("server\(index).log"), encoding: .utf8)
            return log.split(separator: "\n").filter { $0.contains(" http.route=\(route) ") }.count
        }

        /// `zhanggui check` against the database, as an operator runs it; its exit status.
        func check() throws -> Int32 {
            try BuiltTool.run(["check", "--db", url], log: folder.appendingPathComponent("check.log")).status
        }
    }

    @Test("64 concurrent issues of 1 unit with 10 available: 10 posted, 54 refused with 409, none lost or doubled")
    func lastTenUnits() async throws {
        let bed = try Bed()
        let issue = #"{"reason":"damaged","lines":[{"warehouse":"MAIN","sku":"A","quantity":1}]}"#

        let answers = try await bed.concurrently(Array(repeating: ("POST", "/api/v1/stock/issues", issue), count: 64))

        let posted = answers.filter { $0.0 == 201 }
        let refused = answers.filter { $0.0 == 409 }
        #expect(posted.count == 10)
        #expect(refused.count == 54)
        #expect(refused.allSatisfy { $0.1.contains(#""code":"insufficient_stock""#) })
        #expect(refused.allSatisfy { $0.1.contains("SKU A in warehouse MAIN: 1 wanted, 0 available") })
        #expect(try bed.level("A") == StockLevel(onHand: 0))
        let ledger = try bed.database.read { connection in
            try connection.query(
                "SELECT document, on_hand_delta FROM stock_ledger WHERE reason = 'issue' ORDER BY document"
            ).map { "\($0.string(0)) \($0.int(1))" }
        }
        #expect(ledger == (1...10).map { "issue:\(StockNoteKind.issue.number(Int64($0))) -1" })
        #expect(try bed.check() == 0)
        #expect(bed.servers.map { $0.stop() } == [0, 0])
        #expect(try [1, 2].map { try bed.requestsLogged(by: $0, route: "/api/v1/stock/issues") } == [32, 32])
    }

    @Test("20 orders of 1 unit approved at once across both servers with 10 in stock: exactly 10 reserve")
    func approvalsNeverOverReserve() async throws {
        let bed = try Bed()

        let answers = try await bed.concurrently(bed.tradeIDs.map { ("POST", "/api/v1/orders/\($0)/approve", nil) })

        #expect(answers.filter { $0.0 == 200 }.count == 10)
        #expect(answers.filter { $0.0 == 409 }.count == 10)
        #expect(try bed.level("B") == StockLevel(onHand: 10, reserved: 10))
        #expect(try bed.check() == 0)
        #expect(bed.servers.map { $0.stop() } == [0, 0])
    }
}
