/// One message of a gettext PO file, with its comments. Catalogs use message ids as `msgid`
/// (docs/intake.md, "Catalogs"); `msgid_plural` repeats the id for plural messages.
public struct POEntry: Equatable, Sendable {
    /// `# ` lines: notes by translators.
    public var translatorComments: [String] = []
    /// `#.` lines: notes for translators (in rom.po, the English gloss of the Romani text).
    public var extractedComments: [String] = []
    /// `#:` lines: where the message is used.
    public var references: [String] = []
    /// `#,` flags such as `fuzzy`.
    public var flags: [String] = []
    /// `msgctxt`, if any.
    public var context: String?
    /// `msgid`; empty for the header entry.
    public var id: String = ""
    /// `msgid_plural`, for plural messages.
    public var idPlural: String?
    /// `msgstr`, or `msgstr[0]`, `msgstr[1]`, ... for plural messages.
    public var strings: [String] = []

    public init() {}

    /// Fuzzy entries are drafts: gettext, and our catalogs, do not use them.
    public var isFuzzy: Bool { flags.contains("fuzzy") }

    /// Whether this is the header entry (empty `msgid`, no context).
    public var isHeader: Bool { id.isEmpty && context == nil }
}

/// A parsed PO file: its entries in file order, the header first when there is one.
public struct POFile: Equatable, Sendable {
    public var entries: [POEntry]

    public init(entries: [POEntry]) {
        self.entries = entries
    }

    /// The header entry, if any.
    public var header: POEntry? { entries.first { $0.isHeader } }

    /// The header's `Name: value` fields, in order.
    public var headerFields: [(name: String, value: String)] {
        guard let text = header?.strings.first else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            return (String(line[..<colon]), value)
        }
    }

    /// The value of header field `name`, if present.
    public func headerValue(_ name: String) -> String? {
        headerFields.first { $0.name == name }?.value
    }

    /// The messages, without the header.
    public var messages: [POEntry] { entries.filter { !$0.isHeader } }
}
