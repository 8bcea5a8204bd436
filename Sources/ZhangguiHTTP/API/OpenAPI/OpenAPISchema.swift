/// A JSON schema in the subset OpenAPI 3.0 uses, for describing request and answer bodies.
indirect enum OpenAPISchema: Sendable {
    case string
    case integer
    case boolean
    /// A string from a fixed list.
    case oneOfWords([String])
    case array(OpenAPISchema)
    /// An object with the listed required and optional members and no others.
    case object(required: [(String, OpenAPISchema)], optional: [(String, OpenAPISchema)])
    /// An object whose members are all of one schema (a map by key).
    case map(OpenAPISchema)
    /// Any one of the schemas.
    case anyOf([OpenAPISchema])
    /// A schema of `components/schemas`, by name.
    case ref(String)
    /// The bytes of an uploaded file.
    case file
    /// Any JSON object.
    case anyObject

    /// An object of required members only.
    static func object(_ required: [(String, OpenAPISchema)]) -> OpenAPISchema {
        .object(required: required, optional: [])
    }

    /// The object with no members: the body of a route that takes none.
    static let empty = OpenAPISchema.object([])

    /// The schema as a JSON object.
    var json: [String: Any] {
        switch self {
        case .string: ["type": "string"]
        case .integer: ["type": "integer", "format": "int64"]
        case .boolean: ["type": "boolean"]
        case .oneOfWords(let words): ["type": "string", "enum": words]
        case .array(let items): ["type": "array", "items": items.json]
        case .object(let required, let optional): Self.objectJSON(required: required, optional: optional)
        case .map(let values): ["type": "object", "additionalProperties": values.json]
        case .anyOf(let schemas): ["anyOf": schemas.map(\.json)]
        case .ref(let name): ["$ref": "#/components/schemas/\(name)"]
        case .file: ["type": "string", "format": "binary"]
        case .anyObject: ["type": "object"]
        }
    }

    private static func objectJSON(required: [(String, OpenAPISchema)], optional: [(String, OpenAPISchema)])
        -> [String: Any]
    {
        var properties: [String: Any] = [:]
        for (name, schema) in required + optional { properties[name] = schema.json }
        var json: [String: Any] = ["type": "object", "properties": properties, "additionalProperties": false]
        if !required.isEmpty { json["required"] = required.map(\.0) }
        return json
    }
}

/// What a route takes and answers, for the API's description.
struct RouteBodies: Sendable {
    /// How the request's body is sent.
    enum Request: Sendable {
        /// A JSON object of this schema; `isRequired` false when the body may be left out.
        case json(OpenAPISchema, isRequired: Bool = true)
        /// The raw bytes of a file.
        case file
    }

    /// nil for a route that reads no body (a read).
    let request: Request?
    /// The status of success: 200, 201 or 204.
    let status: Int
    /// The answer's schema; nil for 204.
    let answer: OpenAPISchema?

    static func read(_ answer: OpenAPISchema) -> RouteBodies {
        RouteBodies(request: nil, status: 200, answer: answer)
    }

    static func write(_ request: Request, _ status: Int = 200, _ answer: OpenAPISchema? = nil) -> RouteBodies {
        RouteBodies(request: request, status: status, answer: answer)
    }

    /// A write that takes no body.
    static func action(_ status: Int = 200, _ answer: OpenAPISchema? = nil) -> RouteBodies {
        RouteBodies(request: .json(.empty, isRequired: false), status: status, answer: answer)
    }
}
