internal import CPangoCairo

/// A PDF document being drawn, held in memory: pages of any size, lines, filled rectangles and text laid out by
/// pango in the embedded CJK font. Coordinates are millimetres from a page's top-left corner.
///
/// cairo's PDF surface embeds a subset of each font used. One canvas is drawn by one thread.
final class PDFCanvas {
    private let output = PDFBytes()
    private let surface: OpaquePointer
    private let cairo: OpaquePointer
    private let fonts: PDFFonts
    private var hasOpenPage = false

    /// - Throws: ``LabelRenderError`` `.fontMissing` when the CJK font is not installed.
    init() throws(LabelRenderError) {
        let sink: cairo_write_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let bytes = Unmanaged<PDFBytes>.fromOpaque(closure).takeUnretainedValue()
            bytes.data.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        surface = cairo_pdf_surface_create_for_stream(sink, Unmanaged.passUnretained(output).toOpaque(), 100, 100)
        cairo = cairo_create(surface)
        do {
            fonts = try PDFFonts(cairo: cairo)
        } catch {
            cairo_destroy(cairo)
            cairo_surface_destroy(surface)
            throw error
        }
    }

    deinit {
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
    }

    /// Starts a page of the given size, ending the one before.
    func beginPage(widthMM: Double, heightMM: Double) {
        if hasOpenPage { cairo_show_page(cairo) }
        cairo_pdf_surface_set_size(surface, points(widthMM), points(heightMM))
        hasOpenPage = true
    }

    /// Ends the last page and returns the document.
    /// - Throws: ``LabelRenderError`` `.pdfFailed` when cairo reports an error.
    func finish() throws(LabelRenderError) -> [UInt8] {
        if hasOpenPage { cairo_show_page(cairo) }
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw LabelRenderError(
                code: .pdfFailed,
                detail: "cairo: \(String(cString: cairo_status_to_string(status)))"
            )
        }
        return output.data
    }

    /// Fills a rectangle in black.
    func fill(x: Double, y: Double, width: Double, height: Double) {
        cairo_rectangle(cairo, points(x), points(y), points(width), points(height))
        cairo_fill(cairo)
    }

    /// A straight black line `weight` millimetres wide.
    func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double), weight: Double = 0.3) {
        cairo_set_line_width(cairo, points(weight))
        cairo_move_to(cairo, points(start.x), points(start.y))
        cairo_line_to(cairo, points(end.x), points(end.y))
        cairo_stroke(cairo)
    }

    /// Draws text in a box `width` wide with its top at `y`, wrapping at characters where words do not fit and
    /// cutting with `…` after `maxLines` lines.
    /// - Returns: the height the text took, in millimetres.
    @discardableResult
    func text(
        _ text: String,
        x: Double,
        y: Double,
        width: Double,
        size: Double,
        alignment: TextAlignment = .left,
        maxLines: Int = 1
    ) -> Double {
        let layout = fonts.layout(text, width: points(width), size: size, alignment: alignment, maxLines: maxLines)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        cairo_move_to(cairo, points(x), points(y))
        pango_cairo_show_layout(cairo, layout)
        var layoutWidth: Int32 = 0
        var layoutHeight: Int32 = 0
        pango_layout_get_size(layout, &layoutWidth, &layoutHeight)
        return millimetres(Double(layoutHeight) / Double(PANGO_SCALE))
    }

    private func points(_ millimetres: Double) -> Double { millimetres * 72 / 25.4 }
    private func millimetres(_ points: Double) -> Double { points * 25.4 / 72 }
}

/// How a line of text sits in its box.
enum TextAlignment {
    case left, center, right
}

/// The bytes cairo has written so far; reached from cairo's write callback through its closure pointer.
private final class PDFBytes {
    var data: [UInt8] = []
}
