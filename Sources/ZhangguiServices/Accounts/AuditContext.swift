public import ZhangguiStore

/// Who is making a change, and when: handed to a service so that it writes the audit entry inside the change's own
/// transaction. A change that fails leaves no entry, and an entry that cannot be written undoes the change.
///
/// Services take it as an optional last argument (`audit:`); nil records nothing, for the command-line tool and for
/// tests that are not about the audit log.
public struct AuditContext: Sendable {
    public let actor: AuditActor
    /// UTC seconds.
    public let at: Int64

    public init(actor: AuditActor, at: Int64) {
        self.actor = actor
        self.at = at
    }

    /// Appends the entry in `connection`'s transaction (``AuditLog/record(_:object:before:after:by:at:in:)``).
    public func record(
        _ action: String,
        object: AuditObject,
        before: (any Encodable)? = nil,
        after: (any Encodable)? = nil,
        in connection: any DatabaseConnection
    ) throws {
        try AuditLog.record(action, object: object, before: before, after: after, by: actor, at: at, in: connection)
    }
}

extension AuditObject {
    /// A trade, by its id.
    public static func order(_ id: Int64) -> AuditObject { AuditObject(type: "order", id: String(id)) }
    /// A company's batch steps (allocate, waybill, ship), by the company's id.
    public static func batch(companyID: Int64) -> AuditObject { AuditObject(type: "batch", id: String(companyID)) }
    /// An imported file, by its name.
    public static func importedFile(_ name: String) -> AuditObject { AuditObject(type: "import", id: name) }
}
