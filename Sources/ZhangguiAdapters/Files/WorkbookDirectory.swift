/// Where the parts of an XLSX workbook are: its sheets in tab order, shared strings, styles, and its date system.
///
/// Read from `_rels/.rels` (which names the workbook part, normally `xl/workbook.xml`), the workbook itself
/// (sheet names → relationship ids) and the workbook's relationships (ids → part paths).
struct WorkbookDirectory {
    /// One tab of the workbook.
    struct Sheet {
        var name: String
        /// The zip entry holding the sheet, for example `xl/worksheets/sheet1.xml`; nil when the tab is no worksheet.
        var path: String?
    }

    var sheets: [Sheet] = []
    var sharedStringsPath: String?
    var stylesPath: String?
    /// True for workbooks using the 1904 date system (old Mac Excel): serial 0 is 1904-01-01.
    var uses1904Dates = false

    /// Reads the directory of the workbook in `archive`.
    init(archive: ZipArchive) throws(TableFileError) {
        let workbookPath = try Self.workbookPath(in: archive)
        let relationships = try Relationships(archive: archive, partPath: workbookPath)
        sharedStringsPath = relationships.firstTarget(ofType: "/sharedStrings")
        stylesPath = relationships.firstTarget(ofType: "/styles")
        guard let entry = archive.entry(named: workbookPath) else {
            throw archive.corrupt("the workbook part \(workbookPath) is missing")
        }
        let stream = try archive.xmlStream(of: entry)
        let names = [Array("sheet".utf8), Array("workbookPr".utf8)]
        while let sheet = try stream.next(named: names, { element in readElement(element, relationships) }) {
            if let sheet { sheets.append(sheet) }
        }
    }

    /// Reads a `<sheet>` into a `Sheet`, or notes the date system of `<workbookPr>`.
    private mutating func readElement(_ element: XMLElementStream.Element, _ relationships: Relationships) -> Sheet? {
        let tokenizer = element.tokenizer
        guard element.nameIndex == 0 else {
            let date1904 = tokenizer.attributeText(Array("date1904".utf8), in: element.attributes)
            uses1904Dates = date1904 == "1" || date1904 == "true"
            return nil
        }
        let name = tokenizer.attributeText(Array("name".utf8), in: element.attributes) ?? ""
        let id = tokenizer.attributeText(Array("id".utf8), in: element.attributes) ?? ""
        let relationship = relationships.byID[id]
        let isWorksheet = relationship?.type.hasSuffix("/worksheet") ?? false
        return Sheet(name: name, path: isWorksheet ? relationship?.target : nil)
    }

    private static func workbookPath(in archive: ZipArchive) throws(TableFileError) -> String {
        let fallback = "xl/workbook.xml"
        guard archive.entry(named: "_rels/.rels") != nil else { return fallback }
        let packageRelationships = try Relationships(archive: archive, partPath: "")
        return packageRelationships.firstTarget(ofType: "/officeDocument") ?? fallback
    }
}

/// The relationships of one part: which id points at which part, and of what type.
struct Relationships {
    struct Relationship {
        var type: String
        /// The target as a zip entry path.
        var target: String
    }

    private(set) var byID: [String: Relationship] = [:]
    private var inOrder: [Relationship] = []

    /// Reads the `.rels` file belonging to `partPath` (an empty path reads the package's `_rels/.rels`).
    init(archive: ZipArchive, partPath: String) throws(TableFileError) {
        let (folder, file) = splitPath(partPath)
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        guard let entry = archive.entry(named: relsPath) else { return }
        let stream = try archive.xmlStream(of: entry)
        let names = [Array("Relationship".utf8)]
        while let pair = try stream.next(named: names, { element in Self.read(element, folder: folder) }) {
            guard let (id, relationship) = pair else { continue }
            byID[id] = relationship
            inOrder.append(relationship)
        }
    }

    /// The target of the first relationship whose type ends with `typeSuffix`, such as `/styles`.
    func firstTarget(ofType typeSuffix: String) -> String? {
        inOrder.first { $0.type.hasSuffix(typeSuffix) }?.target
    }

    private static func read(_ element: XMLElementStream.Element, folder: String) -> (String, Relationship)? {
        let tokenizer = element.tokenizer
        let attributes = element.attributes
        guard let id = tokenizer.attributeText(Array("Id".utf8), in: attributes),
            let target = tokenizer.attributeText(Array("Target".utf8), in: attributes),
            tokenizer.attributeText(Array("TargetMode".utf8), in: attributes) != "External"
        else { return nil }
        let type = tokenizer.attributeText(Array("Type".utf8), in: attributes) ?? ""
        return (id, Relationship(type: type, target: resolvePartPath(target, from: folder)))
    }
}

/// The zip entry path a relationship target names: absolute (`/xl/…`) or relative to `folder`, with `..` resolved.
func resolvePartPath(_ target: String, from folder: String) -> String {
    let joined = target.hasPrefix("/") ? String(target.dropFirst()) : (folder.isEmpty ? target : folder + "/" + target)
    var segments: [Substring] = []
    for segment in joined.split(separator: "/") {
        if segment == ".." {
            _ = segments.popLast()
        } else if segment != "." {
            segments.append(segment)
        }
    }
    return segments.joined(separator: "/")
}

/// A part path's folder and file name: `xl/workbook.xml` → (`xl`, `workbook.xml`).
private func splitPath(_ path: String) -> (String, String) {
    guard let slash = path.lastIndex(of: "/") else { return ("", path) }
    return (String(path[..<slash]), String(path[path.index(after: slash)...]))
}

extension ZipArchive {
    /// A stream of the XML elements in `entry`.
    func xmlStream(of entry: Entry) throws(TableFileError) -> XMLElementStream {
        XMLElementStream(source: try contents(of: entry), fileName: file.fileName, part: entry.name)
    }
}
