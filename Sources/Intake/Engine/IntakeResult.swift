import Foundation

/// A confirmed intake: every answer, the derived GBV incident type, and the case-document
/// fields the form maps answers to. Intake does not know CaseStore; `documentJSON` gives the
/// document in the JSON that `casevault case create --from` reads (docs/case-document.md).
public struct IntakeResult: Equatable, Sendable, Codable {
    public let formID: String
    public let formVersion: Int
    /// Answers by question id; a repeatable group's answer is `.group` with one dictionary per
    /// item. Skipped questions and questions not asked are absent.
    public let answers: [String: AnswerValue]
    /// The GBVIMS type from the classification questions (nil for a form without them).
    public let incidentType: GBVType?
    /// Case-document values by dotted key (`survivor.name`, `incident.type`, `consent.statistics`).
    public let documentFields: [String: DocumentValue]

    /// The case document as JSON: `{"survivor": {...}, "incident": {...}, "consent": {...}}`.
    public func documentJSON() throws -> Data {
        var nested: [String: [String: DocumentValue]] = [:]
        for (key, value) in documentFields {
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            nested[parts[0], default: [:]][parts[1]] = value
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(nested)
    }
}

/// A case-document value: text (dates as ISO `YYYY-MM-DD`, choices as their ids) or a flag.
public enum DocumentValue: Equatable, Sendable, Codable {
    case text(String)
    case flag(Bool)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .flag(flag)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .flag(let flag): try container.encode(flag)
        }
    }
}
