import Foundation

/// The checks an answer must pass besides its type (`validation` in the form file). Which rule
/// applies to which question type is listed in docs/intake.md; the loader refuses the others.
public struct ValidationRules: Equatable, Sendable {
    /// Smallest allowed number (`min`).
    public var minimum: Decimal?
    /// Largest allowed number (`max`).
    public var maximum: Decimal?
    /// Whether a number must be whole (`integer`).
    public var integer = false
    /// Most characters a text may have (`maxLength`); see `effectiveMaxLength`.
    public var maxLength: Int?
    /// Whether a date may not be later than today (`notInFuture`).
    public var notInFuture = false
    /// Id of a date question this date may not be later than (`notAfter`).
    public var notAfter: String?
    /// Fewest items of a repeatable group (`minItems`, default 0).
    public var minItems: Int?
    /// Most items of a repeatable group (`maxItems`, required for groups).
    public var maxItems: Int?

    public init() {}

    /// Default text limits when the form gives none: the case document's limits.
    public static let defaultTextLength = 1000
    public static let defaultLongTextLength = 1_000_000
    /// Longest typed answer accepted for the other question types (dates, numbers, choices).
    public static let otherInputLength = 200

    /// The character limit that applies to answers of `type`.
    public func effectiveMaxLength(for type: QuestionType) -> Int {
        switch type {
        case .text: maxLength ?? Self.defaultTextLength
        case .longText: maxLength ?? Self.defaultLongTextLength
        default: Self.otherInputLength
        }
    }
}
