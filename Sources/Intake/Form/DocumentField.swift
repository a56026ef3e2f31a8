/// The case-document keys an intake fills (docs/case-document.md). A question names one with
/// `documentField`; `incident.type` is derived by the classifier and cannot be named.
public enum DocumentField: String, CaseIterable, Codable, Sendable {
    case survivorName = "survivor.name"
    case survivorPhone = "survivor.phone"
    case survivorBirthDate = "survivor.birthDate"
    case survivorSex = "survivor.sex"
    case survivorMunicipality = "survivor.municipality"
    case survivorLanguage = "survivor.language"
    case incidentDate = "incident.date"
    case incidentNarrative = "incident.narrative"
    case incidentType = "incident.type"
    case consentStatistics = "consent.statistics"

    /// Question types whose answers can fill this field; empty for derived fields.
    public var acceptedTypes: Set<QuestionType> {
        switch self {
        case .survivorName, .survivorPhone: [.text]
        case .survivorBirthDate, .incidentDate: [.date]
        case .survivorSex, .survivorLanguage: [.singleChoice]
        case .survivorMunicipality: [.singleChoice, .text]
        case .incidentNarrative: [.longText, .text]
        case .consentStatistics: [.yesNo]
        case .incidentType: []
        }
    }

    /// Choice ids the field allows, when the case document restricts them.
    public var allowedChoices: Set<String>? {
        self == .survivorSex ? ["female", "male", "other", "unknown"] : nil
    }
}
