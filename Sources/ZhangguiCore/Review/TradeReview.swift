/// The automatic review (自动审核): a list of named checks, each of which may hold the trade with a reason.
public enum TradeReview {
    /// One named check.
    public struct Check: Sendable {
        public let name: String
        public let run: @Sendable (ReviewFacts, ReviewPolicy) -> [Hold]
    }

    /// The checks in the order a clerk reads them.
    public static let checks: [Check] = [
        Check(name: "sku-mapping", run: unmappedLines),
        Check(name: "stock", run: stockShortages),
        Check(name: "price", run: priceAnomalies),
        Check(name: "address", run: addressProblems),
        Check(name: "phone", run: phoneProblems),
        Check(name: "notes", run: notes),
        Check(name: "refund", run: refunds),
        Check(name: "payment", run: payments),
    ]

    /// Runs every check and returns the holds they raise, empty when the trade may be approved.
    public static func holds(for facts: ReviewFacts, policy: ReviewPolicy) -> [Hold] {
        checks.flatMap { $0.run(facts, policy) }
    }

    /// Whether the trade gets the high-priority tag (above the policy's amount).
    public static func isHighPriority(_ facts: ReviewFacts, policy: ReviewPolicy) -> Bool {
        facts.paidAmount > policy.highPriorityThreshold
    }

    static func unmappedLines(_ facts: ReviewFacts, _ policy: ReviewPolicy) -> [Hold] {
        facts.lines.filter { !$0.isMapped }.map {
            Hold(reason: .unmappedSKU, check: "sku-mapping", detail: "line \($0.lineNumber): \($0.merchantCode)")
        }
    }

    static func stockShortages(_ facts: ReviewFacts, _ policy: ReviewPolicy) -> [Hold] {
        if facts.servingWarehouses == 0, !facts.demand.isEmpty {
            let place = if case .valid(let code) = facts.address { "division \(code)" } else { "the receiver's region" }
            return [Hold(reason: .stockShortage, check: "stock", detail: "no warehouse serves \(place)")]
        }
        return facts.demand.sorted { $0.key < $1.key }.compactMap { code, needed in
            let available = facts.available[code] ?? 0
            guard needed > available else { return nil }
            return Hold(
                reason: .stockShortage,
                check: "stock",
                detail: "\(code): \(needed) needed, \(available) available"
            )
        }
    }

    static func priceAnomalies(_ facts: ReviewFacts, _ policy: ReviewPolicy) -> [Hold] {
        facts.lines.compactMap { line in
            if let cost = line.cost, line.netAmount < cost {
                return Hold(
                    reason: .priceBelowCost,
                    check: "price",
                    detail: "line \(line.lineNumber): sold for \(line.netAmount.decimalText), costs \(cost.decimalText)"
                )
            }
            guard let listPrice = line.listPrice else { return nil }
            // In 128 bits: list price × quantity × share can pass Int64 for large lines.
            let floor = Int128(listPrice.fen) * Int128(line.quantity) * Int128(policy.minimumListPriceShareBasisPoints)
            guard Int128(line.netAmount.fen) * 10_000 < floor else { return nil }
            return Hold(
                reason: .priceBelowListShare,
                check: "price",
                detail: "line \(line.lineNumber): \(line.quantity) sold for \(line.netAmount.decimalText) in all, "
                    + "list price \(listPrice.decimalText) each"
            )
        }
    }

    static func addressProblems(_ facts: ReviewFacts, _ policy: ReviewPolicy) -> [Hold] {
        guard case .invalid(let field, let detail) = facts.address else { return [] }
        return [Hold(reason: .invalidAddress, check: "address", detail: "\(field): \(detail)")]
    }

    static func phoneProblems(_ facts: ReviewFacts, _ policy: ReviewPolicy) -> [Hold] {
        PhoneNumber.isPlausible(facts.phone)
            ? [] : [Hold(reason: .invalidPhone, check: "phone", detail: "not a mainland mobile or landline number")]
    }

    static func notes(_ facts: ReviewFacts, _ policy: ReviewPolicy) -> [Hold] {
        var holds: [Hold] = []
        if policy.holdsOnBuyerNote, !facts.buyerNote.trimmed.isEmpty {
            holds.append(Hold(reason: .buyerNote, check: "notes", detail: "buyer left a note"))
        }
        if policy.holdsOnSellerMemo, !facts.sellerMemo.trimmed.isEmpty {
            holds.append(Hold(reason: .sellerMemo, check: "notes", detail: "seller memo present"))
        }
        return holds
    }

    static func payments(_ facts: ReviewFacts, _ policy: ReviewPolicy) -> [Hold] {
        facts.isPaid ? [] : [Hold(reason: .unpaid, check: "payment", detail: "the buyer has not paid")]
    }

    static func refunds(_ facts: ReviewFacts, _ policy: ReviewPolicy) -> [Hold] {
        facts.hasRefundInProgress
            ? [Hold(reason: .refundInProgress, check: "refund", detail: "refund in progress on the platform")] : []
    }
}
