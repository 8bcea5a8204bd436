import Testing
import ZhangguiStore
import ZhangguiTestSupport

@Suite("Migration 9: one alerts table")
struct OneAlertsTableTests {
    @Test("open shop alerts become 授权过期 alerts, closed ones go, the jobs' alerts keep their ids", arguments: Engine.all)
    func shopAlertsMoveOver(engine: Engine) throws {
        let database = try engine.makeDatabase()
        #expect(try Migrator.migrate(database, upTo: 8) == 8)
        try database.write { connection in
            try connection.execute("INSERT INTO companies (id, name, created_at) VALUES (1, '示例', 100)")
            try connection.execute(
                "INSERT INTO shops (id, company_id, code, name, platform) VALUES (7, 1, 'TB', 'TB', 'taobao')"
            )
            try connection.execute(
                "INSERT INTO shops (id, company_id, code, name, platform) VALUES (8, 1, 'PDD', 'PDD', 'pinduoduo')"
            )
            try connection.execute(
                """
                INSERT INTO alerts (company_id, kind, subject, quantity, threshold, raised_at)
                VALUES (1, 'lowStock', '1/2', 4, 5, 200)
                """
            )
            try connection.execute(
                """
                INSERT INTO shop_alerts (company_id, subject, kind, detail, created_at, resolved_at) VALUES
                (1, 'shop:7', 'shop.authorization_expired', 'shop TB: 授权过期', 300, NULL),
                (1, 'shop:8', 'shop.authorization_expired', 'shop PDD: 授权过期', 250, 260)
                """
            )
        }

        #expect(try Migrator.migrate(database) == Migrator.latestVersion)

        let alerts = try database.read {
            try AlertRecords($0).list(companyID: 1, kind: nil, includeCleared: true, limit: 10)
        }
        // Newest first: the copied alert got the next id after the job's alert 1.
        #expect(alerts.map(\.id) == [2, 1])
        #expect(alerts.map(\.kind) == [.shopAuthorizationExpired, .lowStock])
        #expect(alerts.map(\.shopCode) == ["TB", nil])
        #expect(alerts.map(\.detail) == ["shop TB: 授权过期", ""])
        #expect(alerts.map(\.raisedAt) == [300, 200])
        #expect(alerts.map(\.clearedAt) == [nil, nil])
        #expect(try !database.tableNames().contains("shop_alerts"))
    }

    @Test("a shop has at most one open 授权过期 alert; once cleared, a new one can be raised", arguments: Engine.all)
    func oneOpenAlertPerShop(engine: Engine) throws {
        let database = try engine.makeDatabase()
        try Migrator.migrate(database)
        try database.write { connection in
            try connection.execute("INSERT INTO companies (id, name, created_at) VALUES (1, '示例', 100)")
            try connection.execute(
                "INSERT INTO shops (id, company_id, code, name, platform) VALUES (7, 1, 'TB', 'TB', 'taobao')"
            )
        }
        let draft = AlertDraft(kind: .shopAuthorizationExpired, subject: "shop:7", shopID: 7, detail: "授权过期")

        let raised = try database.write { connection in
            let alerts = AlertRecords(connection)
            let first = try alerts.raise(draft, jobRunID: nil, companyID: 1, at: 500)
            let second = try alerts.raise(draft, jobRunID: nil, companyID: 1, at: 560)
            let cleared = try alerts.clear(.shopAuthorizationExpired, subject: "shop:7", companyID: 1, at: 600)
            let third = try alerts.raise(draft, jobRunID: nil, companyID: 1, at: 700)
            return [first, second, cleared, third]
        }

        #expect(raised == [true, false, true, true])
        let open = try database.read {
            try AlertRecords($0).list(companyID: 1, kind: .shopAuthorizationExpired, includeCleared: false, limit: 10)
        }
        #expect(open.map(\.raisedAt) == [700])
    }
}
