import Testing
import ZhangguiStore

@Suite("One setting chooses the engine: a path or a postgres:// URL")
struct DatabaseLocationTests {
    @Test(
        "URLs with the postgres or postgresql scheme choose PostgreSQL; anything else is an SQLite path",
        arguments: [
            ("zhanggui.sqlite", DatabaseLocation.sqlite(path: "zhanggui.sqlite")),
            ("/srv/shop/data.sqlite", .sqlite(path: "/srv/shop/data.sqlite")),
            (":memory:", .sqlite(path: ":memory:")),
            ("postgres://erp@db.internal/shop", .postgres(url: "postgres://erp@db.internal/shop")),
            ("postgresql://erp@db.internal:5433/shop", .postgres(url: "postgresql://erp@db.internal:5433/shop")),
            ("POSTGRES://erp@db/shop", .postgres(url: "POSTGRES://erp@db/shop")),
            ("postgres-backup.sqlite", .sqlite(path: "postgres-backup.sqlite")),
        ]
    )
    func engineChoice(setting: String, location: DatabaseLocation) {
        #expect(DatabaseLocation(setting) == location)
    }

    @Test(
        "messages show the URL without its password",
        arguments: [
            ("postgres://erp:s3cret@db:5432/shop", "postgres://erp:***@db:5432/shop"),
            (
                "postgres://erp@db/shop?password=s3cret&sslmode=require",
                "postgres://erp@db/shop?password=***&sslmode=require"
            ),
            ("postgresql://db/shop?sslmode=require&password=x", "postgresql://db/shop?sslmode=require&password=***"),
            ("postgres://erp@db/shop", "postgres://erp@db/shop"),
            ("shop.sqlite", "shop.sqlite"),
        ]
    )
    func passwordsStayOut(setting: String, shown: String) {
        #expect(DatabaseLocation(setting).displayName == shown)
    }

    @Test("a server that does not answer is reported as cannotOpen, without the password")
    func unreachableServer() {
        #expect {
            try DatabaseLocation.open("postgres://erp:s3cret@127.0.0.1:1/shop?connect_timeout=2")
        } throws: { error in
            guard let error = error as? DatabaseError else { return false }
            return error.kind == .cannotOpen && !error.description.contains("s3cret")
        }
    }
}
