/// How a courier's label looks: the courier's name as printed and the label size it expects.
///
/// The one table of courier label sizes. Codes are the ones shipments store (kdniao / PDD codes, see the
/// courier code crosswalk). Sizes follow each courier's published template where one exists (中通 76 × 130,
/// 顺丰 100 × 150); the others take the size of their platform standard template.
public struct CourierLabelFormat: Sendable, Hashable {
    public let name: String
    public let size: LabelSize

    private static let table: [String: CourierLabelFormat] = [
        "SF": .init(name: "顺丰速运", size: .medium),
        "ZTO": .init(name: "中通快递", size: .small),
        "YTO": .init(name: "圆通速递", size: .small),
        "STO": .init(name: "申通快递", size: .small),
        "YD": .init(name: "韵达快递", size: .small),
        "YUNDA": .init(name: "韵达快递", size: .small),
        "JT": .init(name: "极兔速递", size: .small),
        "JTEXPRESS": .init(name: "极兔速递", size: .small),
        "HTKY": .init(name: "百世快递", size: .small),
        "EMS": .init(name: "EMS", size: .large),
        "YZPY": .init(name: "邮政快递包裹", size: .large),
        "JD": .init(name: "京东快递", size: .large),
        "DBL": .init(name: "德邦快递", size: .large),
    ]

    /// The format of courier `code`; an unknown courier (an offline range of the seller's own, such as the
    /// built-in `ZG`) prints its code and `离线单号` (offline number) on the large label.
    public static func of(_ code: String) -> CourierLabelFormat {
        table[code.uppercased()] ?? CourierLabelFormat(name: "\(code) 离线单号", size: .large)
    }
}
