/// Migration 2: who may sign in, what they may do, and the audit log of what they did.
///
/// An email address is unique across all companies, so a user signs in with email and password alone and the
/// company follows from the account. Links between a user and their roles, sessions, tokens and codes carry the
/// company and reference `(company_id, id)`, so the database itself refuses a row that joins two companies.
extension Schema {
    static let accounts = Migration(
        version: 2,
        name: "accounts and audit log",
        statements: users + roles + sessions + tokens + attempts + audit,
        byDialect: [.sqlite: accountSQLiteGuards, .postgres: accountPostgresGuards]
    )

    private static let users = [
        // Known limitation: totp_secret is stored as typed into the authenticator (base32), not encrypted; anyone
        // who reads the database can generate codes. Encryption at rest with a key kept outside the database is
        // later work; until then the password is still needed to sign in.
        """
        CREATE TABLE users (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            email TEXT NOT NULL UNIQUE CHECK (email <> ''),
            password_hash TEXT NOT NULL,
            display_name TEXT NOT NULL,
            totp_secret TEXT,
            totp_enabled INTEGER NOT NULL DEFAULT 0,
            totp_last_counter BIGINT,
            all_shops INTEGER NOT NULL DEFAULT 0,
            all_warehouses INTEGER NOT NULL DEFAULT 0,
            disabled INTEGER NOT NULL DEFAULT 0,
            password_changed_at BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            UNIQUE (company_id, id),
            CHECK (totp_enabled = 0 OR totp_secret IS NOT NULL)
        )
        """,
        "CREATE INDEX users_by_company ON users (company_id)",
        """
        CREATE TABLE user_scopes (
            company_id BIGINT NOT NULL,
            user_id BIGINT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('shop', 'warehouse')),
            object_id BIGINT NOT NULL,
            PRIMARY KEY (user_id, kind, object_id),
            FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id)
        )
        """,
        """
        CREATE TABLE recovery_codes (
            id {{id}},
            company_id BIGINT NOT NULL,
            user_id BIGINT NOT NULL,
            code_hash TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            used_at BIGINT,
            UNIQUE (user_id, code_hash),
            FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id)
        )
        """,
    ]

    private static let roles = [
        """
        CREATE TABLE roles (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            name TEXT NOT NULL CHECK (name <> ''),
            built_in TEXT CHECK (built_in IN ('admin', 'finance', 'warehouse', 'customerService')),
            created_at BIGINT NOT NULL,
            UNIQUE (company_id, name),
            UNIQUE (company_id, built_in),
            UNIQUE (company_id, id)
        )
        """,
        // Custom roles only: a built-in role's permissions are defined in code (BuiltInRole).
        """
        CREATE TABLE role_permissions (
            company_id BIGINT NOT NULL,
            role_id BIGINT NOT NULL,
            permission TEXT NOT NULL,
            PRIMARY KEY (role_id, permission),
            FOREIGN KEY (company_id, role_id) REFERENCES roles (company_id, id)
        )
        """,
        """
        CREATE TABLE user_roles (
            company_id BIGINT NOT NULL,
            user_id BIGINT NOT NULL,
            role_id BIGINT NOT NULL,
            PRIMARY KEY (user_id, role_id),
            FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id),
            FOREIGN KEY (company_id, role_id) REFERENCES roles (company_id, id)
        )
        """,
    ]

    private static let sessions = [
        // id is the SHA-256 (hex) of the token in the cookie; the token itself is never stored.
        """
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            company_id BIGINT NOT NULL,
            user_id BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL,
            last_seen_at BIGINT NOT NULL,
            revoked_at BIGINT,
            csrf_token_hash TEXT NOT NULL,
            address TEXT NOT NULL DEFAULT '',
            FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, id)
        )
        """,
        "CREATE INDEX sessions_by_user ON sessions (user_id)",
    ]

    private static let tokens = [
        """
        CREATE TABLE api_tokens (
            id {{id}},
            company_id BIGINT NOT NULL,
            token_hash TEXT NOT NULL UNIQUE,
            prefix TEXT NOT NULL,
            name TEXT NOT NULL CHECK (name <> ''),
            permissions TEXT NOT NULL,
            created_by BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            expires_at BIGINT,
            revoked_at BIGINT,
            last_used_at BIGINT,
            UNIQUE (company_id, id),
            FOREIGN KEY (company_id, created_by) REFERENCES users (company_id, id)
        )
        """,
        "CREATE INDEX api_tokens_by_company ON api_tokens (company_id)",
    ]

    private static let attempts = [
        // Sign-in attempts come before anyone is known, so company_id is set only when the email matched a user:
        // the one table whose rows need not belong to a company. account is the SHA-256 of the normalised email,
        // so addresses mistyped into the sign-in form are not kept in clear.
        """
        CREATE TABLE sign_in_attempts (
            id {{id}},
            company_id BIGINT REFERENCES companies (id),
            account TEXT NOT NULL,
            address TEXT NOT NULL,
            at BIGINT NOT NULL,
            succeeded INTEGER NOT NULL
        )
        """,
        "CREATE INDEX sign_in_attempts_by_account ON sign_in_attempts (account, at)",
        "CREATE INDEX sign_in_attempts_by_address ON sign_in_attempts (address, at)",
    ]

    private static let audit = [
        // user_id is who acted (for an API token, the user who created it); token_id is set when a token acted.
        // before_json and after_json hold the object's state as JSON, never password hashes, secrets or tokens.
        """
        CREATE TABLE audit_log (
            id {{id}},
            company_id BIGINT NOT NULL REFERENCES companies (id),
            user_id BIGINT REFERENCES users (id),
            token_id BIGINT REFERENCES api_tokens (id),
            at BIGINT NOT NULL,
            action TEXT NOT NULL,
            object_type TEXT NOT NULL,
            object_id TEXT NOT NULL,
            before_json TEXT,
            after_json TEXT,
            request_id TEXT NOT NULL DEFAULT ''
        )
        """,
        "CREATE INDEX audit_log_by_object ON audit_log (company_id, object_type, object_id, at)",
        "CREATE INDEX audit_log_by_user ON audit_log (company_id, user_id, at)",
    ]

    /// Tables of migration 2 whose rows may be added but never changed or removed.
    static let accountAppendOnlyTables = ["audit_log"]

    /// The names of the triggers that keep migration 2's append-only tables so, per dialect.
    static func accountGuardNames(_ dialect: SQLDialect) -> [String] {
        switch dialect {
        case .sqlite: accountAppendOnlyTables.flatMap { ["\($0)_no_update", "\($0)_no_delete"] }
        case .postgres: accountAppendOnlyTables.map { "\($0)_append_only" }
        }
    }

    private static let accountSQLiteGuards: [String] = accountAppendOnlyTables.flatMap { table in
        ["UPDATE", "DELETE"].map { operation in
            """
            CREATE TRIGGER \(table)_no_\(operation.lowercased()) BEFORE \(operation) ON \(table)
            BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END
            """
        }
    }

    /// Uses `refuse_change()`, created by migration 1.
    private static let accountPostgresGuards: [String] = accountAppendOnlyTables.map { table in
        "CREATE TRIGGER \(table)_append_only BEFORE UPDATE OR DELETE ON \(table) "
            + "FOR EACH ROW EXECUTE FUNCTION refuse_change()"
    }
}

extension Migrator {
    /// The triggers that keep the audit log append-only on `dialect` (migration 2), for `zhanggui check` to add to
    /// ``appendOnlyGuards(_:)``.
    public static func accountGuards(_ dialect: SQLDialect) -> [String] {
        Schema.accountGuardNames(dialect)
    }
}
