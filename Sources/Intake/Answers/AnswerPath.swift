/// Where an answer belongs: a question (`incident_date`) or a question of one item of a
/// repeatable group (`perpetrators[1].perpetrator_sex`, items counted from 0). The text form is
/// what drafts store and what `change` takes.
public struct AnswerPath: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The top-level question (the group, for an item's question).
    public let question: String
    /// The item of the group, from 0.
    public let item: Int?
    /// The group's own question answered for that item.
    public let field: String?

    public init(_ question: String) {
        self.question = question
        item = nil
        field = nil
    }

    public init(group: String, item: Int, field: String) {
        question = group
        self.item = item
        self.field = field
    }

    /// Parses the text form; nil if it is malformed.
    public init?(parsing text: String) {
        guard let open = text.firstIndex(of: "[") else {
            guard Self.isIdentifier(text) else { return nil }
            self.init(text)
            return
        }
        let group = String(text[..<open])
        let rest = text[text.index(after: open)...]
        guard let close = rest.firstIndex(of: "]"), let item = Int(rest[..<close]), item >= 0,
              rest[rest.index(after: close)...].first == "." else { return nil }
        let field = String(rest[rest.index(close, offsetBy: 2)...])
        guard Self.isIdentifier(group), Self.isIdentifier(field) else { return nil }
        self.init(group: group, item: item, field: field)
    }

    public var description: String {
        guard let item, let field else { return question }
        return "\(question)[\(item)].\(field)"
    }

    /// Question ids: a lowercase ASCII letter, then lowercase letters, digits and underscores.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let path = AnswerPath(parsing: try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "malformed answer path")
        }
        self = path
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
