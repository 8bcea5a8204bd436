/// A storage location in a warehouse (库位), such as `A-03-12`, and the order pickers walk them in.
public struct BinLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The location as written; empty for a SKU that has none yet.
    public let code: String

    public init(_ code: String) {
        self.code = code
    }

    public var description: String { code }

    public var isUnassigned: Bool { code.isEmpty }

    /// Walking order: numbers inside codes compare by value (`A-2` before `A-10`), letters by character; SKUs
    /// without a location come last.
    public static func < (lhs: BinLocation, rhs: BinLocation) -> Bool {
        if lhs.isUnassigned != rhs.isUnassigned { return rhs.isUnassigned }
        return naturalOrder(lhs.code, rhs.code)
    }

    /// `a` before `b`, comparing runs of digits by their value and everything else character by character; when
    /// nothing else differs, the code with fewer leading zeros comes first.
    static func naturalOrder(_ a: String, _ b: String) -> Bool {
        var left = Substring(a)
        var right = Substring(b)
        var fewerZeros: Bool?
        while let l = left.first, let r = right.first {
            guard l.isASCIIDigit && r.isASCIIDigit else {
                if l != r { return l < r }
                left = left.dropFirst()
                right = right.dropFirst()
                continue
            }
            let leftRun = left.prefix(while: \.isASCIIDigit)
            let rightRun = right.prefix(while: \.isASCIIDigit)
            let leftValue = leftRun.drop { $0 == "0" }
            let rightValue = rightRun.drop { $0 == "0" }
            if leftValue.count != rightValue.count { return leftValue.count < rightValue.count }
            if leftValue != rightValue { return leftValue < rightValue }
            if fewerZeros == nil, leftRun.count != rightRun.count { fewerZeros = leftRun.count < rightRun.count }
            left = left.dropFirst(leftRun.count)
            right = right.dropFirst(rightRun.count)
        }
        if left.isEmpty != right.isEmpty { return left.isEmpty }
        return fewerZeros ?? false
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
