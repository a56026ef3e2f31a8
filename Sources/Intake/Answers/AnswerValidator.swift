import Foundation

/// Checks a parsed or given answer against its question: the value's kind, the question's
/// validation rules, its choices, and date order against other answered date questions (a
/// `notAfter` rule is checked from both sides, whichever date is answered last).
struct AnswerValidator: Sendable {
    let form: FormDefinition
    let today: CalendarDay

    /// Checks `value` for `question`; `answer(id)` gives the current answer of a top-level question.
    func validate(_ value: AnswerValue, for question: Question, answer: (String) -> AnswerValue?) throws(AnswerProblem) {
        switch (question.type, value) {
        case (.text, .text(let text)), (.longText, .text(let text)):
            let limit = question.validation.effectiveMaxLength(for: question.type)
            guard !text.isEmpty else { throw .required }
            guard text.count <= limit else { throw .tooLong(limit: limit) }
            let multiline = question.type == .longText
            guard !text.unicodeScalars.contains(where: { InputText.isForbidden($0, multiline: multiline) }) else {
                throw .forbiddenCharacters
            }
        case (.number, .number(let number)):
            try checkNumber(number, question.validation)
        case (.repeatableGroup, .number(let number)):
            var rules = ValidationRules()
            rules.integer = true
            rules.minimum = Decimal(question.validation.minItems ?? (question.required ? 1 : 0))
            rules.maximum = Decimal(question.validation.maxItems ?? 0)
            try checkNumber(number, rules)
        case (.date, .date(let day)):
            try checkDate(day, question, answer: answer)
        case (.singleChoice, .choice(let id)):
            guard question.choice(id) != nil else { throw .unknownChoice(choiceCount: question.choices.count) }
        case (.multiChoice, .choices(let ids)):
            try checkChoices(ids, question)
        case (.yesNo, .yesNo):
            return
        default:
            throw .wrongValueType
        }
    }

    func checkNumber(_ number: Decimal, _ rules: ValidationRules) throws(AnswerProblem) {
        if rules.integer {
            var value = number
            var rounded = Decimal()
            NSDecimalRound(&rounded, &value, 0, .plain)
            guard rounded == number else { throw .notAnInteger }
        }
        if let minimum = rules.minimum, number < minimum { throw .numberTooSmall(minimum) }
        if let maximum = rules.maximum, number > maximum { throw .numberTooLarge(maximum) }
    }

    func checkDate(_ day: CalendarDay, _ question: Question, answer: (String) -> AnswerValue?) throws(AnswerProblem) {
        if question.validation.notInFuture, day > today { throw .dateInFuture }
        if let otherID = question.validation.notAfter, let other = form.question(otherID),
           case .date(let limit)? = answer(otherID), day > limit {
            throw .dateAfter(limit, question: other.prompt)
        }
        for other in form.allQuestions where other.validation.notAfter == question.id {
            if case .date(let earlier)? = answer(other.id), earlier > day {
                throw .dateBefore(earlier, question: other.prompt)
            }
        }
    }

    func checkChoices(_ ids: [String], _ question: Question) throws(AnswerProblem) {
        guard !ids.isEmpty else { throw .required }
        guard Set(ids).count == ids.count else { throw .wrongValueType }
        for id in ids {
            guard let choice = question.choice(id) else { throw .unknownChoice(choiceCount: question.choices.count) }
            if choice.exclusive, ids.count > 1 { throw .exclusiveChoice(label: choice.label) }
        }
    }
}
