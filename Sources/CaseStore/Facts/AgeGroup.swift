/// The GBVIMS age groups of survivors and perpetrators. Statistics never carry an age or a
/// birth date, only one of these.
public enum AgeGroup: String, CaseIterable, Codable, Sendable {
    case upTo11 = "0-11"
    case from12To17 = "12-17"
    case from18To25 = "18-25"
    case from26To40 = "26-40"
    case from41To60 = "41-60"
    case from61 = "61+"
    case unknown

    /// The group of someone `age` full years old.
    public init(age: Int?) {
        switch age {
        case .some(0...11): self = .upTo11
        case .some(12...17): self = .from12To17
        case .some(18...25): self = .from18To25
        case .some(26...40): self = .from26To40
        case .some(41...60): self = .from41To60
        case .some(61...): self = .from61
        default: self = .unknown
        }
    }

    /// The group at the incident: from the birth date on the incident day when both are known,
    /// else from the age stated at the interview.
    public init(birthDate: CivilDay?, incidentDate: CivilDay?, statedAge: Int?) {
        if let birthDate, let incidentDate {
            self.init(age: incidentDate.age(bornOn: birthDate))
        } else {
            self.init(age: statedAge)
        }
    }
}
