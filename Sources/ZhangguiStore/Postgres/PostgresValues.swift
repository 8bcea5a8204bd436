import CLibPQ

/// How values cross the wire: every parameter and every result column travels as text, and a result column is
/// read back by its type.
enum PostgresValues {
    /// Type OIDs from PostgreSQL's catalogue (`pg_type`), stable across versions.
    private enum TypeOID {
        static let bool: Oid = 16
        static let int8: Oid = 20
        static let int2: Oid = 21
        static let int4: Oid = 23
        static let oid: Oid = 26
        static let float4: Oid = 700
        static let float8: Oid = 701
        static let numeric: Oid = 1700
    }

    /// A parameter as text, or nil for NULL; the server converts the text to the type the statement needs there.
    /// Booleans are bound as the integers 0 and 1, as Zhanggui's schema stores them.
    static func parameter(_ value: SQLValue) throws -> String? {
        switch value {
        case .null: return nil
        case .integer(let number): return String(number)
        case .real(let number): return number.description
        case .text(let text):
            // PostgreSQL text cannot hold NUL; libpq would silently cut the value there.
            guard !text.utf8.contains(0) else {
                throw DatabaseError(kind: .other, engineCode: "22021", message: "a text value contains a NUL character")
            }
            return text
        }
    }

    /// A result column's text read as the value its type stands for: integers (`int2`, `int4`, `int8`, `oid`) and
    /// `bool` (as 0 or 1) as integers; `float4`, `float8` as reals; `numeric` as an integer when it is whole and
    /// fits (sums of `BIGINT` columns are `numeric`), otherwise as a real; every other type as text.
    static func column(_ bytes: UnsafeBufferPointer<UInt8>, type: Oid) -> SQLValue {
        let text = String(decoding: bytes, as: UTF8.self)
        switch type {
        case TypeOID.int8, TypeOID.int4, TypeOID.int2, TypeOID.oid:
            return Int64(text).map(SQLValue.integer) ?? .text(text)
        case TypeOID.bool:
            return .integer(text == "t" ? 1 : 0)
        case TypeOID.float4, TypeOID.float8:
            return Double(text).map(SQLValue.real) ?? .text(text)
        case TypeOID.numeric:
            if let whole = Int64(text) { return .integer(whole) }
            return Double(text).map(SQLValue.real) ?? .text(text)
        default:
            return .text(text)
        }
    }

    /// Runs `body` with a C array of the parameters' NUL-terminated texts (nil for NULL), valid only inside `body`.
    static func withCStrings<R>(
        _ parameters: [String?],
        _ body: (UnsafePointer<UnsafePointer<CChar>?>?) throws -> R
    ) rethrows -> R {
        var storage: [CChar] = []
        var offsets: [Int?] = []
        offsets.reserveCapacity(parameters.count)
        for parameter in parameters {
            guard let parameter else {
                offsets.append(nil)
                continue
            }
            offsets.append(storage.count)
            storage.append(contentsOf: parameter.utf8CString)
        }
        return try storage.withUnsafeBufferPointer { characters in
            let pointers = offsets.map { offset -> UnsafePointer<CChar>? in
                guard let offset, let base = characters.baseAddress else { return nil }
                return base + offset
            }
            return try pointers.withUnsafeBufferPointer { try body($0.baseAddress) }
        }
    }
}
