/// The size of a thermal label (热敏面单), in millimetres, portrait.
public struct LabelSize: Sendable, Hashable, Codable, CustomStringConvertible {
    public let widthMM: Int
    public let heightMM: Int

    /// 76 × 130 mm, the one-part label of 中通 and most network couriers.
    public static let small = LabelSize(widthMM: 76, heightMM: 130)
    /// 100 × 150 mm, the label 顺丰 prints.
    public static let medium = LabelSize(widthMM: 100, heightMM: 150)
    /// 100 × 180 mm, the two-part standard template of the platform e-waybills.
    public static let large = LabelSize(widthMM: 100, heightMM: 180)

    /// Every size a label can be printed at.
    public static let all = [small, medium, large]

    /// `76x130`, as the command line writes a size.
    public var description: String { "\(widthMM)x\(heightMM)" }

    /// The size written `WIDTHxHEIGHT` (`×` accepted), when it is one of ``all``.
    public init?(_ text: String) {
        let parts = text.split { $0 == "x" || $0 == "×" }
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
            let size = Self.all.first(where: { $0.widthMM == width && $0.heightMM == height })
        else { return nil }
        self = size
    }

    private init(widthMM: Int, heightMM: Int) {
        self.widthMM = widthMM
        self.heightMM = heightMM
    }
}
