import Intake

/// One example of every `AnswerProblem` case (add new cases here).
enum AnswerProblemExamples {
    static let all: [AnswerProblem] = [
        .required, .cannotSkipRequired, .tooLong(limit: 5), .forbiddenCharacters, .invalidEncoding, .invalidDate,
        .dateInFuture, .dateAfter(CalendarDay.epochForTests, question: "q.report_date"),
        .dateBefore(CalendarDay.epochForTests, question: "q.incident_date"), .notANumber, .notAnInteger,
        .numberTooSmall(1), .numberTooLarge(2), .unknownChoice(choiceCount: 3), .ambiguousChoice(matches: "a; b"), .exclusiveChoice(label: "choice.service.none"),
        .notYesNo, .wrongValueType, .notReached, .finished,
    ]
}

extension CalendarDay {
    static let epochForTests = CalendarDay(year: 2026, month: 3, day: 21) ?? CalendarDay.today()
}
