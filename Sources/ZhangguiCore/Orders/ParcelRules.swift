extension TradeWorkflow {
    /// States in which a clerk may split a trade by hand (手工拆单): until its parcel has a waybill. A waybill
    /// names one parcel with its contents and label; after it, the parcel is what the courier was told.
    public static let splittable: Set<TradeState> = [.pendingReview, .onHold, .approved, .allocated]

    /// States in which trades may be put into one parcel by hand (合单) or taken out of one (拆包): stock is
    /// reserved in a warehouse, and the parcel has no waybill yet.
    public static let mergeable: Set<TradeState> = [.approved, .allocated]
}

extension Receiver {
    /// The fields a parcel's receiver is compared by, each with its name in requests and errors.
    public var comparedFields: [(name: String, value: String)] {
        [
            ("receiver.name", name), ("receiver.phone", phone), ("receiver.province", province),
            ("receiver.city", city), ("receiver.district", district), ("receiver.address", address),
        ]
    }

    /// The name of the first field in which `other` differs, leading and trailing spaces aside; nil when both
    /// name the same person at the same place and may share a parcel.
    public func firstDifference(from other: Receiver) -> String? {
        zip(comparedFields, other.comparedFields).first { $0.value.trimmed != $1.value.trimmed }?.0.name
    }
}
