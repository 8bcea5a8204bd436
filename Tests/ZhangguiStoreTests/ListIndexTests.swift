import Testing
import ZhangguiStore
import ZhangguiTestSupport

@Suite("A list page reads only its own rows")
struct ListIndexTests {
    @Test(
        "a page of orders or products is walked in id order, without sorting the whole company first",
        arguments: [
            "SELECT id FROM trades WHERE company_id = ? AND id > ? ORDER BY id LIMIT 50",
            "SELECT id FROM trades WHERE company_id = ? AND id < ? ORDER BY id DESC LIMIT 50",
            "SELECT id FROM skus WHERE company_id = ? AND id > ? ORDER BY id LIMIT 100",
        ]
    )
    func pageInIDOrder(query: String) throws {
        let database = try Engine.sqlite.makeDatabase()
        try Migrator.migrate(database)

        let plan = try database.read { connection in
            try connection.query("EXPLAIN QUERY PLAN " + query, 1, 0).map { $0.string(3) }
        }
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
        #expect(plan.contains { $0.contains("_by_company_id") }, "\(plan)")
    }
}
