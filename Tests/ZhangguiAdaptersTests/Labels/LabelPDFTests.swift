import Foundation
import Testing
import ZhangguiAdapters
import ZhangguiCore
import ZhangguiServices
import ZhangguiTestSupport

@Suite("Label PDFs carry what the courier and the packer read")
struct LabelPDFTests {
    static let sender = Sender(
        name: "示例仓发货",
        phone: "021-55550000",
        province: "上海",
        city: "上海市",
        district: "闵行区",
        address: "示例工业路8号"
    )

    static func label(
        _ number: String,
        courier: String = "ZTO",
        receiver: String = "张示例",
        address: String = "文三路90号3幢501",
        sequence: Int = 1,
        count: Int = 1
    ) -> ShippingLabel {
        ShippingLabel(
            waybillNumber: number,
            courierCode: courier,
            size: CourierLabelFormat.of(courier).size,
            sortingCode: "300-H12 09",
            bagCentre: "杭州转运中心",
            receiver: Receiver(
                name: receiver,
                phone: "13812345678",
                province: "浙江省",
                city: "杭州市",
                district: "西湖区",
                address: address
            ),
            sender: sender,
            orderNumbers: ["EX1001", "EX1002"],
            items: [
                LabelItem(code: "MUG-BLUE", name: "蓝色马克杯", quantity: 2),
                LabelItem(code: "TEA-01", name: "西湖龙井 250克", quantity: 1),
            ],
            sequence: sequence,
            count: count
        )
    }

    @Test("a batch of three labels tells each page as it is drawn: 1, 2, 3, and the PDF has three pages")
    func eachPageIsTold() throws {
        var drawn: [Int] = []
        let labels = (1...3).map { Self.label("ZT731001966113\($0)", sequence: $0, count: 3) }
        let pdf = try PDFLabelRenderer().render(labels: labels) { drawn.append($0) }

        #expect(drawn == [1, 2, 3])
        #expect(try PDFTools.pageTexts(pdf).count == 3)
    }

    @Test("receiver, sender, waybill number, sorting code and order numbers are in the page's text")
    func textIsInThePDF() throws {
        let pdf = try PDFLabelRenderer().render(labels: [Self.label("ZT7310019661138")])

        let pages = try PDFTools.pageTexts(pdf)

        #expect(pages.count == 1)
        // Wrapped lines and spacing vary with layout: compare without whitespace.
        let text = pages[0].filter { !$0.isWhitespace }
        for expected in [
            "张示例", "138****5678", "浙江省 杭州市 西湖区 文三路90号3幢501", "示例仓发货", "021-55550000",
            "上海市 闵行区 示例工业路8号", "ZT7310019661138", "300-H12 09", "集包地 杭州转运中心", "EX1001, EX1002",
            "MUG-BLUE 蓝色马克杯 ×2", "中通快递", "共 3 件",
        ] {
            #expect(text.contains(expected.filter { !$0.isWhitespace }), "missing \(expected)")
        }
    }

    @Test("each page's barcode decodes to that page's waybill number", arguments: LabelSize.all)
    func barcodeDecodes(size: LabelSize) throws {
        let couriers = ["76x130": "ZTO", "100x150": "SF", "100x180": "ZG"]
        let courier = couriers[size.description] ?? "ZG"
        let labels = [
            Self.label("ZG000000000001", courier: courier, sequence: 1, count: 2),
            Self.label("SF1234567890123", courier: courier, receiver: "李示例", sequence: 2, count: 2),
        ]
        #expect(labels[0].size == size)

        let pdf = try PDFLabelRenderer().render(labels: labels)

        #expect(try PDFTools.barcodes(pdf, page: 1) == ["ZG000000000001"])
        #expect(try PDFTools.barcodes(pdf, page: 2) == ["SF1234567890123"])
    }

    @Test("the CJK font is embedded as a subset, and the page is the courier's label size")
    func fontEmbeddedAndPageSize() throws {
        let pdf = try PDFLabelRenderer().render(labels: [Self.label("ZT1", courier: "ZTO")])

        let fonts = try PDFTools.fonts(pdf)

        #expect(!fonts.isEmpty)
        for font in fonts {
            // Columns: name, type, encoding, emb, sub, uni, object, generation; a subset's name has a 6-letter tag.
            #expect(font.contains("WenQuanYiMicroHei"), "\(font)")
            #expect(
                font.split(separator: " ", omittingEmptySubsequences: true).dropLast(2).suffix(3) == [
                    "yes", "yes", "yes",
                ]
            )
            #expect(font.range(of: "^[A-Z]{6}\\+", options: .regularExpression) != nil)
        }
        let url = try PDFTools.file(pdf)
        defer { try? FileManager.default.removeItem(at: url) }
        let info = try PDFTools.run("pdfinfo", [url.path], package: "poppler-utils")
        // 76 mm × 130 mm = 215.43 × 368.50 pt.
        #expect(info.contains("215.433 x 368.504 pts"), "\(info)")
    }

    @Test("a waybill number Code 128 cannot hold is refused by name")
    func refusesNonASCIIWaybill() throws {
        #expect(throws: LabelRenderError.self) {
            _ = try PDFLabelRenderer().render(labels: [Self.label("运单1")])
        }
    }
}
