import ZhangguiStore

extension TestDatabase {
    /// The names of the tables in the database, sorted, from the engine's own catalogue.
    public func tableNames() throws -> [String] {
        let sql =
            switch dialect {
            case .sqlite: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            case .postgres: "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            }
        return try read { try $0.query(sql).map { $0.string(0) } }.sorted()
    }

    /// Drops the trigger `name`, as someone working on the database by hand might.
    public func dropTrigger(_ name: String) throws {
        try write { connection in
            switch connection.dialect {
            case .sqlite:
                try connection.execute("DROP TRIGGER \(name)")
            case .postgres:
                let table = try connection.queryOne(
                    "SELECT CAST(CAST(tgrelid AS regclass) AS text) FROM pg_trigger WHERE tgname = ?",
                    name
                )
                try connection.execute("DROP TRIGGER \(name) ON \(table?.string(0) ?? "")")
            }
        }
    }
}
