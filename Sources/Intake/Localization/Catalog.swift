/// The messages of one language, read from its PO file. Untranslated (empty) and fuzzy
/// entries are left out, as gettext does, so they count as missing.
public struct Catalog: Sendable {
    public let language: Language
    /// The header says `X-Review-Status: awaiting native review`: the translation has not yet
    /// been checked by speakers of the language, and the user is told so.
    public let awaitsNativeReview: Bool
    let messages: [Key: [String]]

    struct Key: Hashable, Sendable {
        let context: String?
        let id: String
    }

    /// Parses and checks `text`: a header whose `Plural-Forms` has the language's number of
    /// forms, every plural message with exactly that many forms, no duplicate messages.
    public init(language: Language, text: String, fileName: String? = nil) throws(CatalogError) {
        let name = fileName ?? language.catalogFileName
        let file = try POParser.parse(text, file: name)
        let expected = language.pluralRule.categories.count
        guard let pluralForms = file.headerValue("Plural-Forms") else { throw .missingHeader(file: name) }
        let declared = Self.nplurals(in: pluralForms)
        guard declared == expected else {
            throw .pluralFormsMismatch(file: name, expected: expected, found: declared ?? 0)
        }
        var messages: [Key: [String]] = [:]
        for entry in file.messages {
            let key = Key(context: entry.context, id: entry.id)
            guard messages[key] == nil else { throw .duplicateMessage(file: name, id: entry.id) }
            if entry.idPlural != nil, entry.strings.count != expected {
                throw .wrongPluralCount(file: name, id: entry.id, expected: expected, found: entry.strings.count)
            }
            guard !entry.isFuzzy, !entry.strings.contains(where: \.isEmpty) else { continue }
            messages[key] = entry.strings
        }
        self.language = language
        self.awaitsNativeReview = file.headerValue("X-Review-Status")?.lowercased().contains("awaiting") ?? false
        self.messages = messages
    }

    static func nplurals(in pluralForms: String) -> Int? {
        for part in pluralForms.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0] == "nplurals" { return Int(pair[1]) }
        }
        return nil
    }

    /// The text of message `id`, or nil when the catalog lacks it. For a plural message, the
    /// `other` form.
    public func text(_ id: String, context: String? = nil) -> String? {
        messages[Key(context: context, id: id)]?.last
    }

    /// The form of plural message `id` for `count`, or nil when the catalog lacks it. A
    /// singular message is returned for every count.
    public func text(_ id: String, count: Int, context: String? = nil) -> String? {
        guard let forms = messages[Key(context: context, id: id)] else { return nil }
        guard forms.count > 1 else { return forms.first }
        let index = language.pluralRule.index(for: count)
        return forms[min(index, forms.count - 1)]
    }

    /// Whether the catalog has a usable translation of `id`.
    public func contains(_ id: String, context: String? = nil) -> Bool {
        messages[Key(context: context, id: id)] != nil
    }

    /// The ids of all usable messages without context.
    public var messageIDs: Set<String> {
        Set(messages.keys.filter { $0.context == nil }.map(\.id))
    }
}
