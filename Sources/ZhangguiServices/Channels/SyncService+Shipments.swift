import ZhangguiCore
import ZhangguiStore

extension SyncService {
    /// How many confirmations one pass sends at most.
    static let uploadBatch = 200
    /// How long a worker holds a confirmation it is sending before another may try.
    static let uploadLeaseMillis: Int64 = 120_000

    /// Sends the shop's due shipment confirmations (发货回传) from the outbox shipping wrote.
    ///
    /// Each is claimed for a while before it is sent, so two workers never send the same one at once; it is marked
    /// sent when the platform accepts it, or when the platform refuses it and the order turns out to be shipped there
    /// already (an earlier attempt got through, or a split part). Any other failure is tried again later, waiting
    /// longer after each attempt, up to an hour: retried until accepted.
    /// - Returns: how many were sent and how many failed this time.
    func sendShipments(session: ShopSession) throws -> (sent: Int, failed: Int) {
        let shop = session.shop
        let company = session.context.id
        let due = try database.read {
            try ShipmentUploadRecords($0).due(
                shopID: shop.shopID,
                companyID: company,
                nowMillis: nowMillis(),
                limit: Self.uploadBatch
            )
        }
        guard !due.isEmpty else { return (0, 0) }
        let courierCodes = try database.read {
            try ShopCourierCodeRecords($0).all(shopID: shop.shopID, companyID: company)
        }
        var sent = 0
        var failed = 0
        _ = try logged(.shipments, window: nil, session: session) { runID in
            var counts = SyncCounts()
            for upload in due {
                let now = nowMillis()
                let claimed = try database.write {
                    try ShipmentUploadRecords($0).claim(
                        upload.id,
                        nowMillis: now,
                        leaseUntilMillis: now + Self.uploadLeaseMillis
                    )
                }
                guard claimed else { continue }
                let error = try send(upload, courierCodes: courierCodes, session: session)
                var item = SyncCounts()
                if error == nil {
                    sent += 1
                    item.changed = 1
                } else {
                    failed += 1
                    item.errors = 1
                }
                counts = counts + item
                try database.write { try SyncRunRecords($0).add(item, reachedMillis: nil, error: error, runID: runID) }
            }
            return counts
        }
        return (sent, failed)
    }

    /// Sends one confirmation and records the answer; returns the error when it failed.
    ///
    /// The courier is named in the platform's own code (``PlatformCourierCodes``, the shop's codes first); a
    /// courier the platform has no known code for is not sent at all: the confirmation waits, failed with an error
    /// saying which code to set, and goes out on a later pass once the shop has it.
    /// - Throws: a ``ChannelError`` that stops the pass (expired grant, rate limit, platform down), after putting
    ///   the confirmation back in the queue.
    private func send(_ upload: ShipmentUpload, courierCodes: [String: String], session: ShopSession) throws
        -> String?
    {
        let records = { (body: (ShipmentUploadRecords) throws -> Void) in
            try database.write { try body(ShipmentUploadRecords($0)) }
        }
        let retry = nowMillis() + min(3_600_000, 60_000 << min(upload.attempts, 6))
        let platform = session.shop.platform
        guard
            let courierCode = PlatformCourierCodes.code(
                for: upload.courierCode,
                on: platform,
                shopCodes: courierCodes
            )
        else {
            let error =
                "order \(upload.platformOrderID): courier \(upload.courierCode) has no \(platform.displayName) code; "
                + "set it with: zhanggui shop set \(session.shop.shopCode) --courier \(upload.courierCode)=CODE"
            try records { try $0.markFailed(upload.id, error: error, nextAttemptMillis: retry) }
            return error
        }
        let shipment = PlatformShipment(
            platformOrderID: upload.platformOrderID,
            courierCode: courierCode,
            trackingNumber: upload.trackingNumber
        )
        do {
            try session.channel.confirmShipment(shipment)
            try records { try $0.markSent(upload.id, atMillis: nowMillis()) }
            return nil
        } catch ChannelError.rejected(let code, let message) {
            if isShippedOnPlatform(upload, session: session) {
                try records {
                    try $0.markSent(upload.id, atMillis: nowMillis(), note: "already shipped on the platform")
                }
                return nil
            }
            let error = "order \(upload.platformOrderID): refused (\(code)): \(message)"
            try records { try $0.markFailed(upload.id, error: error, nextAttemptMillis: retry) }
            return error
        } catch let error as ChannelError {
            // A platform may answer "already shipped" as a failure of its own (TOP's code 15 by default): when the
            // order is shipped there after all, the confirmation is done, and must not stop every later one.
            if error.isPlatformFailure, isShippedOnPlatform(upload, session: session) {
                try records {
                    try $0.markSent(upload.id, atMillis: nowMillis(), note: "already shipped on the platform")
                }
                return nil
            }
            try records { try $0.markFailed(upload.id, error: error.description, nextAttemptMillis: nowMillis()) }
            throw error
        }
    }

    /// Whether the platform shows the upload's order shipped (or delivered); false when it cannot say.
    private func isShippedOnPlatform(_ upload: ShipmentUpload, session: ShopSession) -> Bool {
        guard let order = try? session.channel.order(platformOrderID: upload.platformOrderID) else { return false }
        return order.status == .shipped || order.status == .delivered
    }
}

extension ChannelError {
    /// The platform failed or answered what could not be read (as opposed to refusing the grant or the rate).
    fileprivate var isPlatformFailure: Bool {
        switch self {
        case .unavailable, .malformedResponse: true
        case .authorizationExpired, .rateLimited, .rejected: false
        }
    }
}
