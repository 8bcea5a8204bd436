/// One entry of the audit log: who did what to which object of which company, when, and the object's state before
/// and after as JSON.
public struct AuditEntry: Sendable, Hashable {
    public let companyID: Int64
    /// The user who acted; for an API token, the user who created it. Nil only for actions of the system itself.
    public let userID: Int64?
    /// The API token that acted, nil for a signed-in user.
    public let tokenID: Int64?
    /// UTC seconds.
    public let at: Int64
    /// What was done, as `object.verb` (`user.create`, `apiToken.revoke`).
    public let action: String
    public let objectType: String
    public let objectID: String
    public let beforeJSON: String?
    public let afterJSON: String?
    /// The request that made the change, to find its log lines; empty outside requests.
    public let requestID: String

    public init(
        companyID: Int64,
        userID: Int64?,
        tokenID: Int64?,
        at: Int64,
        action: String,
        objectType: String,
        objectID: String,
        beforeJSON: String?,
        afterJSON: String?,
        requestID: String
    ) {
        self.companyID = companyID
        self.userID = userID
        self.tokenID = tokenID
        self.at = at
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.beforeJSON = beforeJSON
        self.afterJSON = afterJSON
        self.requestID = requestID
    }
}

/// An audit entry as stored, with its id.
public struct AuditRecord: Sendable, Hashable {
    public let id: Int64
    public let entry: AuditEntry
}

/// The audit log table: rows are added, never changed (triggers refuse UPDATE and DELETE).
public struct AuditRecords {
    let connection: any DatabaseConnection

    public init(_ connection: any DatabaseConnection) {
        self.connection = connection
    }

    /// Appends an entry and returns its id.
    @discardableResult
    public func append(_ entry: AuditEntry) throws -> Int64 {
        let row = try connection.queryOne(
            """
            INSERT INTO audit_log (company_id, user_id, token_id, at, action, object_type, object_id, before_json,
                                   after_json, request_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """,
            entry.companyID,
            entry.userID,
            entry.tokenID,
            entry.at,
            entry.action,
            entry.objectType,
            entry.objectID,
            entry.beforeJSON,
            entry.afterJSON,
            entry.requestID
        )
        return row?.int(0) ?? 0
    }

    /// The company's entries about one object, newest first.
    public func entries(objectType: String, objectID: String, companyID: Int64, limit: Int) throws -> [AuditRecord] {
        try query("company_id = ? AND object_type = ? AND object_id = ?", [companyID, objectType, objectID], limit)
    }

    /// The company's entries made by one user (themselves or through their API tokens), newest first.
    public func entries(userID: Int64, companyID: Int64, limit: Int) throws -> [AuditRecord] {
        try query("company_id = ? AND user_id = ?", [companyID, userID], limit)
    }

    private func query(_ condition: String, _ arguments: [any SQLBindable], _ limit: Int) throws -> [AuditRecord] {
        try connection.query(
            """
            SELECT id, company_id, user_id, token_id, at, action, object_type, object_id, before_json, after_json,
                   request_id
            FROM audit_log WHERE \(condition) ORDER BY at DESC, id DESC LIMIT ?
            """,
            arguments + [max(0, limit)]
        ).map { row in
            AuditRecord(
                id: row.int(0),
                entry: AuditEntry(
                    companyID: row.int(1),
                    userID: row.optionalInt(2),
                    tokenID: row.optionalInt(3),
                    at: row.int(4),
                    action: row.string(5),
                    objectType: row.string(6),
                    objectID: row.string(7),
                    beforeJSON: row.optionalString(8),
                    afterJSON: row.optionalString(9),
                    requestID: row.string(10)
                )
            )
        }
    }
}
