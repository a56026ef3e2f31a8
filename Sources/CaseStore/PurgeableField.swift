/// A field that can be purged from a case and from every earlier version of it, with the
/// document fields and intake answers (by question id, `Forms/gbv_intake.json`) that hold the
/// same data. Stable raw values: they are recorded in the audit trail.
public enum PurgeableField: String, CaseIterable, Sendable, Codable {
    /// The incident account in the survivor's words.
    case narrative
    /// The survivor's phone number and whether it is safe to call or leave a message on it.
    case phone
    /// The survivor's birth date.
    case birthDate = "birth_date"
    /// Every note on the case, and the notes of its follow-ups (their due days stay).
    case notes
    /// The case action plan.
    case plan

    /// The document fields removed, as docs/case-document.md names them.
    public var documentFields: [String] {
        switch self {
        case .narrative: ["incident.narrative"]
        case .phone: ["survivor.phone"]
        case .birthDate: ["survivor.birthDate"]
        case .notes: ["work.notes", "work.followUps.note"]
        case .plan: ["work.plan"]
        }
    }

    /// The intake answers removed, by question id.
    public var intakeAnswers: [String] {
        switch self {
        case .narrative: ["incident_narrative"]
        case .phone: ["phone", "safe_to_call", "safe_to_leave_message"]
        case .birthDate: ["birth_date", "birth_date_known"]
        case .notes, .plan: []
        }
    }

    /// Removes the field and its intake answers from `document`, keeping everything else.
    func remove(from document: inout CaseDocument) {
        switch self {
        case .narrative: document.incident.narrative = nil
        case .phone: document.survivor.phone = nil
        case .birthDate: document.survivor.birthDate = nil
        case .notes:
            document.work?.notes = []
            for index in document.work?.followUps.indices ?? 0..<0 { document.work?.followUps[index].note = nil }
        case .plan: document.work?.plan = nil
        }
        for answer in intakeAnswers { document.intake?[answer] = nil }
    }
}
