import Foundation

/// Why an answer, a skip or a confirmation was refused. Each problem has a catalog message
/// (`error.answer.*`), so the front can explain it in the user's language.
public enum AnswerProblem: Error, Equatable, Sendable {
    /// A required question was left empty (or is still unanswered at confirmation).
    case required
    /// Only optional questions can be skipped.
    case cannotSkipRequired
    /// Longer than the question allows (in characters).
    case tooLong(limit: Int)
    /// Control characters or Unicode text-direction overrides.
    case forbiddenCharacters
    /// The raw bytes are not valid UTF-8.
    case invalidEncoding
    /// Not a real day in a form the language reads (`31.02.2026.`).
    case invalidDate
    /// Later than today, for a date that must not be.
    case dateInFuture
    /// Later than the answer to another date question (`question` is its prompt id).
    case dateAfter(CalendarDay, question: String)
    /// Earlier than another date question's answer that must not be later than this one.
    case dateBefore(CalendarDay, question: String)
    case notANumber
    case notAnInteger
    case numberTooSmall(Decimal)
    case numberTooLarge(Decimal)
    /// Neither a listed number nor a choice's label (`choiceCount` choices are listed).
    case unknownChoice(choiceCount: Int)
    /// The typed words begin the labels of several choices (`matches`: those labels as the
    /// language shows them, separated by semicolons), so the user must say which.
    case ambiguousChoice(matches: String)
    /// An exclusive choice (its label message id) was combined with others.
    case exclusiveChoice(label: String)
    /// Not one of the language's yes/no words.
    case notYesNo
    /// A typed value of the wrong kind for the question (e.g. a date for a yes/no question).
    case wrongValueType
    /// The question of a `change` is not asked (yet or any more).
    case notReached
    /// Every question is answered: review or confirm.
    case finished

    /// The catalog message that explains the problem.
    public var message: LocalizedMessage {
        switch self {
        case .required: LocalizedMessage("error.answer.required")
        case .cannotSkipRequired: LocalizedMessage("error.answer.cannot_skip")
        case .tooLong(let limit): LocalizedMessage("error.answer.too_long", count: limit)
        case .forbiddenCharacters: LocalizedMessage("error.answer.forbidden_characters")
        case .invalidEncoding: LocalizedMessage("error.answer.invalid_encoding")
        case .invalidDate: LocalizedMessage("error.answer.invalid_date")
        case .dateInFuture: LocalizedMessage("error.answer.date_in_future")
        case .dateAfter(let day, let question):
            LocalizedMessage("error.answer.date_after", arguments: ["date": .date(day), "question": .message(question)])
        case .dateBefore(let day, let question):
            LocalizedMessage("error.answer.date_before", arguments: ["date": .date(day), "question": .message(question)])
        case .notANumber: LocalizedMessage("error.answer.not_a_number")
        case .notAnInteger: LocalizedMessage("error.answer.not_an_integer")
        case .numberTooSmall(let minimum): LocalizedMessage("error.answer.number_too_small", arguments: ["min": .number(minimum)])
        case .numberTooLarge(let maximum): LocalizedMessage("error.answer.number_too_large", arguments: ["max": .number(maximum)])
        case .unknownChoice(let count): LocalizedMessage("error.answer.unknown_choice", arguments: ["count": .integer(count)])
        case .ambiguousChoice(let matches): LocalizedMessage("error.answer.ambiguous_choice", arguments: ["choices": .text(matches)])
        case .exclusiveChoice(let label): LocalizedMessage("error.answer.exclusive_choice", arguments: ["choice": .message(label)])
        case .notYesNo:
            LocalizedMessage("error.answer.not_yes_no", arguments: ["yes": .message("answer.yes"), "no": .message("answer.no")])
        case .wrongValueType: LocalizedMessage("error.answer.wrong_type")
        case .notReached: LocalizedMessage("error.answer.not_reached")
        case .finished: LocalizedMessage("error.answer.finished")
        }
    }
}

/// An answer, skip, change or confirmation the engine refused. The engine is left exactly as it
/// was: same question, every earlier answer kept. Never contains the refused text.
public struct AnswerError: Error, Equatable, Sendable {
    /// The question concerned, when there is one.
    public let path: AnswerPath?
    public let problem: AnswerProblem

    public init(path: AnswerPath?, problem: AnswerProblem) {
        self.path = path
        self.problem = problem
    }

    /// The explanation to show, in the user's language via `Localizer.render`.
    public var message: LocalizedMessage { problem.message }
}
