public import ZhangguiCore
public import ZhangguiStore

/// How far a backfill has come, reported after each window.
public struct BackfillProgress: Sendable, Equatable {
    public var windowsDone: Int
    public var windowsTotal: Int
    /// The end of the last window stored, in UTC milliseconds.
    public var reachedMillis: Int64
    public var counts: SyncCounts
}

extension SyncService {
    /// Reads a stream from its checkpoint (less the overlap) to now (less the safety lag), window by window, and
    /// advances the checkpoint with each window's last page.
    func pull(_ stream: SyncStream, session: ShopSession) throws -> SyncCounts {
        let shop = session.shop
        let checkpoint = stream == .orders ? shop.ordersCheckpointMillis : shop.refundsCheckpointMillis
        guard let span = shop.plan.span(checkpointMillis: checkpoint, nowMillis: nowMillis()) else {
            return SyncCounts()
        }
        let kind: SyncRunKind = stream == .orders ? .orders : .refunds
        return try logged(kind, window: span, session: session) { runID in
            let windows = SyncPlan.windows(covering: span, maximumMillis: session.channel.maximumWindowMillis)
            var total = SyncCounts()
            for window in windows {
                total = total + (try pull(stream, window: window, advancing: true, runID: runID, session: session))
            }
            return total
        }
    }

    /// Reads orders and after-sales requests modified in `range` again, for a shop connected late or a gap to
    /// fill; the checkpoints stay where they are. `progress` hears after each window of orders.
    /// - Throws: ``ShopError`` when the shop is not connected or not active.
    public func backfill(
        company: Int64,
        shop shopID: Int64,
        range: SyncWindow,
        progress: (BackfillProgress) -> Void = { _ in }
    ) throws -> SyncReport {
        let shop = try connection(shopID, company: company)
        var report = SyncReport(shopCode: shop.shopCode)
        if let reason = skipReason(shop) { throw ShopError(code: .notActive, detail: "\(shop.shopCode) is \(reason)") }
        do {
            let session = try open(shop, company: company)
            let windows = SyncPlan.windows(covering: range, maximumMillis: session.channel.maximumWindowMillis)
            report.orders = try logged(.backfill, window: range, session: session) { runID in
                var total = SyncCounts()
                for (index, window) in windows.enumerated() {
                    total =
                        total + (try pull(.orders, window: window, advancing: false, runID: runID, session: session))
                    progress(
                        BackfillProgress(
                            windowsDone: index + 1,
                            windowsTotal: windows.count,
                            reachedMillis: window.endMillis,
                            counts: total
                        )
                    )
                }
                return total
            }
            report.refunds = try logged(.backfill, window: range, session: session) { runID in
                try windows.reduce(SyncCounts()) { total, window in
                    total + (try pull(.refunds, window: window, advancing: false, runID: runID, session: session))
                }
            }
        } catch let error as SyncStop {
            report.outcome = error.outcome
            report.error = error.message
        }
        return report
    }

    /// Fetches one order again and stores it like a page of one.
    /// - Returns: whether it was new, newer than the stored version, or the same; nil when a platform error stopped
    ///   it (the report in the sync log says which).
    public func repull(company: Int64, shop shopID: Int64, platformOrderID: String) throws -> (
        VersionOutcome?, SyncReport
    ) {
        let shop = try connection(shopID, company: company)
        var report = SyncReport(shopCode: shop.shopCode)
        if let reason = skipReason(shop) { throw ShopError(code: .notActive, detail: "\(shop.shopCode) is \(reason)") }
        do {
            let session = try open(shop, company: company)
            report.orders = try logged(.repull, window: nil, session: session) { runID in
                let order = try session.channel.order(platformOrderID: platformOrderID)
                return try commit(.orders, reached: nil, advancing: false, runID: runID, session: session) {
                    try OrderPageStore(connection: $0, context: session.context, shop: shop).store([order])
                }
            }
        } catch let error as SyncStop {
            report.outcome = error.outcome
            report.error = error.message
            return (nil, report)
        }
        let counts = report.orders
        let outcome: VersionOutcome? =
            counts.new > 0 ? .new : counts.changed > 0 ? .newer : counts.unchanged > 0 ? .stale : nil
        return (outcome, report)
    }

