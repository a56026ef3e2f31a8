extension Localizer {
    /// An answer as this language shows it in a review: choice labels, `Da`/`Ne`, dates and
    /// numbers in the language's notation; a group as its number of items.
    public func display(_ value: AnswerValue, for question: Question) -> String {
        switch value {
        case .text(let text): return text
        case .date(let day): return formats.format(day)
        case .number(let number): return formats.format(number)
        case .yesNo(let flag): return text(flag ? "answer.yes" : "answer.no")
        case .choice(let id): return question.choice(id).map { text($0.label) } ?? id
        case .choices(let ids): return ids.map { id in question.choice(id).map { text($0.label) } ?? id }.joined(separator: ", ")
        case .group(let items): return formats.format(items.count)
        }
    }
}
