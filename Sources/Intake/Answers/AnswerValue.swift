import Foundation

/// A validated answer, independent of the language it was typed in: choices are stored by id,
/// dates as calendar days, numbers as decimals. Encodes as a one-key JSON object such as
/// `{"date": "2026-03-21"}` or `{"choices": ["legal", "health"]}`.
public enum AnswerValue: Equatable, Sendable, Codable {
    case text(String)
    case date(CalendarDay)
    case number(Decimal)
    case choice(String)
    case choices([String])
    case yesNo(Bool)
    /// The items of a repeatable group (only in `IntakeResult.answers`), each keyed by question id.
    case group([[String: AnswerValue]])

    enum CodingKeys: String, CodingKey {
        case text, date, number, choice, choices, yesNo, group
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected one key"))
        }
        switch key {
        case .text: self = .text(try container.decode(String.self, forKey: key))
        case .date: self = .date(try container.decode(CalendarDay.self, forKey: key))
        case .number:
            let text = try container.decode(String.self, forKey: key)
            guard let number = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), !number.isNaN else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not a number")
            }
            self = .number(number)
        case .choice: self = .choice(try container.decode(String.self, forKey: key))
        case .choices: self = .choices(try container.decode([String].self, forKey: key))
        case .yesNo: self = .yesNo(try container.decode(Bool.self, forKey: key))
        case .group: self = .group(try container.decode([[String: AnswerValue]].self, forKey: key))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let text): try container.encode(text, forKey: .text)
        case .date(let day): try container.encode(day, forKey: .date)
        case .number(let number): try container.encode(number.description, forKey: .number)
        case .choice(let id): try container.encode(id, forKey: .choice)
        case .choices(let ids): try container.encode(ids, forKey: .choices)
        case .yesNo(let flag): try container.encode(flag, forKey: .yesNo)
        case .group(let items): try container.encode(items, forKey: .group)
        }
    }
}
