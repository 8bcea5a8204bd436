/// Which labels to print.
public enum LabelSelection: Sendable, Hashable {
    /// Every waybilled parcel not shipped yet whose label was never printed: a new print batch.
    case unprinted
    /// The labels first printed in batch `number`, printed again.
    case batch(Int64)
    /// The labels of these waybill numbers, printed again.
    case waybills([String])
    /// The never-printed labels among these waybill numbers (the order desk's ticked orders): a new print batch.
    case unprintedAmong([String])

    /// Whether printing this selection prints labels again.
    public var isReprint: Bool {
        switch self {
        case .unprinted, .unprintedAmong: false
        case .batch, .waybills: true
        }
    }
}

/// Labels printed: the document, and what was recorded.
public struct PrintedLabels: Sendable {
    /// The batch the labels belong to: new for a first print, the original batch's number for a reprint of one
    /// batch, nil for a reprint of waybills from several batches.
    public let batchNumber: Int64?
    public let isReprint: Bool
    /// Waybill numbers in print order, one per page.
    public let waybills: [String]
    public let pdf: [UInt8]
}
