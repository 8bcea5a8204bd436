public import ZhangguiCore
public import ZhangguiServices

/// The PDF renderer of labels and picking lists: cairo's PDF surface, text laid out by pango in WenQuanYi Micro
/// Hei (a subset embedded), waybill barcodes from zint drawn as vector bars.
public struct PDFLabelRenderer: LabelRendering {
    public init() {}

    /// - Throws: ``LabelRenderError`` when the font is missing, a waybill number cannot be a Code 128 barcode, or
    ///   cairo fails.
    public func render(labels: [ShippingLabel], pageDrawn: (Int) -> Void) throws -> [UInt8] {
        let canvas = try PDFCanvas()
        for (index, label) in labels.enumerated() {
            try LabelPage(label: label, canvas: canvas).draw()
            pageDrawn(index + 1)
        }
        return try canvas.finish()
    }

    public func render(pickList: PickList, title: String) throws -> [UInt8] {
        let canvas = try PDFCanvas()
        PickListPages(list: pickList, title: title, canvas: canvas).draw()
        return try canvas.finish()
    }
}

/// One label's page. Bands from the top: courier and sequence; the sorting code; the waybill barcode and number;
/// receiver; sender; order numbers and items. Sizes scale with the label's width, the items band takes what height
/// is left.
private struct LabelPage {
    let label: ShippingLabel
    let canvas: PDFCanvas

    private var width: Double { Double(label.size.widthMM) }
    private var height: Double { Double(label.size.heightMM) }
    private var margin: Double { 3 }
    private var inner: Double { width - 2 * margin }
    /// 1 on the 76 mm label, about 1.3 on the 100 mm ones.
    private var scale: Double { width / 76 }

    func draw() throws {
        canvas.beginPage(widthMM: width, heightMM: height)
        var y = margin
        y = header(at: y)
        y = sortingCode(at: y)
        y = try barcode(at: y)
        y = receiver(at: y)
        y = sender(at: y)
        contents(at: y)
    }

    private func rule(at y: Double, weight: Double = 0.3) {
        canvas.line(from: (margin, y), to: (width - margin, y), weight: weight)
    }

    private func header(at top: Double) -> Double {
        canvas.text(label.courierName, x: margin, y: top, width: inner * 0.6, size: 11 * scale)
        canvas.text(
            "\(label.sequence)/\(label.count)",
            x: margin + inner * 0.6,
            y: top + 1,
            width: inner * 0.4,
            size: 8 * scale,
            alignment: .right
        )
        let bottom = top + 6 * scale
        rule(at: bottom, weight: 0.5)
        return bottom
    }

    private func sortingCode(at top: Double) -> Double {
        let used = canvas.text(
            label.sortingCode,
            x: margin,
            y: top + 1,
            width: inner,
            size: 20 * scale,
            alignment: .center
        )
        var bottom = top + 1 + max(used, 9 * scale)
        if let bagCentre = label.bagCentre, !bagCentre.isEmpty {
            bottom += canvas.text("集包地 " + bagCentre, x: margin, y: bottom, width: inner, size: 8 * scale)
        }
        bottom += 1
        rule(at: bottom, weight: 0.5)
        return bottom
    }

    private func barcode(at top: Double) throws -> Double {
        let symbol = try Code128(label.waybillNumber)
        let barHeight = 12 * scale
        canvas.draw(symbol, centreX: width / 2, top: top + 2, maxWidth: inner - 8, height: barHeight, maxModule: 0.5)
        let textTop = top + 2 + barHeight + 0.5
        let used = canvas.text(
            label.waybillNumber,
            x: margin,
            y: textTop,
            width: inner,
            size: 11 * scale,
            alignment: .center
        )
        let bottom = textTop + used + 1
        rule(at: bottom)
        return bottom
    }

    private func receiver(at top: Double) -> Double {
        let badge = 6 * scale
        canvas.text("收", x: margin, y: top + 1.5, width: badge, size: 12 * scale)
        let left = margin + badge
        var y = top + 1
        y += canvas.text(
            label.receiver.name + "  " + label.receiverPhoneShown,
            x: left,
            y: y,
            width: inner - badge,
            size: 11 * scale
        )
        y += canvas.text(label.receiverAddress, x: left, y: y, width: inner - badge, size: 10 * scale, maxLines: 3)
        let bottom = max(y + 1, top + 22 * scale)
        rule(at: bottom)
        return bottom
    }

    private func sender(at top: Double) -> Double {
        let badge = 6 * scale
        canvas.text("寄", x: margin, y: top + 1, width: badge, size: 9 * scale)
        let left = margin + badge
        var y = top + 1
        y += canvas.text(
            label.sender.name + "  " + label.sender.phone,
            x: left,
            y: y,
            width: inner - badge,
            size: 8 * scale
        )
        y += canvas.text(label.sender.fullAddress, x: left, y: y, width: inner - badge, size: 8 * scale, maxLines: 2)
        let bottom = y + 1
        rule(at: bottom)
        return bottom
    }

    /// Order numbers, then as many item lines as fit above the bottom margin, then the unit count.
    private func contents(at top: Double) {
        let size = 8 * scale
        let lineHeight = size * 25.4 / 72 * 1.25
        var y = top + 1
        y += canvas.text(
            "订单 " + label.orderNumbers.joined(separator: ", "),
            x: margin,
            y: y,
            width: inner,
            size: size,
            maxLines: 2
        )
        let footer = height - margin - lineHeight
        let fitting = max(0, Int((footer - y) / lineHeight))
        let lines = label.itemLines
        let shown = lines.count <= fitting ? lines : Array(lines.prefix(max(0, fitting - 1))) + ["……"]
        for line in shown {
            y += canvas.text(line, x: margin, y: y, width: inner, size: size)
        }
        canvas.text(
            "共 \(label.unitCount) 件 · \(label.items.count) 种",
            x: margin,
            y: footer,
            width: inner,
            size: size,
            alignment: .right
        )
    }
}
