/// The largest values Zhanggui accepts from outside, chosen so that no sum or product it then computes can
/// overflow Int64 fen: a unit price up to 100,000,000.00 times a quantity up to 10,000,000 stays below 10¹⁸.
public enum Limits {
    /// The largest quantity on one line or stock row: 10,000,000 units.
    public static let quantity: Int64 = 10_000_000
    /// The largest single amount (a unit price, a discount, freight, a unit cost): 100,000,000.00 yuan.
    public static let amountFen: Int64 = 10_000_000_000
    /// The largest total of one order or one stock file: 10,000,000,000.00 yuan. Far below Int64, so the sums of
    /// a whole shipping batch or of the books stay exact too.
    public static let totalFen: Int64 = 1_000_000_000_000
    /// The most of one component a combo may hold: 10,000.
    public static let comboQuantity: Int64 = 10_000
}
