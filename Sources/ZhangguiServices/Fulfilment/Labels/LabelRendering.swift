public import ZhangguiCore

/// Turns labels and picking lists into printable documents; the PDF renderer in the adapters layer is the one the
/// tool uses.
public protocol LabelRendering: Sendable {
    /// One page per label, in the order given, each page the label's size.
    func render(labels: [ShippingLabel]) throws -> [UInt8]

    /// The picking list on A4 pages; `title` names the batch.
    func render(pickList: PickList, title: String) throws -> [UInt8]
}
