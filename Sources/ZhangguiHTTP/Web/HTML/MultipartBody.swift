import Foundation

/// The parts of a `multipart/form-data` body, as a browser posts a form with a file field (RFC 7578): text fields
/// by name, and uploaded files with the name the browser gave them and their bytes.
struct MultipartBody: Sendable {
    /// One uploaded file.
    struct File: Sendable {
        /// The form field's name.
        let field: String
        /// The file's name as the browser sent it (no directory), "" when the field was left empty.
        let fileName: String
        let bytes: [UInt8]
    }

    /// The text fields in the order they came.
    let fields: [(name: String, value: String)]
    let files: [File]

    /// Parses `body` split by `boundary`; nil when it is not such a body (no opening boundary, a part without
    /// headers or a name).
    init?(_ body: [UInt8], boundary: String) {
        let delimiter = Array("--\(boundary)".utf8)
        guard !boundary.isEmpty, let first = Self.find(delimiter, in: body, from: 0) else { return nil }
        var fields: [(String, String)] = []
        var files: [File] = []
        var start = first + delimiter.count
        let separator = Array("\r\n".utf8) + delimiter
        while start + 2 <= body.count, body[start] == 13, body[start + 1] == 10 {
            guard let end = Self.find(separator, in: body, from: start + 2),
                let headerEnd = Self.find(Array("\r\n\r\n".utf8), in: body, from: start + 2), headerEnd < end
            else { return nil }
            let headers = String(decoding: body[(start + 2)..<headerEnd], as: UTF8.self)
            let content = Array(body[(headerEnd + 4)..<end])
            guard let disposition = Self.disposition(headers), let name = disposition["name"] else { return nil }
            if let fileName = disposition["filename"] {
                files.append(File(field: name, fileName: Self.baseName(fileName), bytes: content))
            } else {
                fields.append((name, String(decoding: content, as: UTF8.self)))
            }
            start = end + separator.count
        }
        self.fields = fields
        self.files = files
    }

    /// The boundary of a `Content-Type: multipart/form-data; boundary=…` header, nil for another type.
    static func boundary(ofContentType contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else {
                continue
            }
            let value = parts[1].trimmingCharacters(in: .whitespaces)
            return value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2
                ? String(value.dropFirst().dropLast()) : value
        }
        return nil
    }

    /// The parameters of a part's `Content-Disposition: form-data; name="…"; filename="…"` header.
    private static func disposition(_ headers: String) -> [String: String]? {
        let line = headers.split(separator: "\r\n").first {
            $0.lowercased().hasPrefix("content-disposition:")
        }
        guard let line else { return nil }
        var values: [String: String] = [:]
        for parameter in line.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            var value = parts[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            values[parts[0].trimmingCharacters(in: .whitespaces).lowercased()] = value
        }
        return values
    }

    /// The last path component: some browsers send the whole path a file was chosen from.
    private static func baseName(_ name: String) -> String {
        String(name.split { $0 == "/" || $0 == "\\" }.last ?? "")
    }

    /// The offset of `needle` in `haystack` at or after `start`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else {
            return nil
        }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}
