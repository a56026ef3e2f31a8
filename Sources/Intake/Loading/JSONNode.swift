import Foundation

/// A JSON value together with its path in the file, with typed accessors that fail with a
/// `FormError` at that path.
struct JSONNode {
    let value: JSONValue
    let path: String

    func child(_ key: String, _ value: JSONValue) -> JSONNode {
        JSONNode(value: value, path: path.isEmpty ? key : "\(path).\(key)")
    }

    func fail(_ problem: FormError.Problem) -> FormError {
        FormError(path: path, problem: problem)
    }

    func wrongType(_ expected: String) -> FormError {
        fail(.wrongType(expected: expected))
    }

    /// The members of an object, refusing keys outside `allowed` and duplicate keys.
    func object(allowed: Set<String>) throws(FormError) -> JSONObject {
        guard case .object(let members) = value else { throw wrongType("object") }
        var seen = Set<String>()
        for member in members {
            guard allowed.contains(member.key) else { throw child(member.key, member.value).fail(.unknownKey) }
            guard seen.insert(member.key).inserted else { throw child(member.key, member.value).fail(.duplicateKey) }
        }
        return JSONObject(node: self, members: members)
    }

    /// The elements of an array, each with its indexed path; `nonEmpty` refuses `[]`.
    func array(nonEmpty: Bool = false) throws(FormError) -> [JSONNode] {
        guard case .array(let elements) = value else { throw wrongType("array") }
        if nonEmpty, elements.isEmpty { throw fail(.emptyList) }
        return elements.enumerated().map { JSONNode(value: $0.element, path: "\(path)[\($0.offset)]") }
    }

    func string() throws(FormError) -> String {
        guard case .string(let text) = value else { throw wrongType("string") }
        return text
    }

    func bool() throws(FormError) -> Bool {
        guard case .bool(let flag) = value else { throw wrongType("boolean") }
        return flag
    }

    func decimal() throws(FormError) -> Decimal {
        guard case .number(let text) = value,
              let number = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { throw wrongType("number") }
        return number
    }

    /// A whole number in `range`.
    func integer(in range: ClosedRange<Int>) throws(FormError) -> Int {
        guard case .number(let text) = value else { throw wrongType("integer") }
        guard let number = Int(text) else { throw wrongType("integer") }
        guard range.contains(number) else { throw fail(.invalidValue) }
        return number
    }

    /// An id (`[a-z][a-z0-9_]*`).
    func identifier() throws(FormError) -> String {
        let text = try string()
        guard AnswerPath.isIdentifier(text) else { throw fail(.invalidID(text)) }
        return text
    }

    /// A message id: lowercase ASCII letters, digits, `_` and `.`.
    func messageID() throws(FormError) -> String {
        let text = try string()
        let valid = !text.isEmpty && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "."
        }
        guard valid else { throw fail(.invalidID(text)) }
        return text
    }
}

/// The members of a checked JSON object.
struct JSONObject {
    let node: JSONNode
    let members: [JSONMember]

    func optional(_ key: String) -> JSONNode? {
        members.first { $0.key == key }.map { node.child(key, $0.value) }
    }

    func required(_ key: String) throws(FormError) -> JSONNode {
        guard let child = optional(key) else { throw FormError(path: node.child(key, .null).path, problem: .missing) }
        return child
    }
}
