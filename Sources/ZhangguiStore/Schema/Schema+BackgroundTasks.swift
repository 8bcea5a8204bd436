/// Migration 16: background tasks, the long work a page starts and a user may leave and come back to (an import of
/// 100,000 rows, a batch of 1,000 labels).
///
/// - `background_tasks`: one row per task of a company: its kind, its state (queued → running → done, failed or
///   interrupted), how far it got (`done` of `total` units, both never negative), a message for the user, a
///   reference to its result (a file the server keeps, such as the labels' PDF), who started it and when it was
///   created, started and finished, and which server process runs it (`runner`, "HOST PID"), so a server that
///   starts marks interrupted only what a stopped process of its own host left. The states are checked by the
///   table, so no other value can be stored.
extension Schema {
    static let backgroundTasks = Migration(
        version: 16,
        name: "background tasks: long work with its progress and result",
        statements: [
            """
            CREATE TABLE background_tasks (
                id {{id}},
                company_id BIGINT NOT NULL REFERENCES companies (id),
                kind TEXT NOT NULL CHECK (kind <> ''),
                state TEXT NOT NULL
                    CHECK (state IN ('queued', 'running', 'done', 'failed', 'interrupted')),
                done BIGINT NOT NULL DEFAULT 0 CHECK (done >= 0),
                total BIGINT NOT NULL DEFAULT 0 CHECK (total >= 0),
                message TEXT NOT NULL DEFAULT '',
                result_reference TEXT,
                started_by BIGINT REFERENCES users (id),
                runner TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL,
                started_at BIGINT,
                finished_at BIGINT
            )
            """,
            "CREATE INDEX background_tasks_by_company ON background_tasks (company_id, id)",
            "CREATE INDEX background_tasks_by_state ON background_tasks (state)",
        ]
    )
}
