/// The fields of an `application/x-www-form-urlencoded` body, as a browser posts a form.
struct FormBody: Sendable {
    /// The fields in the order they came; a name may repeat (checkboxes).
    let fields: [(name: String, value: String)]

    /// Parses `body`. `+` is a space; `%XX` is a byte of UTF-8; a malformed escape is kept as written.
    init(_ body: [UInt8]) {
        let text = String(decoding: body, as: UTF8.self)
        fields = text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            return (name, parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    /// A form of fields read otherwise (the text fields of a multipart body).
    init(fields: [(name: String, value: String)]) {
        self.fields = fields
    }

    /// The last value of `name`, nil when absent.
    subscript(name: String) -> String? {
        fields.last { $0.name == name }?.value
    }

    /// Every value of `name`, in order.
    func values(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    static func decode(_ part: Substring) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(part.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
