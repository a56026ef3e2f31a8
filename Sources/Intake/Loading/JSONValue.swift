/// A parsed JSON value that keeps what the form loader needs and Foundation's parser loses:
/// member order, duplicate keys, and numbers as written.
indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// The number's text as written, so decimals are read exactly.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    /// The JSON type name, for "expected ..." messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// One `"key": value` member of a JSON object.
struct JSONMember: Equatable, Sendable {
    let key: String
    let value: JSONValue
}
