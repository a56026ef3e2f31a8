import Foundation
import Intake

/// `intake --answers FILE.json`: a JSON object from question id (`survivor_name`, or
/// `perpetrators[1].perpetrator_sex` inside a group; the group's own id takes the item count) to
/// a value: text, number, true/false, or a list of choice ids. The same engine validates every
/// answer; a question with no value is skipped if optional and an error if required, and a value
/// for a question that was never asked is an error, so nothing in the file is silently dropped.
enum AnswersFile {
    static func answer(_ engine: inout IntakeEngine, from path: String, messages: Messages) throws -> IntakeResult {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError(message: messages("cli.intake.cannot_read", ["path": path])) }
        return try answer(&engine, data: data, messages: messages)
    }

    /// The same for the file's bytes (also the fuzz target's entry, `CLIFuzzing.answersFile`).
    static func answer(_ engine: inout IntakeEngine, data: Data, messages: Messages) throws -> IntakeResult {
        guard let object = try? JSONDecoder().decode([String: FileValue].self, from: data) else {
            throw CLIError(message: messages("cli.intake.answers.not_json"))
        }
        var unused = Set(object.keys)
        while let step = engine.current {
            let key = step.path.description
            unused.remove(key)
            do {
                if let value = object[key] {
                    try engine.answer(input(value, for: step))
                } else if step.question.required {
                    throw CLIError(message: messages("cli.intake.answers.missing", ["question": key]))
                } else {
                    try engine.skip()
                }
            } catch let error as AnswerError {
                let problem = messages.localizer?.render(error.message) ?? error.problem.message.id
                throw CLIError(message: messages("cli.intake.answers.bad", ["question": key, "problem": problem]))
            }
        }
        guard unused.isEmpty else {
            throw CLIError(message: messages("cli.intake.answers.unused", ["questions": unused.sorted().map(TerminalSafeText.escaped).joined(separator: ", ")]))
        }
        return try engine.confirm()
    }

    /// A value as engine input: lists are choice ids, booleans yes/no, numbers decimals, strings
    /// typed text (dates in ISO form are accepted in every language; a choice may be its id).
    static func input(_ value: FileValue, for step: IntakeStep) -> AnswerInput {
        switch value {
        case .list(let ids): return .value(.choices(ids))
        case .flag(let flag): return .value(.yesNo(flag))
        case .number(let number): return .value(.number(number))
        case .text(let text):
            if step.question.type == .singleChoice, step.question.choice(text) != nil { return .value(.choice(text)) }
            return .typed(text)
        }
    }

    /// One value of the answers file.
    enum FileValue: Decodable {
        case text(String)
        case number(Decimal)
        case flag(Bool)
        case list([String])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) {
                self = .flag(flag)
            } else if let number = try? container.decode(Decimal.self) {
                self = .number(number)
            } else if let text = try? container.decode(String.self) {
                self = .text(text)
            } else {
                self = .list(try container.decode([String].self))
            }
        }
    }
}
