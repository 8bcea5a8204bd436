internal import Foundation
internal import ZhangguiCore
public import ZhangguiStore

/// The object an audit entry is about: a type name and the object's id within the company.
public struct AuditObject: Sendable, Hashable {
    public let type: String
    public let id: String

    public init(type: String, id: String) {
        self.type = type
        self.id = id
    }

    public static func company(_ id: Int64) -> AuditObject { AuditObject(type: "company", id: String(id)) }
    public static func user(_ id: Int64) -> AuditObject { AuditObject(type: "user", id: String(id)) }
    public static func role(_ id: Int64) -> AuditObject { AuditObject(type: "role", id: String(id)) }
    public static func apiToken(_ id: Int64) -> AuditObject { AuditObject(type: "apiToken", id: String(id)) }
}

/// Who an audit entry names as acting.
public struct AuditActor: Sendable, Hashable {
    public let companyID: Int64
    public let userID: Int64?
    public let tokenID: Int64?
    public let requestID: String

    public init(companyID: Int64, userID: Int64?, tokenID: Int64? = nil, requestID: String = "") {
        self.companyID = companyID
        self.userID = userID
        self.tokenID = tokenID
        self.requestID = requestID
    }
}

extension Principal {
    /// The principal as the actor of audit entries.
    public var actor: AuditActor {
        AuditActor(companyID: companyID, userID: userID, tokenID: tokenID, requestID: requestID)
    }
}

/// The company's record of who changed what: appended in the same transaction as the change, never altered (the
/// database refuses UPDATE and DELETE on it), read by object or by user, newest first.
public struct AuditLog: Sendable {
    /// Entries returned when no limit is given.
    public static let defaultLimit = 100

    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// Appends an entry in the transaction of the change it describes, so there is never one without the other.
    /// `before` and `after` are encoded as JSON with sorted keys; they must not hold password hashes, secrets or
    /// tokens.
    @discardableResult
    public static func record(
        _ action: String,
        object: AuditObject,
        before: (any Encodable)? = nil,
        after: (any Encodable)? = nil,
        by actor: AuditActor,
        at now: Int64,
        in connection: any DatabaseConnection
    ) throws -> Int64 {
        try AuditRecords(connection).append(
            AuditEntry(
                companyID: actor.companyID,
                userID: actor.userID,
                tokenID: actor.tokenID,
                at: now,
                action: action,
                objectType: object.type,
                objectID: object.id,
                beforeJSON: try before.map(json),
                afterJSON: try after.map(json),
                requestID: actor.requestID
            )
        )
    }

    /// The entries about `object` in the principal's company, newest first.
    /// - Throws: ``AccountError`` `.forbidden` without `audit.read`.
    public func entries(about object: AuditObject, principal: Principal, limit: Int = defaultLimit) throws
        -> [AuditRecord]
    {
        try principal.require(.auditRead)
        return try database.read { connection in
            try AuditRecords(connection).entries(
                objectType: object.type,
                objectID: object.id,
                companyID: principal.companyID,
                limit: limit
            )
        }
    }

    /// The entries made by user `userID` (directly or through their API tokens) in the principal's company,
    /// newest first.
    /// - Throws: ``AccountError`` `.forbidden` without `audit.read`.
    public func entries(byUser userID: Int64, principal: Principal, limit: Int = defaultLimit) throws
        -> [AuditRecord]
    {
        try principal.require(.auditRead)
        return try database.read { connection in
            try AuditRecords(connection).entries(userID: userID, companyID: principal.companyID, limit: limit)
        }
    }

    /// `value` as compact JSON with sorted keys, so equal states give equal text.
    static func json(_ value: any Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
