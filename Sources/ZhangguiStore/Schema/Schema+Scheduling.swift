/// Migration 5: scheduled jobs, reorder points and the alerts the jobs raise.
///
/// The scheduler's promise — each job runs once per tick and company, however many server processes share the
/// database — is the `UNIQUE (company_id, job, tick)` of `job_runs`: a process claims a tick by inserting its row and
/// runs the job only when the insert went in. An alert is raised once per episode: the partial unique index admits
/// one open alert per subject, and a new one only after the open one was cleared.
extension Schema {
    static let scheduling = Migration(
        version: 5,
        name: "scheduled job runs, reorder points, alerts",
        statements: [
            """
            CREATE TABLE job_runs (
                id {{id}},
                company_id BIGINT NOT NULL REFERENCES companies (id),
                job TEXT NOT NULL CHECK (job <> ''),
                tick BIGINT NOT NULL,
                interval_seconds BIGINT NOT NULL CHECK (interval_seconds > 0),
                runner TEXT NOT NULL,
                started_at BIGINT NOT NULL,
                finished_at BIGINT,
                outcome TEXT NOT NULL CHECK (outcome IN ('running', 'succeeded', 'failed')),
                detail TEXT NOT NULL DEFAULT '',
                UNIQUE (company_id, job, tick),
                CHECK ((outcome = 'running') = (finished_at IS NULL))
            )
            """,
            """
            CREATE TABLE reorder_points (
                company_id BIGINT NOT NULL REFERENCES companies (id),
                warehouse_id BIGINT NOT NULL REFERENCES warehouses (id),
                sku_id BIGINT NOT NULL REFERENCES skus (id),
                quantity BIGINT NOT NULL CHECK (quantity >= 0),
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (warehouse_id, sku_id)
            )
            """,
            """
            CREATE TABLE alerts (
                id {{id}},
                company_id BIGINT NOT NULL REFERENCES companies (id),
                kind TEXT NOT NULL CHECK (kind IN ('lowStock', 'heldOrder')),
                subject TEXT NOT NULL,
                warehouse_id BIGINT REFERENCES warehouses (id),
                sku_id BIGINT REFERENCES skus (id),
                trade_id BIGINT REFERENCES trades (id),
                quantity BIGINT NOT NULL,
                threshold BIGINT NOT NULL,
                job_run_id BIGINT REFERENCES job_runs (id),
                raised_at BIGINT NOT NULL,
                cleared_at BIGINT
            )
            """,
            "CREATE UNIQUE INDEX alerts_one_open ON alerts (company_id, kind, subject) WHERE cleared_at IS NULL",
            "CREATE INDEX alerts_by_company_id ON alerts (company_id, id)",
        ]
    )
}
