extension Money {
    /// Splits this amount over shares in proportion to `weights`, so the parts sum back exactly to this amount.
    ///
    /// Uses the largest-remainder method: each share first gets the floor of its exact part, then the fen left
    /// over go one each to the shares with the largest remainders (ties to the earlier share). Used to spread an
    /// order-level discount or freight over the lines by their amounts.
    /// - Parameter weights: non-negative weights, such as each line's amount in fen. When they are all zero the
    ///   amount is spread evenly.
    /// - Returns: one amount per weight, in the same order; empty when `weights` is empty.
    public func spread(over weights: [Int64]) -> [Money] {
        guard !weights.isEmpty else { return [] }
        precondition(weights.allSatisfy { $0 >= 0 }, "spread weights must not be negative")
        let total = weights.reduce(0, +)
        let effective = total == 0 ? Array(repeating: Int64(1), count: weights.count) : weights
        let weightSum = total == 0 ? Int64(weights.count) : total
        let magnitude = fen.magnitude
        var parts: [UInt64] = []
        var remainders: [(index: Int, remainder: UInt64)] = []
        for (index, weight) in effective.enumerated() {
            let (high, low) = magnitude.multipliedFullWidth(by: UInt64(weight))
            let (quotient, remainder) = UInt64(weightSum).dividingFullWidth((high, low))
            parts.append(quotient)
            remainders.append((index, remainder))
        }
        var leftover = magnitude - parts.reduce(0, +)
        let order = remainders.sorted {
            $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index
        }
        for entry in order where leftover > 0 {
            parts[entry.index] += 1
            leftover -= 1
        }
        let sign: Int64 = fen < 0 ? -1 : 1
        return parts.map { Money(fen: sign * Int64($0), currency: currency) }
    }
}
