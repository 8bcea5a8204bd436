/// One line of a voucher: an account debited or credited by an amount.
public struct VoucherLine: Hashable, Sendable, Codable {
    /// 摘要.
    public var summary: String
    public var accountCode: String
    /// Exactly one of `debit` and `credit` is non-zero; a red (reversing) entry is negative on its original side.
    public var debit: Money
    public var credit: Money
    /// 辅助核算: the SKU code the line is about, for per-SKU revenue, cost and margin; nil for others.
    public var skuCode: String?

    public init(
        summary: String,
        accountCode: String,
        debit: Money = .zero(),
        credit: Money = .zero(),
        skuCode: String? = nil
    ) {
        self.summary = summary
        self.accountCode = accountCode
        self.debit = debit
        self.credit = credit
        self.skuCode = skuCode
    }
}

/// 记账凭证: a balanced set of ledger lines that records one business event.
///
/// A voucher can only be built balanced: the debits equal the credits to the fen, every line uses exactly one
/// side, and there are at least two lines.
public struct Voucher: Hashable, Sendable, Codable {
    public let summary: String
    public let lines: [VoucherLine]

    /// - Throws: ``VoucherError`` when the lines do not balance or a line is malformed.
    public init(summary: String, lines: [VoucherLine]) throws(VoucherError) {
        let kept = lines.filter { !$0.debit.isZero || !$0.credit.isZero }
        guard kept.count >= 2 else { throw VoucherError(code: .tooFewLines, summary: summary) }
        guard kept.allSatisfy({ $0.debit.isZero != $0.credit.isZero }) else {
            throw VoucherError(code: .lineOnBothSides, summary: summary)
        }
        let debits = kept.map(\.debit).reduce(0) { $0 + $1.fen }
        let credits = kept.map(\.credit).reduce(0) { $0 + $1.fen }
        guard debits == credits else {
            throw VoucherError(code: .unbalanced(debits: debits, credits: credits), summary: summary)
        }
        self.summary = summary
        self.lines = kept
    }

    /// The sum of the debit side, which equals the credit side.
    public var total: Money { lines.map(\.debit).sum(currency: lines[0].debit.currency) }
}

/// Why a voucher cannot be built.
public struct VoucherError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        case tooFewLines
        case lineOnBothSides
        case unbalanced(debits: Int64, credits: Int64)
    }

    public let code: Code

    public init(code: Code, summary: String) {
        self.code = code
        self.summary = summary
    }
    public let summary: String

    public var description: String {
        switch code {
        case .tooFewLines: "voucher '\(summary)' needs at least two lines"
        case .lineOnBothSides: "voucher '\(summary)' has a line with both or neither of debit and credit"
        case .unbalanced(let debits, let credits):
            "voucher '\(summary)' does not balance: debits \(debits) fen, credits \(credits) fen"
        }
    }
}
