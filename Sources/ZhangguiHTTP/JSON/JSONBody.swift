/// A request body the API reads as a JSON object, refusing fields it does not know.
///
/// Conforming types declare their keys so the decoder can compare them with the object's:
///
/// ```swift
/// struct NewNote: JSONBody {
///     let text: String
///     let isPinned: Bool?
///     enum CodingKeys: String, CodingKey, CaseIterable { case text, isPinned }
/// }
/// ```
///
/// Fields holding nested objects (or lists of them) name their body type in ``nestedBodies``, so unknown fields
/// are refused inside them too.
public protocol JSONBody: Decodable {
    associatedtype CodingKeys: CodingKey & CaseIterable & Hashable

    /// The body type of each field that holds an object or a list of objects.
    static var nestedBodies: [CodingKeys: any JSONBody.Type] { get }
}

extension JSONBody {
    public static var nestedBodies: [CodingKeys: any JSONBody.Type] { [:] }
}

extension HTTPRequest {
    /// The body decoded as `Body`.
    /// - Throws: ``HTTPError``: 415 when the body is not sent as `application/json`; 400 naming the problem when it
    ///   is empty, not JSON, cut short, not an object, or has an unknown field, a missing field or a wrong type —
    ///   naming the field as a path such as `lines[1].sku`; 400 for a text holding a control character other than tab
    ///   and line breaks (a NUL would be cut off by one engine and refused by the other).
    public func decodeJSON<Body: JSONBody>(_ type: Body.Type = Body.self) throws(HTTPError) -> Body {
        try JSONBodyDecoder.checkContentType(headers["Content-Type"])
        let object = try JSONBodyDecoder.parseObject(body)
        try JSONBodyDecoder.rejectUnknownFields(Body.self, in: object, path: "")
        try JSONBodyDecoder.rejectControlCharacters(in: object, path: "")
        return try JSONBodyDecoder.decode(Body.self, from: body, parsed: object)
    }
}
