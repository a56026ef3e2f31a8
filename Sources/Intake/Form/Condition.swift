import Foundation

/// When a question is skipped (`skipIf` in the form file). A condition looks only at answers
/// of questions asked before it; a question that was skipped or not asked equals nothing.
///
/// JSON forms: `{"question": Q, "equals": V}`, `{"question": Q, "notEquals": V}`,
/// `{"question": Q, "in": [V, ...]}`, `{"question": Q, "answered": true|false}`,
/// `{"all": [C, ...]}`, `{"any": [C, ...]}`, `{"not": C}`.
public indirect enum Condition: Equatable, Sendable {
    case equals(question: String, value: ConditionValue)
    case notEquals(question: String, value: ConditionValue)
    case isIn(question: String, values: [ConditionValue])
    case answered(question: String, Bool)
    case all([Condition])
    case any([Condition])
    case not(Condition)

    /// Whether the condition holds, given the answers visible to it.
    public func holds(_ answer: (String) -> AnswerValue?) -> Bool {
        switch self {
        case .equals(let question, let value): value.matches(answer(question))
        case .notEquals(let question, let value): !value.matches(answer(question))
        case .isIn(let question, let values): values.contains { $0.matches(answer(question)) }
        case .answered(let question, let expected): (answer(question) != nil) == expected
        case .all(let conditions): conditions.allSatisfy { $0.holds(answer) }
        case .any(let conditions): conditions.contains { $0.holds(answer) }
        case .not(let condition): !condition.holds(answer)
        }
    }
}

/// A literal in a condition: `true`/`false` for yes/no questions, a choice id (or text, or ISO
/// date) as a string, or a number.
public enum ConditionValue: Equatable, Sendable {
    case bool(Bool)
    case string(String)
    case number(Decimal)

    /// True when `answer` equals this value; for a multi-choice answer, when the choice is
    /// among those selected.
    func matches(_ answer: AnswerValue?) -> Bool {
        switch (self, answer) {
        case (.bool(let expected), .yesNo(let actual)?): expected == actual
        case (.string(let expected), .choice(let actual)?): expected == actual
        case (.string(let expected), .choices(let actual)?): actual.contains(expected)
        case (.string(let expected), .text(let actual)?): expected == actual
        case (.string(let expected), .date(let actual)?): expected == actual.iso
        case (.number(let expected), .number(let actual)?): expected == actual
        default: false
        }
    }
}
