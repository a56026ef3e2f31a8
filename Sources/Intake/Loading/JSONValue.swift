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
}

/// One `"key": value` member of a JSON object.
struct JSONMember: Equatable, Sendable {
    let key: String
    let value: JSONValue
}
