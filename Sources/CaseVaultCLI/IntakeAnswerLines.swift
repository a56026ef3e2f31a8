import CaseStore
import Intake

/// The intake answers of a case as `case show` lists them: every answer the intake took, under
/// the form's own section titles, each labelled by its question and its value in the user's
/// language (choice labels, yes/no, dates the language's way); perpetrators under their
/// "Alleged perpetrator 1, 2…" headings. Questions the form no longer has are listed by id
/// under "other answers", so nothing recorded is hidden.
struct IntakeAnswerLines {
    let form: FormDefinition
    let localizer: Localizer
    let messages: Messages
    let answers: CaseAnswers

    /// The form that asked the questions (the embedded one); nil if it cannot be read.
    static func standardForm() -> FormDefinition? {
        guard let catalogs = try? IntakeResources.catalogs() else { return nil }
        return try? IntakeResources.form(catalogs: catalogs)
    }

    /// `question`'s line, or lines for a several-line text; empty when it has no answer.
    func lines(_ question: Question, indent: String = "  ") -> [String] {
        guard let answer = answers.answers[question.id] else { return [] }
        return lines(label: localizer.text(question.prompt), answer: answer, question: question, indent: indent)
    }

    func lines(label: String, answer: CaseAnswers.Answer, question: Question?, indent: String) -> [String] {
        switch answer {
        case .raw(let text):
            return [indent + label + " → " + TerminalSafeText.escaped(text)]
        case .value(.text(let text)) where text.contains("\n"):
            return [indent + label + " →"] + TerminalSafeText.escapedLines(text).map { indent + "    " + $0 }
        case .value(.group(let items)):
            guard let question else { return [indent + label + " → " + localizer.formats.format(items.count)] }
            return [indent + label + " → " + localizer.formats.format(items.count)] + groupLines(question, items: items, indent: indent)
        case .value(let value):
            let shown = question.map { localizer.display(value, for: $0) } ?? plain(value)
            return [indent + label + " → " + TerminalSafeText.escaped(shown)]
        }
    }

    /// Each item of a group under its heading (`Alleged perpetrator 1`), its answers below.
    func groupLines(_ group: Question, items: [[String: AnswerValue]], indent: String) -> [String] {
        var lines: [String] = []
        for (index, item) in items.enumerated() {
            let title = group.itemTitle.map { localizer.text($0, ["index": .integer(index + 1)]) } ?? localizer.formats.format(index + 1)
            lines.append(indent + title)
            for question in group.questions {
                guard let value = item[question.id] else { continue }
                lines += self.lines(label: localizer.text(question.prompt), answer: .value(value), question: question, indent: indent + "  ")
            }
        }
        return lines
    }

    /// A value with no question to label its choices (a question the form no longer has).
    func plain(_ value: AnswerValue) -> String {
        switch value {
        case .text(let text): text
        case .date(let day): localizer.formats.format(day)
        case .number(let number): localizer.formats.format(number)
        case .choice(let id): id
        case .choices(let ids): ids.joined(separator: ", ")
        case .yesNo(let flag): localizer.text(flag ? "answer.yes" : "answer.no")
        case .group(let items): localizer.formats.format(items.count)
        }
    }

    /// The sections in the order a worker reads a case (the form's order, consent last), each
    /// with the answers not already shown (`shown`: the safety panel's questions).
    func sections(excluding shown: Set<String>, incidentType: IncidentType?) -> [String] {
        let ordered = form.sections.filter { $0.id != "consent" } + form.sections.filter { $0.id == "consent" }
        var result: [String] = []
        for section in ordered {
            var body = section.questions.filter { !shown.contains($0.id) }.flatMap { lines($0) }
            if section.id == "incident", let incidentType {
                body.insert("  " + messages("cli.case.label.type") + " → " + messages.label(incidentType), at: 0)
            }
            guard !body.isEmpty else { continue }
            result += ["", localizer.text(section.title)] + body
        }
        let known = Set(form.allQuestions.map(\.id))
        let others = answers.answers.keys.filter { !known.contains($0) }.sorted()
        if !others.isEmpty {
            result += ["", messages("cli.case.section.other_answers")]
            for id in others {
                guard let answer = answers.answers[id] else { continue }
                result += lines(label: TerminalSafeText.escaped(id), answer: answer, question: nil, indent: "  ")
            }
        }
        return result
    }
}
