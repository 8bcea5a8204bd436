import Foundation

/// The steps of ``HTTPRequest/decodeJSON(_:)``: media type, syntax, unknown fields, then types and required fields.
enum JSONBodyDecoder {
    static func checkContentType(_ value: String?) throws(HTTPError) {
        let mediaType = value?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard mediaType == "application/json" else {
            throw HTTPError(
                .unsupportedMediaType,
                code: .unsupportedMediaType,
                message: "send the body as application/json"
            )
        }
    }

    /// The body parsed as a JSON object.
    static func parseObject(_ body: [UInt8]) throws(HTTPError) -> [String: Any] {
        guard !body.isEmpty else {
            throw HTTPError(.badRequest, code: .malformedJSON, message: "the body is empty; send a JSON object")
        }
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
        } catch {
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            throw HTTPError(
                .badRequest,
                code: .malformedJSON,
                message: "the body is not valid JSON" + (reason.map { ": \($0)" } ?? "")
            )
        }
        guard let object = value as? [String: Any] else {
            throw HTTPError(.badRequest, code: .wrongType, message: "the body must be a JSON object")
        }
        return object
    }

    /// Refuses the first key, in sorted order, that `Body` does not declare, here or in a nested body.
    static func rejectUnknownFields<Body: JSONBody>(_ type: Body.Type, in object: [String: Any], path: String)
        throws(HTTPError)
    {
        let known = Dictionary(uniqueKeysWithValues: Body.CodingKeys.allCases.map { ($0.stringValue, $0) })
        for key in object.keys.sorted() {
            let field = path.isEmpty ? key : "\(path).\(key)"
            guard let codingKey = known[key] else {
                throw HTTPError(
                    .badRequest,
                    code: .unknownField,
                    message: "\(field) is not a field of this request",
                    field: field
                )
            }
            if let nested = Body.nestedBodies[codingKey], let value = object[key] {
                try rejectUnknownFields(nestedIn: value, as: nested, path: field)
            }
        }
    }

    /// Checks a nested object, or each object of a list; values of other types are left to the decoder to refuse.
    private static func rejectUnknownFields(nestedIn value: Any, as type: any JSONBody.Type, path: String)
        throws(HTTPError)
    {
        if let object = value as? [String: Any] {
            try rejectUnknownFields(type, in: object, path: path)
        } else if let list = value as? [Any] {
            for (index, element) in list.enumerated() {
                guard let object = element as? [String: Any] else { continue }
                try rejectUnknownFields(type, in: object, path: "\(path)[\(index)]")
            }
        }
    }

    /// Decodes `body`, already parsed as `object`, into `Body`.
    static func decode<Body: Decodable>(_ type: Body.Type, from body: [UInt8], parsed object: [String: Any])
        throws(HTTPError) -> Body
    {
        do {
            return try JSONDecoder().decode(Body.self, from: Data(body))
        } catch let error as HTTPError {
            throw error
        } catch let error as DecodingError {
            throw refusal(for: error, parsed: object)
        } catch {
            throw HTTPError(.badRequest, code: .invalidValue, message: "the body could not be read")
        }
    }

    /// The 400 that names what is wrong and where.
    static func refusal(for error: DecodingError, parsed object: [String: Any]) -> HTTPError {
        switch error {
        case .typeMismatch(let expected, let context):
            guard let field = fieldPath(context.codingPath) else {
                return HTTPError(.badRequest, code: .wrongType, message: "the body must be \(describe(expected))")
            }
            return HTTPError(
                .badRequest,
                code: .wrongType,
                message: "\(field) must be \(describe(expected))",
                field: field
            )
        case .valueNotFound(_, let context):
            let field = fieldPath(context.codingPath) ?? "the body"
            return HTTPError(.badRequest, code: .missingField, message: "\(field) must not be null", field: field)
        case .keyNotFound(let key, let context):
            let field = fieldPath(context.codingPath + [key]) ?? key.stringValue
            return HTTPError(.badRequest, code: .missingField, message: "\(field) is required", field: field)
        case .dataCorrupted(let context):
            guard let field = fieldPath(context.codingPath) else { return numberRefusal(in: object) }
            return HTTPError(
                .badRequest,
                code: .invalidValue,
                message: "\(field) has a value that is not allowed",
                field: field
            )
        @unknown default:
            return HTTPError(.badRequest, code: .invalidValue, message: "the body could not be read")
        }
    }

    /// The refusal for a number the decoder could not store, which it reports without a path once the JSON itself
    /// has parsed.
    ///
    /// Known limitation: the field named is the first number, in sorted key order, that is not a 64-bit whole
    /// number; a body holding a fraction meant for a floating-point field and an oversized whole number elsewhere
    /// could name the fraction. The API keeps money and quantities as whole numbers, so it has no such fields yet.
    static func numberRefusal(in object: [String: Any]) -> HTTPError {
        guard let field = firstInexactNumber(in: object, path: "") else {
            return HTTPError(.badRequest, code: .invalidValue, message: "a value in the body is not allowed")
        }
        return HTTPError(
            .badRequest,
            code: .invalidValue,
            message: "\(field) must be a whole number within 64 bits",
            field: field
        )
    }

    /// Refuses the first text, in sorted key order, holding a control character (U+0000–U+001F or U+007F) other than
    /// tab, line feed and carriage return: no field of ours means one, and the engines store a NUL differently.
    static func rejectControlCharacters(in value: Any, path: String) throws(HTTPError) {
        switch value {
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                try rejectControlCharacters(in: object[key]!, path: path.isEmpty ? key : "\(path).\(key)")
            }
        case let list as [Any]:
            for (index, element) in list.enumerated() {
                try rejectControlCharacters(in: element, path: "\(path)[\(index)]")
            }
        case let text as String:
            let isControl = { (scalar: Unicode.Scalar) in
                (scalar.value < 0x20 && !["\t", "\n", "\r"].contains(scalar)) || scalar.value == 0x7F
            }
            if text.unicodeScalars.contains(where: isControl) {
                throw HTTPError(
                    .badRequest,
                    code: .invalidValue,
                    message: "\(path) holds a control character; send text without them",
                    field: path
                )
            }
        default:
            return
        }
    }

    /// The path of the first number that is a fraction or out of the 64-bit range.
    private static func firstInexactNumber(in value: Any, path: String) -> String? {
        switch value {
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                let field = path.isEmpty ? key : "\(path).\(key)"
                if let found = firstInexactNumber(in: object[key]!, path: field) { return found }
            }
            return nil
        case let list as [Any]:
            for (index, element) in list.enumerated() {
                if let found = firstInexactNumber(in: element, path: "\(path)[\(index)]") { return found }
            }
            return nil
        case let number as NSNumber:
            return Int64(exactly: number.doubleValue) == nil ? path : nil
        default:
            return nil
        }
    }

    /// `lines[1].sku` for the keys `lines`, index 1, `sku`; nil for the top level.
    static func fieldPath(_ keys: [any CodingKey]) -> String? {
        var path = ""
        for key in keys {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return path.isEmpty ? nil : path
    }

    /// The JSON kind a Swift type is read from, in words.
    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type, is Substring.Type, is Character.Type: "a string"
        case is Bool.Type: "true or false"
        case is any FixedWidthInteger.Type: "a whole number"
        case is any BinaryFloatingPoint.Type, is Decimal.Type: "a number"
        case is [Any].Type: "a list"
        default: "an object"
        }
    }
}
