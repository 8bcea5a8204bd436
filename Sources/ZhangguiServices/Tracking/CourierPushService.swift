public import ZhangguiCore
import ZhangguiSecurity
public import ZhangguiStore

import struct Foundation.Date

/// What one accepted push did.
public struct CourierPushOutcome: Sendable {
    public let report: TrackingReport
    /// The courier's action codes that were left out (steps that do not say where a parcel is).
    public let unknownActions: [String]
}

/// A courier account's push hook (推送接口): `POST /hooks/couriers/{company}/{account}`. Checks the push is the
/// courier's — 中通 by its `data_digest` over the body with the account's app secret, 顺丰 (whose pushes carry no
/// signature) by the random hook token stored sealed with the account — reads its events and records them through
/// ``TrackingService`` like every other source, audited without a user.
public struct CourierPushService: Sendable {
    /// The largest push body taken, in bytes: far above a courier's batch of route steps.
    public static let maximumBodyBytes = 256 * 1024

    let database: any Database
    let accounts: CourierAccounts
    let readers: CourierPushReaders

    public init(database: any Database, accounts: CourierAccounts, readers: @escaping CourierPushReaders) {
        self.database = database
        self.accounts = accounts
        self.readers = readers
    }

    /// The hook of an account: the account and the reader of its courier's pushes.
    public struct Hook: Sendable {
        public let account: OpenCourierAccount
        public let reader: any CourierPushReader
    }

    /// The hook of account `accountCode` of the company.
    /// - Throws: ``CourierPushRefusal`` `.unknownHook` for no such account, an offline one or a service that does
    ///   not push; ``SecretKeyError`` when the server cannot open the account's credentials.
    public func hook(companyID: Int64, accountCode: String) throws -> Hook {
        guard let account = try accounts.openAccount(code: accountCode, companyID: companyID),
            let reader = readers(account.service)
        else {
            throw CourierPushRefusal(code: .unknownHook, reason: "no courier account takes pushes here")
        }
        return Hook(account: account, reader: reader)
    }

    /// Checks and records one push at `hook`, in one transaction. Waybills that are not the company's are reported
    /// in the outcome, not refused; replaying a push records nothing new.
    /// - Throws: ``CourierPushRefusal`` (nothing is recorded); a database error.
    public func receive(_ push: CourierPush, at hook: Hook, companyID: Int64, requestID: String, now: Int64) throws
        -> CourierPushOutcome
    {
        guard push.body.count <= Self.maximumBodyBytes else {
            throw CourierPushRefusal(code: .tooLarge, field: "body", reason: "is over \(Self.maximumBodyBytes) bytes")
        }
        if !hook.reader.signsPushes {
            let expected = hook.account.credentials.hookToken ?? ""
            guard !expected.isEmpty, SecretDigest.constantTimeEquals(push.token, expected) else {
                throw CourierPushRefusal(code: .badToken, field: "token", reason: "is not this hook's token")
            }
        }
        let reading = try hook.reader.reading(of: push, credentials: hook.account.credentials)
        let events = reading.events.map { $0.carried(by: hook.account.carrierCode) }
        let actor = AuditActor(companyID: companyID, userID: nil, requestID: requestID)
        let report = try TrackingService(database: database).record(
            events,
            companyID: companyID,
            audit: AuditContext(actor: actor, at: now)
        )
        return CourierPushOutcome(report: report, unknownActions: reading.unknownActions)
    }
}

extension TrackingEvent {
    /// The event under the carrier code of the account it came through: the code its parcels are stored with.
    func carried(by carrierCode: String) -> TrackingEvent {
        guard courierCode != carrierCode else { return self }
        return TrackingEvent(
            courierCode: carrierCode,
            waybillNumber: waybillNumber,
            occurredAt: occurredAt,
            status: status,
            courierAction: courierAction,
            detail: detail,
            place: place
        )
    }
}
