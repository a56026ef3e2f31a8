import CaseStore
import Foundation
import Intake

/// The intake answers a case keeps (`CaseDocument.intake`: question id → the answer as JSON
/// text, see `IntakeCaseDocument`), read back as values so `case show` can label them in the
/// user's language and print them in JSON as JSON.
struct CaseAnswers {
    /// An answer as stored: a value the intake engine wrote, or (for imported documents) any
    /// other text, kept as it is.
    enum Answer: Equatable {
        case value(AnswerValue)
        case raw(String)
    }

    /// `gbv_intake v1`: the form and version that asked the questions, if recorded.
    let form: String?
    let answers: [String: Answer]

    init(_ intake: [String: String]?) {
        var answers: [String: Answer] = [:]
        for (question, stored) in intake ?? [:] where question != "form" {
            if let value = try? JSONDecoder().decode(AnswerValue.self, from: Data(stored.utf8)) {
                answers[question] = .value(value)
            } else {
                answers[question] = .raw(stored)
            }
        }
        form = intake?["form"]
        self.answers = answers
    }

    /// The answer to `question`, if the intake recorded one.
    func value(_ question: String) -> AnswerValue? {
        guard case .value(let value)? = answers[question] else { return nil }
        return value
    }

    /// Whether the intake recorded that the survivor is in immediate danger.
    var immediateDanger: Bool { value(SafetyPanel.immediateDanger) == .yesNo(true) }
}

/// An intake answer as a plain JSON value: text, dates (`YYYY-MM-DD`) and single choices (their
/// id) as strings, several choices as an array of ids, yes/no as a boolean, a number as a
/// number, a repeatable group (perpetrators) as an array of objects, one per item.
enum AnswerJSON: Encodable {
    case answer(CaseAnswers.Answer)

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .answer(.raw(let text)): try container.encode(text)
        case .answer(.value(let value)): try Self.encode(value, into: &container)
        }
    }

    static func encode(_ value: AnswerValue, into container: inout any SingleValueEncodingContainer) throws {
        switch value {
        case .text(let text): try container.encode(text)
        case .date(let day): try container.encode(day.iso)
        case .number(let number): try container.encode(number)
        case .choice(let id): try container.encode(id)
        case .choices(let ids): try container.encode(ids)
        case .yesNo(let flag): try container.encode(flag)
        case .group(let items): try container.encode(items.map { $0.mapValues { AnswerJSON.answer(.value($0)) } })
        }
    }
}
