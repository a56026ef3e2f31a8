import Foundation

/// Turns message ids into text in one language: catalog lookup (falling back to another
/// catalog, normally English, then to the id itself), plural selection by CLDR rule, and
/// `{name}` placeholders filled with values formatted the language's way.
public struct Localizer: Sendable {
    public let catalog: Catalog
    let fallback: Catalog?

    public init(catalog: Catalog, fallback: Catalog? = nil) {
        self.catalog = catalog
        self.fallback = fallback
    }

    public var language: Language { catalog.language }
    public var formats: LocaleFormats { language.formats }

    /// The text of message `id` with its placeholders filled.
    public func text(_ id: String, _ arguments: [String: MessageArgument] = [:]) -> String {
        let template = catalog.text(id) ?? fallback?.text(id) ?? id
        return Placeholders.fill(template, arguments.mapValues(format))
    }

    /// The plural form of message `id` for `count`; `{count}` is filled with the formatted count.
    public func plural(_ id: String, count: Int, _ arguments: [String: MessageArgument] = [:]) -> String {
        let template = catalog.text(id, count: count) ?? fallback?.text(id, count: count) ?? id
        var values = arguments.mapValues(format)
        values["count"] = values["count"] ?? formats.format(count)
        return Placeholders.fill(template, values)
    }

    /// The text of a message carried by an error or a prompt.
    public func render(_ message: LocalizedMessage) -> String {
        guard let count = message.count else { return text(message.id, message.arguments) }
        return plural(message.id, count: count, message.arguments)
    }

    /// An argument as this language writes it.
    public func format(_ argument: MessageArgument) -> String {
        switch argument {
        case .text(let text): text
        case .integer(let number): formats.format(number)
        case .number(let number): formats.format(number)
        case .date(let day): formats.format(day)
        case .message(let id): text(id)
        }
    }
}
