/// Why a label or picking-list PDF could not be made.
public struct LabelRenderError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The CJK font the PDFs embed is not installed.
        case fontMissing
        /// zint refused the waybill number as a Code 128 barcode.
        case barcodeRefused
        /// cairo failed while drawing or writing the PDF.
        case pdfFailed
    }

    public let code: Code
    public let detail: String

    public init(code: Code, detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { detail }
}
