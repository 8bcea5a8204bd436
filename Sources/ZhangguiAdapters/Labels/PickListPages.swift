import ZhangguiCore

/// A picking list on A4 portrait pages: a title, then per warehouse a table of location, SKU, name, total and the
/// orders it goes to, in walking order; a new page when the table reaches the bottom.
struct PickListPages {
    let list: PickList
    let title: String
    let canvas: PDFCanvas

    private let pageWidth = 210.0
    private let pageHeight = 297.0
    private let margin = 12.0
    private let size = 9.0
    /// Column left edges and widths: 库位, 商家编码, 名称, 数量, 订单.
    private let columns: [(x: Double, width: Double)] = [(12, 24), (37, 30), (68, 44), (113, 14), (128, 70)]

    func draw() {
        var y = newPage(first: true)
        for section in list.sections {
            if y > pageHeight - margin - 20 { y = newPage(first: false) }
            y +=
                canvas.text(
                    "仓库 \(section.warehouseCode) · \(section.entries.count) 个库位/商品 · 共 \(section.units) 件",
                    x: margin,
                    y: y + 2,
                    width: pageWidth - 2 * margin,
                    size: 11
                ) + 3
            y = header(at: y)
            for entry in section.entries {
                if y > pageHeight - margin - 12 { y = header(at: newPage(first: false)) }
                y = row(entry, at: y)
            }
        }
    }

    /// Starts a page; the first carries the title and totals.
    private func newPage(first: Bool) -> Double {
        canvas.beginPage(widthMM: pageWidth, heightMM: pageHeight)
        guard first else { return margin }
        var y = margin
        y += canvas.text("拣货单 " + title, x: margin, y: y, width: pageWidth - 2 * margin, size: 16) + 1
        y += canvas.text(
            "\(list.orderCount) 个订单 · 共 \(list.units) 件",
            x: margin,
            y: y,
            width: pageWidth - 2 * margin,
            size: 10
        )
        return y + 2
    }

    private func header(at top: Double) -> Double {
        let titles = ["库位", "商家编码", "名称", "数量", "订单 (数量)"]
        var height = 0.0
        for (column, text) in zip(columns, titles) {
            height = max(height, canvas.text(text, x: column.x, y: top, width: column.width, size: size))
        }
        let bottom = top + height + 1
        canvas.line(from: (margin, bottom), to: (pageWidth - margin, bottom), weight: 0.4)
        return bottom + 1
    }

    private func row(_ entry: PickList.Entry, at top: Double) -> Double {
        let orders = entry.orders.map { "\($0.orderNumber) (\($0.quantity))" }.joined(separator: ", ")
        let cells = [
            entry.location.isUnassigned ? "未设库位" : entry.location.code, entry.skuCode, entry.skuName,
            String(entry.total), orders,
        ]
        var height = 0.0
        for (index, (column, text)) in zip(columns, cells).enumerated() {
            let lines = index == 4 ? 6 : 2
            height = max(
                height,
                canvas.text(text, x: column.x, y: top, width: column.width, size: size, maxLines: lines)
            )
        }
        let bottom = top + height + 1
        canvas.line(from: (margin, bottom), to: (pageWidth - margin, bottom), weight: 0.1)
        return bottom + 1
    }
}