    /// Runs `body` as one run of the sync log: started before, finished after with its outcome. A platform error
    /// is recorded for the shop and in the run, and ends the pass as a ``SyncStop``.
    func logged(
        _ kind: SyncRunKind,
        window: SyncWindow?,
        session: ShopSession,
        _ body: (_ runID: Int64) throws -> SyncCounts
    ) throws -> SyncCounts {
        let company = session.context.id
        let runID = try database.write {
            try SyncRunRecords($0).start(
                kind,
                window: window.map { ($0.startMillis, $0.endMillis) },
                atMillis: nowMillis(),
                shopID: session.shop.shopID,
                companyID: company
            )
        }
        let finish = { (outcome: SyncRunOutcome, error: String?) in
            try database.write {
                try SyncRunRecords($0).finish(runID, outcome: outcome, error: error, atMillis: nowMillis())
            }
        }
        do {
            let counts = try body(runID)
            try finish(.done, nil)
            return counts
        } catch let error as ChannelError {
            let stop = try stop(error, shop: session.shop, company: company)
            try finish(stop.outcome, stop.message)
            throw stop
        } catch {
            try? finish(.failed, String(describing: error))
            throw error
        }
    }

    /// Reads every page of one window of a stream.
    private func pull(
        _ stream: SyncStream,
        window: SyncWindow,
        advancing: Bool,
        runID: Int64,
        session: ShopSession
    ) throws -> SyncCounts {
        var total = SyncCounts()
        var cursor: String?
        repeat {
            let step = PageStep(stream: stream, window: window, cursor: cursor, advancing: advancing, runID: runID)
            let (counts, next) = try pullPage(step, session: session)
            total = total + counts
            if let next, next == cursor {
                throw ChannelError.malformedResponse(message: "the platform gave the same page cursor twice")
            }
            cursor = next
        } while cursor != nil
        return total
    }

    /// Fetches one page (outside any transaction) and stores it; returns its counts and the next page's cursor.
    private func pullPage(_ step: PageStep, session: ShopSession) throws -> (SyncCounts, next: String?) {
        let store: (any DatabaseConnection) throws -> (counts: SyncCounts, problems: [String])
        let next: String?
        switch step.stream {
        case .orders:
            let page = try session.channel.orders(modifiedIn: step.window, cursor: step.cursor)
            next = page.nextCursor
            store = {
                try OrderPageStore(connection: $0, context: session.context, shop: session.shop).store(page.items)
            }
        case .refunds:
            let page = try session.channel.refunds(modifiedIn: step.window, cursor: step.cursor)
            next = page.nextCursor
            store = {
                try RefundPageStore(connection: $0, context: session.context, shop: session.shop).store(page.items)
            }
        }
        let reached = next == nil ? step.window.endMillis : nil
        let counts = try commit(
            step.stream,
            reached: reached,
            advancing: step.advancing,
            runID: step.runID,
            session: session,
            store
        )
        return (counts, next)
    }

    /// Stores one page in one transaction, with the run's counters and, on a window's last page (`reached` set to
    /// the window's end), the checkpoint when `advancing`.
    private func commit(
        _ stream: SyncStream,
        reached: Int64?,
        advancing: Bool,
        runID: Int64,
        session: ShopSession,
        _ store: (any DatabaseConnection) throws -> (counts: SyncCounts, problems: [String])
    ) throws -> SyncCounts {
        try database.write { connection in
            var (counts, problems) = try store(connection)
            counts.pages = 1
            if let reached, advancing {
                try ShopConnectionRecords(connection)
                    .advance(stream, to: reached, shopID: session.shop.shopID, companyID: session.context.id)
            }
            try SyncRunRecords(connection).add(counts, reachedMillis: reached, error: problems.last, runID: runID)
            return counts
        }
    }
}

/// Where a page read stands: which stream and window, the page's cursor, and the run it counts into.
private struct PageStep {
    let stream: SyncStream
    let window: SyncWindow
    let cursor: String?
    let advancing: Bool
    let runID: Int64
}
