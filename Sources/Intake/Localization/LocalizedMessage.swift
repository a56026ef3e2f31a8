import Foundation

/// A message to show later in the user's language: a catalog message id, an optional count that
/// picks the plural form (and fills `{count}`), and named arguments for `{name}` placeholders.
public struct LocalizedMessage: Equatable, Sendable {
    public let id: String
    public let count: Int?
    public let arguments: [String: MessageArgument]

    public init(_ id: String, count: Int? = nil, arguments: [String: MessageArgument] = [:]) {
        self.id = id
        self.count = count
        self.arguments = arguments
    }
}

/// A placeholder value, formatted by the `Localizer` the way the language writes it.
public enum MessageArgument: Equatable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    /// Shown as is.
    case text(String)
    /// A whole number, grouped per language (`1.000` in Serbian).
    case integer(Int)
    /// A decimal number (`12,5` in Serbian).
    case number(Decimal)
    /// A day (`21.03.2026.` in Serbian).
    case date(CalendarDay)
    /// Another catalog message, looked up in the same language.
    case message(String)

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
}
