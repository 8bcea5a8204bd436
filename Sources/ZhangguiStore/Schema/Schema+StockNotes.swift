/// Migration 4: stock documents written by hand, 入库单 (receipts) and 出库单 (issues), numbered per company and
/// kind without gaps, with their lines. Once posted a document is never changed (a correction is a new document),
/// so both tables are append-only like the stock ledger.
extension Schema {
    static let stockNotes = Migration(
        version: 4,
        name: "stock receipts and issues",
        statements: stockNoteTables,
        byDialect: [.sqlite: stockNoteSQLiteGuards, .postgres: stockNotePostgresGuards]
    )

    private static let stockNoteTables = [
        """
        CREATE TABLE stock_notes (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            kind TEXT NOT NULL CHECK (kind IN ('receipt', 'issue')),
            number TEXT NOT NULL,
            reason TEXT NOT NULL,
            reference TEXT NOT NULL DEFAULT '',
            memo TEXT NOT NULL DEFAULT '',
            total_fen BIGINT NOT NULL CHECK (total_fen >= 0),
            voucher_id BIGINT REFERENCES vouchers (id),
            user_id BIGINT REFERENCES users (id),
            posted_at BIGINT NOT NULL,
            UNIQUE (company_id, number),
            CHECK ((kind = 'receipt' AND reason IN ('purchase', 'other'))
                OR (kind = 'issue' AND reason IN ('damaged', 'sample', 'internalUse', 'other')))
        )
        """,
        "CREATE INDEX stock_notes_by_kind ON stock_notes (company_id, kind, id)",
        """
        CREATE TABLE stock_note_lines (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            note_id BIGINT NOT NULL REFERENCES stock_notes (id),
            line_no INTEGER NOT NULL,
            warehouse_id BIGINT NOT NULL REFERENCES warehouses (id),
            sku_id BIGINT NOT NULL REFERENCES skus (id),
            quantity BIGINT NOT NULL CHECK (quantity > 0),
            unit_cost_fen BIGINT CHECK (unit_cost_fen >= 0),
            value_fen BIGINT NOT NULL CHECK (value_fen >= 0),
            UNIQUE (note_id, line_no)
        )
        """,
        """
        CREATE TABLE stock_note_sequences (
            company_id BIGINT NOT NULL REFERENCES companies (id),
            kind TEXT NOT NULL,
            last_number BIGINT NOT NULL,
            PRIMARY KEY (company_id, kind)
        )
        """,
    ]

    /// Tables of migration 4 whose rows may be added but never changed or removed.
    static let stockNoteAppendOnlyTables = ["stock_notes", "stock_note_lines"]

    /// The names of migration 4's guards per dialect, each with the statement that made it where SQLite keeps it.
    static func stockNoteGuards(_ dialect: SQLDialect) -> [(name: String, definition: String?)] {
        switch dialect {
        case .sqlite:
            zip(stockNoteAppendOnlyTables.flatMap { ["\($0)_no_update", "\($0)_no_delete"] }, stockNoteSQLiteGuards)
                .map { ($0, $1) }
        case .postgres: stockNoteAppendOnlyTables.map { ("\($0)_append_only", nil) }
        }
    }

    private static let stockNoteSQLiteGuards: [String] = stockNoteAppendOnlyTables.flatMap { table in
        ["UPDATE", "DELETE"].map { operation in
            """
            CREATE TRIGGER \(table)_no_\(operation.lowercased()) BEFORE \(operation) ON \(table)
            BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END
            """
        }
    }

    /// Uses `refuse_change()`, created by migration 1.
    private static let stockNotePostgresGuards: [String] = stockNoteAppendOnlyTables.map { table in
        "CREATE TRIGGER \(table)_append_only BEFORE UPDATE OR DELETE ON \(table) "
            + "FOR EACH ROW EXECUTE FUNCTION refuse_change()"
    }
}

extension Migrator {
    /// The triggers that keep stock documents append-only on `dialect` (migration 4), for `zhanggui check`.
    public static func stockNoteGuards(_ dialect: SQLDialect) -> [(name: String, definition: String?)] {
        Schema.stockNoteGuards(dialect)
    }
}
