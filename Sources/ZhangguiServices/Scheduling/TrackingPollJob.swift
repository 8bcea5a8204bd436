import ZhangguiCore
public import ZhangguiSecurity
import ZhangguiStore

/// 物流轮询: asks each courier account that answers route queries (顺丰 `EXP_RECE_SEARCH_ROUTES`) where the
/// company's shipped, undelivered parcels are, and records what it says through ``TrackingService``, as a push
/// would. Parcels with the oldest news are asked about first, at most ``maximumParcelsPerAccount`` per account and
/// run, so a large backlog is worked through over several ticks.
///
/// Each call to a courier is made outside any transaction, and each answer is recorded in its own. A courier that
/// fails is counted and named in the run's summary and does not stop the other calls: the parcels are asked
/// about again next tick.
public struct TrackingPollJob: ScheduledJob {
    public static let defaultInterval: Int64 = 1800
    /// The most parcels asked about per account in one run.
    public static let maximumParcelsPerAccount = 500

    public let name = "trackingPoll"
    public let interval: Int64
    let box: SecretBox?
    let makeQuery: CourierRouteQueryMaker

    /// - Parameters:
    ///   - box: the key the accounts' credentials are sealed with; nil when the server was given none.
    ///   - makeQuery: the route query of an account's service (ZhangguiChannels gives them).
    public init(box: SecretBox?, interval: Int64 = Self.defaultInterval, makeQuery: @escaping CourierRouteQueryMaker) {
        self.box = box
        self.interval = interval
        self.makeQuery = makeQuery
    }

    /// What one run did, for its summary.
    struct Tally {
        var parcelsAsked = 0
        var recorded = 0
        var parcelsChanged = 0
        var failedCalls = 0
        var lastFailure = ""

        var summary: String {
            var text = "\(parcelsAsked) parcels asked, \(recorded) events recorded, \(parcelsChanged) parcels moved"
            if failedCalls > 0 { text += ", \(failedCalls) calls failed (last: \(lastFailure))" }
            return text
        }
    }

    public func run(_ context: JobContext) throws -> String {
        let accounts = CourierAccounts(database: context.database, box: box)
        let polled = try pollableAccounts(accounts, companyID: context.companyID)
        var tally = Tally()
        var asked: Set<String> = []
        for (account, query) in polled {
            let parcels = try context.database.read { connection in
                try TrackingRecords(connection).parcelsOnTheWay(
                    courierCode: account.carrierCode,
                    companyID: context.companyID,
                    limit: Self.maximumParcelsPerAccount
                )
            }
            let numbers = parcels.map(\.waybillNumber).filter { asked.insert("\(account.carrierCode)/\($0)").inserted }
            for batch in numbers.chunked(query.maximumWaybillsPerCall) {
                try poll(batch, through: query, account: account, context: context, tally: &tally)
            }
        }
        return tally.summary
    }

    /// The company's accounts whose service answers route queries, each with its query. Without a key, a company
    /// with network accounts fails its run with the error that says how to give one.
    private func pollableAccounts(_ accounts: CourierAccounts, companyID: Int64) throws
        -> [(OpenCourierAccount, any CourierRouteQuery)]
    {
        if box == nil {
            let network = try accounts.accounts(companyID: companyID).filter { $0.service != .offline }
            guard network.isEmpty else { throw SecretKeyError(code: .missing) }
            return []
        }
        return try accounts.openAccounts(companyID: companyID).compactMap { account in
            let query = try? makeQuery(account.service, account.carrierCode, account.credentials)
            return query.flatMap { $0 }.map { (account, $0) }
        }
    }

    /// Asks about one batch of waybills and records the answer; a courier's failure is tallied, not thrown.
    private func poll(
        _ waybills: [String],
        through query: any CourierRouteQuery,
        account: OpenCourierAccount,
        context: JobContext,
        tally: inout Tally
    ) throws {
        tally.parcelsAsked += waybills.count
        let events: [TrackingEvent]
        do {
            events = try query.routes(of: waybills)
        } catch {
            tally.failedCalls += 1
            tally.lastFailure = "account \(account.code): \(error.description)"
            return
        }
        let asked = Set(waybills)
        let ours = events.map { $0.carried(by: account.carrierCode) }.filter { asked.contains($0.waybillNumber) }
        guard !ours.isEmpty else { return }
        let actor = AuditActor(companyID: context.companyID, userID: nil, requestID: "job.\(name).\(context.runID)")
        let report = try TrackingService(database: context.database).record(
            ours,
            companyID: context.companyID,
            audit: AuditContext(actor: actor, at: context.now)
        )
        tally.recorded += report.recorded
        tally.parcelsChanged += report.parcelsChanged
    }
}

extension Array {
    /// The elements in consecutive slices of at most `size` (at least 1).
    fileprivate func chunked(_ size: Int) -> [[Element]] {
        let size = Swift.max(1, size)
        return stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
