internal import CZint

/// A Code 128 barcode as zint lays it out: the bars as rectangles, in module units, drawn as vectors.
struct Code128 {
    /// Each bar's left edge and width, in modules from the symbol's left edge.
    let bars: [(x: Double, width: Double)]
    /// The symbol's width in modules.
    let modules: Double

    /// - Throws: ``LabelRenderError`` `.barcodeRefused` when zint cannot encode `text` (Code 128 holds ASCII).
    init(_ text: String) throws(LabelRenderError) {
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) else {
            throw LabelRenderError(
                code: .barcodeRefused,
                detail: "waybill number '\(text)' cannot be a Code 128 barcode: only printable ASCII characters can"
            )
        }
        guard let symbol = ZBarcode_Create() else {
            throw LabelRenderError(code: .barcodeRefused, detail: "zint could not allocate a symbol")
        }
        defer { ZBarcode_Delete(symbol) }
        symbol.pointee.symbology = BARCODE_CODE128
        symbol.pointee.show_hrt = 0
        let bytes = Array(text.utf8)
        let status = ZBarcode_Encode(symbol, bytes, Int32(bytes.count))
        guard status < ZINT_ERROR, ZBarcode_Buffer_Vector(symbol, 0) < ZINT_ERROR, let vector = symbol.pointee.vector
        else {
            let message = withUnsafeBytes(of: symbol.pointee.errtxt) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            throw LabelRenderError(code: .barcodeRefused, detail: "waybill \(text) as Code 128: \(message)")
        }
        let unit = Double(vector.pointee.width) / Double(symbol.pointee.width)
        var bars: [(x: Double, width: Double)] = []
        var rectangle = vector.pointee.rectangles
        while let current = rectangle {
            bars.append((Double(current.pointee.x) / unit, Double(current.pointee.width) / unit))
            rectangle = current.pointee.next
        }
        self.bars = bars
        self.modules = Double(symbol.pointee.width)
    }
}

extension PDFCanvas {
    /// Draws `barcode` centred in a box, its module as wide as fits in `maxWidth` up to `maxModule` millimetres,
    /// bars `height` high.
    /// - Returns: the module width used, in millimetres.
    @discardableResult
    func draw(_ barcode: Code128, centreX: Double, top: Double, maxWidth: Double, height: Double, maxModule: Double)
        -> Double
    {
        let module = min(maxModule, maxWidth / barcode.modules)
        let left = centreX - module * barcode.modules / 2
        for bar in barcode.bars {
            fill(x: left + bar.x * module, y: top, width: bar.width * module, height: height)
        }
        return module
    }
}
