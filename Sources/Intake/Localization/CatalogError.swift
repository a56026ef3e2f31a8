/// A translation catalog that cannot be used. These are errors in files we ship, reported with
/// the file and line for the people who edit them.
public enum CatalogError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The PO syntax is broken at `line` (1-based).
    case syntax(file: String, line: Int, reason: String)
    /// Two entries share a message id (and context).
    case duplicateMessage(file: String, id: String)
    /// The file has no header entry or no `Plural-Forms` in it.
    case missingHeader(file: String)
    /// `Plural-Forms` declares a different number of forms than the language's CLDR rule.
    case pluralFormsMismatch(file: String, expected: Int, found: Int)
    /// A plural message has the wrong number of `msgstr[n]` forms.
    case wrongPluralCount(file: String, id: String, expected: Int, found: Int)
    /// No embedded catalog for a language.
    case notFound(file: String)

    public var description: String {
        switch self {
        case .syntax(let file, let line, let reason): "\(file):\(line): \(reason)"
        case .duplicateMessage(let file, let id): "\(file): message \(id) appears twice"
        case .missingHeader(let file): "\(file): no header with Plural-Forms"
        case .pluralFormsMismatch(let file, let expected, let found):
            "\(file): Plural-Forms has nplurals=\(found), the language needs \(expected)"
        case .wrongPluralCount(let file, let id, let expected, let found):
            "\(file): message \(id) has \(found) plural forms, the language needs \(expected)"
        case .notFound(let file): "no embedded catalog \(file)"
        }
    }
}
