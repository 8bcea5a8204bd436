import Foundation
import Testing
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiServices
import ZhangguiStore

@Suite("Reorder points are set over the API, and the alerts of the scheduled jobs read back")
struct AlertRouteTests {
    @Test("the warehouse sets CUP's point to 3 (3 on hand), the job alerts, and the clerk sees it; finance may not")
    func setAndRead() async throws {
        let shop = try APIShop()
        let warehouse = try await shop.signIn(.warehouse)
        let clerk = try await shop.signIn(.customerService)
        let finance = try await shop.signIn(.finance)

        let set = try await shop.call(
            "PUT",
            "/api/v1/reorder-points",
            as: warehouse,
            json: #"{"sku":"CUP","warehouse":"MAIN","quantity":3}"#
        )
        let scheduler = Scheduler(database: shop.database, jobs: [LowStockJob()], runner: "test:1", clock: { 600 })
        let runs = try scheduler.runDue()
        let seen = try await shop.call("GET", "/api/v1/alerts", as: clerk)
        let other = try await shop.call("GET", "/api/v1/alerts", as: try await shop.signIn(.admin, of: shop.companyB))
        let refused = try await shop.call("GET", "/api/v1/alerts", as: finance)
        let points = try await shop.call("GET", "/api/v1/reorder-points", as: finance)

        #expect(set.status == 200)
        #expect(set.text == #"{"available":3,"quantity":3,"sku":"CUP","warehouse":"MAIN"}"#)
        // Two runs: company A's finds CUP low (3 ≤ 3); company B has no reorder point.
        #expect(
            runs.map(\.detail) == [
                "1 reorder points, 1 low, 1 raised, 0 cleared", "0 reorder points, 0 low, 0 raised, 0 cleared",
            ]
        )
        let alerts = try #require(try seen.json["alerts"] as? [[String: Any]])
        #expect(alerts.count == 1)
        #expect(alerts.first?["kind"] as? String == "lowStock")
        #expect(alerts.first?["sku"] as? String == "CUP")
        #expect(alerts.first?["warehouse"] as? String == "MAIN")
        #expect(alerts.first?["available"] as? Int64 == 3)
        #expect(alerts.first?["reorderPoint"] as? Int64 == 3)
        #expect(alerts.first?["raisedAt"] as? Int64 == 600)
        #expect(alerts.first?["clearedAt"] == nil)
        #expect(other.text == #"{"alerts":[]}"#)
        #expect(refused.status == 403)
        #expect(points.text == #"{"reorderPoints":[{"available":3,"quantity":3,"sku":"CUP","warehouse":"MAIN"}]}"#)
        let audit = try await shop.call(
            "GET",
            "/api/v1/audit?objectType=reorderPoint&objectId=MAIN/CUP",
            as: try await shop.signIn(.admin)
        )
        let entries = try #require(try audit.json["entries"] as? [[String: Any]])
        #expect(entries.map { $0["action"] as? String } == ["stock.setReorderPoint"])
    }

    @Test(
        "a bad reorder point is 400 invalid_value naming the field, and nothing is stored",
        arguments: [
            (#"{"sku":"NOPE","warehouse":"MAIN","quantity":3}"#, "sku"),
            (#"{"sku":"MUG","warehouse":"NOPE","quantity":3}"#, "warehouse"),
            (#"{"sku":"MUG","warehouse":"MAIN","quantity":-1}"#, "quantity"),
        ]
    )
    func refusals(body: String, field: String) async throws {
        let shop = try APIShop()
        let warehouse = try await shop.signIn(.warehouse)

        let answer = try await shop.call("PUT", "/api/v1/reorder-points", as: warehouse, json: body)
        let points = try await shop.call("GET", "/api/v1/reorder-points", as: warehouse)

        #expect(answer.status == 400)
        #expect(try answer.error["code"] as? String == "invalid_value")
        #expect(try answer.error["field"] as? String == field)
        #expect(points.text == #"{"reorderPoints":[]}"#)
    }

    @Test("the admin sees the company's job runs, an unfinished one among them; the warehouse may not")
    func jobRuns() async throws {
        let shop = try APIShop()
        let admin = try await shop.signIn(.admin)
        let warehouse = try await shop.signIn(.warehouse)
        let scheduler = Scheduler(database: shop.database, jobs: [LowStockJob()], runner: "web-1:7", clock: { 600 })
        _ = try scheduler.runDue()
        try shop.database.write { connection in
            _ = try JobRunRecords(connection).claim(
                job: "heldOrders",
                tick: 0,
                intervalSeconds: 3600,
                runner: "web-2:9",
                companyID: shop.companyA.id,
                at: 610
            )
        }

        let all = try await shop.call("GET", "/api/v1/jobs", as: admin)
        let unfinished = try await shop.call("GET", "/api/v1/jobs?unfinished=true", as: admin)
        let refused = try await shop.call("GET", "/api/v1/jobs", as: warehouse)

        let runs = try #require(try all.json["runs"] as? [[String: Any]])
        #expect(runs.map { $0["job"] as? String } == ["heldOrders", "lowStock"])
        #expect(runs.map { $0["outcome"] as? String } == ["running", "succeeded"])
        // lowStock every 300 s: 600 s is tick 2.
        #expect(runs.map { $0["tick"] as? Int64 } == [0, 2])
        #expect(runs.last?["finishedAt"] as? Int64 == 600)
        let open = try #require(try unfinished.json["runs"] as? [[String: Any]])
        #expect(open.map { $0["runner"] as? String } == ["web-2:9"])
        #expect(open.first?["finishedAt"] == nil)
        #expect(refused.status == 403)
    }

    @Test("alerts take state open or all and kind lowStock or heldOrder; anything else is 400 invalid_query")
    func query() async throws {
        let shop = try APIShop()
        let admin = try await shop.signIn(.admin)

        let all = try await shop.call("GET", "/api/v1/alerts?state=all&kind=heldOrder", as: admin)
        let badState = try await shop.call("GET", "/api/v1/alerts?state=closed", as: admin)
        let badKind = try await shop.call("GET", "/api/v1/alerts?kind=fire", as: admin)

        #expect(all.text == #"{"alerts":[]}"#)
        #expect(badState.status == 400)
        #expect(try badState.error["field"] as? String == "state")
        #expect(try badKind.error["code"] as? String == "invalid_query")
    }
}
