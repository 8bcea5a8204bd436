internal import CPangoCairo

/// The text machinery of one canvas: a pango context bound to the canvas's cairo context at 72 dpi (so a font
/// size is in points), and font descriptions of the CJK font by size.
final class PDFFonts {
    /// The font family every PDF uses: WenQuanYi Micro Hei (Debian fonts-wqy-microhei), which covers the GB 2312
    /// and GBK characters of Chinese names and addresses.
    static let family = "WenQuanYi Micro Hei"

    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer
    private var descriptions: [Double: OpaquePointer] = [:]

    /// - Throws: ``LabelRenderError`` `.fontMissing` when fontconfig has no font of ``family``.
    init(cairo: OpaquePointer) throws(LabelRenderError) {
        fontMap = pango_cairo_font_map_new()
        context = pango_font_map_create_context(fontMap)
        pango_cairo_context_set_resolution(context, 72)
        pango_cairo_update_context(cairo, context)
        guard Self.hasFamily(fontMap: fontMap, context: context) else {
            g_object_unref(UnsafeMutableRawPointer(context))
            g_object_unref(UnsafeMutableRawPointer(fontMap))
            throw LabelRenderError(
                code: .fontMissing,
                detail: "the font \(Self.family) is not installed (Debian package fonts-wqy-microhei)"
            )
        }
    }

    deinit {
        for description in descriptions.values { pango_font_description_free(description) }
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    /// A layout of `text` at `size` points, `width` points wide; the caller unrefs it.
    func layout(_ text: String, width: Double, size: Double, alignment: TextAlignment, maxLines: Int) -> OpaquePointer {
        let layout: OpaquePointer = pango_layout_new(context)
        pango_layout_set_font_description(layout, description(size: size))
        pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
        pango_layout_set_height(layout, Int32(-max(1, maxLines)))
        let pangoAlignment =
            switch alignment {
            case .left: PANGO_ALIGN_LEFT
            case .center: PANGO_ALIGN_CENTER
            case .right: PANGO_ALIGN_RIGHT
            }
        pango_layout_set_alignment(layout, pangoAlignment)
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { pango_layout_set_text(layout, $0.baseAddress, Int32($0.count)) }
        }
        return layout
    }

    private func description(size: Double) -> OpaquePointer {
        if let description = descriptions[size] { return description }
        let description: OpaquePointer = pango_font_description_new()
        pango_font_description_set_family(description, Self.family)
        pango_font_description_set_absolute_size(description, size * Double(PANGO_SCALE))
        descriptions[size] = description
        return description
    }

    /// Whether the font fontconfig picks for ``family`` is that family, not a substitute.
    private static func hasFamily(fontMap: UnsafeMutablePointer<PangoFontMap>, context: OpaquePointer) -> Bool {
        let wanted: OpaquePointer = pango_font_description_new()
        defer { pango_font_description_free(wanted) }
        pango_font_description_set_family(wanted, family)
        pango_font_description_set_absolute_size(wanted, 10 * Double(PANGO_SCALE))
        guard let font = pango_font_map_load_font(fontMap, context, wanted) else { return false }
        defer { g_object_unref(UnsafeMutableRawPointer(font)) }
        let found: OpaquePointer = pango_font_describe(font)
        defer { pango_font_description_free(found) }
        guard let name = pango_font_description_get_family(found) else { return false }
        return String(cString: name) == family
    }
}
