import Foundation

/// A case as outside systems exchange it (docs/case-document.md). The JSON key names are a
/// contract with other tools and never change. Everything in it is sealed at rest.
public struct CaseDocument: Codable, Equatable, Sendable {
    public var survivor: Survivor
    public var incident: Incident
    public var consent: Consent
    /// Every answer of the intake form that produced the case, by question id (absent for imports).
    public var intake: [String: String]?
    /// Notes, follow-ups, referrals, plan and closure added while the case is worked on.
    public var work: CaseWork?

    public init(survivor: Survivor, incident: Incident = Incident(), consent: Consent,
                intake: [String: String]? = nil, work: CaseWork? = nil) {
        self.survivor = survivor
        self.incident = incident
        self.consent = consent
        self.intake = intake
        self.work = work
    }

    /// `incident` may be left out at first contact; `survivor` and `consent` may not.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        survivor = try container.decode(Survivor.self, forKey: .survivor)
        incident = try container.decodeIfPresent(Incident.self, forKey: .incident) ?? Incident()
        consent = try container.decode(Consent.self, forKey: .consent)
        intake = try container.decodeIfPresent([String: String].self, forKey: .intake)
        work = try container.decodeIfPresent(CaseWork.self, forKey: .work)
    }

    /// Who the case is about. `name` is required; the rest may be unknown at first contact.
    public struct Survivor: Codable, Equatable, Sendable {
        public var name: String
        public var phone: String?
        /// ISO 8601 calendar date, `YYYY-MM-DD`.
        public var birthDate: String?
        public var sex: Sex?
        public var municipality: String?
        /// Language of service, a BCP 47 tag such as `sr-Cyrl` or `rom`.
        public var language: String?

        public init(name: String, phone: String? = nil, birthDate: String? = nil, sex: Sex? = nil,
                    municipality: String? = nil, language: String? = nil) {
            self.name = name
            self.phone = phone
            self.birthDate = birthDate
            self.sex = sex
            self.municipality = municipality
            self.language = language
        }
    }

    /// The reported incident.
    public struct Incident: Codable, Equatable, Sendable {
        /// ISO 8601 calendar date, `YYYY-MM-DD`.
        public var date: String?
        /// The account in the survivor's words.
        public var narrative: String?
        public var type: IncidentType?

        public init(date: String? = nil, narrative: String? = nil, type: IncidentType? = nil) {
            self.date = date
            self.narrative = narrative
            self.type = type
        }
    }

    /// Consents the survivor gave.
    public struct Consent: Codable, Equatable, Sendable {
        /// Whether non-identifying facts of this case may enter anonymous statistics.
        public var statistics: Bool
        /// The referral services the survivor agreed her information may be shared with.
        public var sharing: [ReferralService]?

        public init(statistics: Bool, sharing: [ReferralService]? = nil) {
            self.statistics = statistics
            self.sharing = sharing
        }
    }
}

/// Sex of the survivor as GBVIMS records it.
public enum Sex: String, Codable, CaseIterable, Sendable {
    case female, male, other, unknown
}

/// The six GBVIMS incident types plus "not GBV" (domain.md).
public enum IncidentType: String, Codable, CaseIterable, Sendable {
    case rape
    case sexualAssault = "sexual_assault"
    case physicalAssault = "physical_assault"
    case forcedMarriage = "forced_marriage"
    case denialOfResources = "denial_of_resources"
    case psychologicalAbuse = "psychological_abuse"
    case nonGBV = "non_gbv"
}
