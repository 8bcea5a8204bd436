import CQRencode

/// A QR code made by libqrencode, drawn as inline SVG: one square path per dark module, with the quiet zone of four
/// modules the standard asks for. Used for the `otpauth://` URI of two-factor enrolment.
struct QRCode {
    /// Modules per side, without the quiet zone.
    let width: Int
    /// `width × width` modules, row by row; true is dark.
    let modules: [Bool]

    /// Encodes `text` as 8-bit data with error correction level M; nil when libqrencode refuses (too long).
    init?(_ text: String) {
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        self.width = width
        modules = (0..<(width * width)).map { code.pointee.data[$0] & 1 == 1 }
    }

    /// The code as an SVG element; the markup is built here from numbers only.
    var svg: HTML {
        let size = width + 8
        var path = ""
        for row in 0..<width {
            for column in 0..<width where modules[row * width + column] {
                path += "M\(column + 4) \(row + 4)h1v1h-1z"
            }
        }
        return .trusted(
            "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(size) \(size)\" "
                + "shape-rendering=\"crispEdges\" role=\"img\"><rect width=\"\(size)\" height=\"\(size)\" "
                + "fill=\"#fff\"/><path fill=\"#000\" d=\"\(path)\"/></svg>"
        )
    }
}
