public import ZhangguiCore

/// Turns labels and picking lists into printable documents; the PDF renderer in the adapters layer is the one the
/// tool uses.
public protocol LabelRendering: Sendable {
    /// One page per label, in the order given, each page the label's size. `pageDrawn` hears how many labels are
    /// drawn so far, after each page.
    func render(labels: [ShippingLabel], pageDrawn: (Int) -> Void) throws -> [UInt8]

    /// The picking list on A4 pages; `title` names the batch.
    func render(pickList: PickList, title: String) throws -> [UInt8]
}

extension LabelRendering {
    /// One page per label, in the order given, each page the label's size.
    public func render(labels: [ShippingLabel]) throws -> [UInt8] {
        try render(labels: labels, pageDrawn: { _ in })
    }
}
