import Foundation
import Transliteration

/// Reads a typed (already cleaned, non-empty) answer as the active language writes it: dates
/// and numbers per `LocaleFormats`, yes/no by the catalog's `answer.yes_words`/`answer.no_words`,
/// choices by their number in the list, their label, their id, or the start of their label's
/// words when only one choice fits ("sigurna kuca", "bezb"). Words and labels are compared by
/// `NameFolding`, so case, script (Cyrillic/Latin) and diacritics do not matter.
struct AnswerParser: Sendable {
    let localizer: Localizer

    func parse(_ text: String, for question: Question) throws(AnswerProblem) -> AnswerValue {
        switch question.type {
        case .text, .longText:
            return .text(text)
        case .date:
            guard let day = localizer.formats.parseDate(text) else { throw .invalidDate }
            return .date(day)
        case .number, .repeatableGroup:
            guard let number = localizer.formats.parseNumber(text) else { throw .notANumber }
            return .number(number)
        case .yesNo:
            return .yesNo(try yesNo(text))
        case .singleChoice:
            return .choice(try choice(text, in: question).id)
        case .multiChoice:
            return .choices(try choices(text, in: question))
        }
    }

    func words(_ id: String) -> Set<String> {
        Set(localizer.text(id).split(separator: "|").map { NameFolding.searchKey(String($0)) })
    }

    func yesNo(_ text: String) throws(AnswerProblem) -> Bool {
        let key = NameFolding.searchKey(text)
        if words("answer.yes_words").contains(key) { return true }
        if words("answer.no_words").contains(key) { return false }
        throw .notYesNo
    }

    /// The choice `text` names: its 1-based number, its label in this language, its id, or the
    /// one choice whose label has a run of words starting with the typed words. Several such
    /// choices: `.ambiguousChoice` with their labels; none: `.unknownChoice`.
    func choice(_ text: String, in question: Question) throws(AnswerProblem) -> Choice {
        let unknown = AnswerProblem.unknownChoice(choiceCount: question.choices.count)
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard let number = Int(trimmed), (1...question.choices.count).contains(number) else { throw unknown }
            return question.choices[number - 1]
        }
        let typed = NameFolding.words(trimmed)
        guard !typed.isEmpty else { throw unknown }
        let key = typed.joined(separator: " ")
        if let exact = question.choices.first(where: { NameFolding.searchKey(localizer.text($0.label)) == key })
            ?? question.choices.first(where: { $0.id == trimmed }) {
            return exact
        }
        let fitting = question.choices.filter { Self.words(typed, begin: NameFolding.words(localizer.text($0.label))) }
        guard let only = fitting.first else { throw unknown }
        guard fitting.count == 1 else {
            throw .ambiguousChoice(matches: fitting.map { localizer.text($0.label) }.joined(separator: "; "))
        }
        return only
    }

    /// Whether `typed` are the beginnings of consecutive words of `label` (all folded).
    static func words(_ typed: [String], begin label: [String]) -> Bool {
        guard typed.count <= label.count else { return false }
        return (0...(label.count - typed.count)).contains { start in
            typed.indices.allSatisfy { label[start + $0].hasPrefix(typed[$0]) }
        }
    }

    /// Several choices: numbers separated by commas or spaces (`1, 3` or `1 3`), or labels
    /// separated by commas. Returned once each, in list order.
    func choices(_ text: String, in question: Question) throws(AnswerProblem) -> [String] {
        let numbersOnly = text.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "," || $0 == ";" || $0 == " " }
        let separators: Set<Character> = numbersOnly ? [",", ";", " "] : [",", ";"]
        var chosen = Set<String>()
        for token in text.split(whereSeparator: { separators.contains($0) }) {
            let part = token.trimmingCharacters(in: .whitespaces)
            guard !part.isEmpty else { continue }
            chosen.insert(try choice(part, in: question).id)
        }
        return question.choices.map(\.id).filter(chosen.contains)
    }
}
