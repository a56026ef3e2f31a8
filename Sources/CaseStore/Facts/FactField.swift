/// Something whose values are one of a fixed list of category ids.
public protocol FactCategories {
    /// Category ids in display order; a category's position is its stored value.
    var categories: [String] { get }
}

extension FactCategories {
    /// The position of `id` among the categories, else that of "unknown" (or 0).
    func index(of id: String?) -> UInt8 {
        let categories = categories
        if let id, let position = categories.firstIndex(of: id) { return UInt8(position) }
        return UInt8(categories.firstIndex(of: "unknown") ?? 0)
    }
}

/// The single-valued facts of an incident, each with its stable category ids (the ids that
/// `casevault stats --where` takes and docs/statistics.md lists). The raw value is the field's
/// position in the sealed encoding and never changes; a category's position in `categories` is
/// its stored value, so categories are only ever appended.
public enum FactField: Int, CaseIterable, Sendable, FactCategories {
    case incidentType, ageGroup, sex, ethnicity, residence, incidentMunicipality, language, maritalStatus
    case disability, displacement, timeOfDay, place, previousIncidents, perpetratorCount
    case immediateDanger, weapons, threatsToKill, status, delay

    static let yesNoUnknown = ["yes", "no", "unknown"]
    static let municipalities = ["krusevac", "aleksandrovac", "brus", "varvarin", "trstenik", "cicevac", "mitrovica_south",
                                 "mitrovica_north", "vucitrn", "srbica", "leposavic", "zubin_potok", "zvecan", "other", "unknown"]

    /// Category ids in display order; "unknown" where an answer may be missing.
    public var categories: [String] { Self.table[rawValue] }

    private static let table = allCases.map(\.listed)

    private var listed: [String] {
        switch self {
        case .incidentType: IncidentType.allCases.map(\.rawValue) + ["unknown"]
        case .ageGroup: AgeGroup.allCases.map(\.rawValue)
        case .sex: Sex.allCases.map(\.rawValue)
        case .ethnicity: ["serb", "roma", "albanian", "bosniak", "ashkali", "egyptian", "other", "not_stated", "unknown"]
        case .residence, .incidentMunicipality: Self.municipalities
        case .language: ["sr", "rom", "sq", "en", "other", "unknown"]
        case .maritalStatus: ["single", "married", "cohabiting", "divorced", "separated", "widowed", "unknown"]
        case .disability, .previousIncidents, .immediateDanger, .weapons, .threatsToKill: Self.yesNoUnknown
        case .displacement: ["not_displaced", "idp", "refugee", "returnee", "unknown"]
        case .timeOfDay: ["morning", "afternoon", "evening_night", "unknown"]
        case .place: ["survivor_home", "perpetrator_home", "other_home", "street", "workplace", "school", "institution", "online", "other", "unknown"]
        case .perpetratorCount: ["1", "2", "3", "4+", "unknown"]
        case .status: ["open", "closed"]
        case .delay: ReportingDelay.allCases.map(\.rawValue)
        }
    }

}

/// The facts an incident can have several of at once, as a set of flags.
public enum FactSet: Int, CaseIterable, Sendable, FactCategories {
    /// Context flags: intimate partner violence, child sexual abuse, early marriage.
    case context
    /// Where else the incident was reported.
    case reportedElsewhere
    /// The services the survivor asked for.
    case servicesRequested

    public var categories: [String] { Self.table[rawValue] }

    private static let table = allCases.map(\.listed)

    private var listed: [String] {
        switch self {
        case .context: ["ipv", "child_sexual_abuse", "early_marriage"]
        case .reportedElsewhere: ["police", "social_welfare", "health", "other_organisation", "nowhere"]
        case .servicesRequested: ["psychosocial", "legal", "health", "safety_shelter", "police", "social_welfare", "livelihood", "none"]
        }
    }
}

/// The facts kept of each alleged perpetrator.
public enum PerpetratorField: Int, CaseIterable, Sendable, FactCategories {
    case sex, ageGroup, relationship

    public var categories: [String] { Self.table[rawValue] }

    private static let table = allCases.map(\.listed)

    private var listed: [String] {
        switch self {
        case .sex: Sex.allCases.map(\.rawValue)
        case .ageGroup: AgeGroup.allCases.map(\.rawValue)
        case .relationship: ["intimate_partner", "former_partner", "family_member", "acquaintance", "stranger", "authority_figure", "other", "unknown"]
        }
    }
}

/// The facts kept of each referral: the service and where it stands. The vault records a
/// referral when it is made and nothing after, so its status is "referred" until a later form
/// records outcomes.
public enum ReferralField: Int, CaseIterable, Sendable, FactCategories {
    case service, status

    public var categories: [String] { Self.table[rawValue] }

    private static let table = allCases.map(\.listed)

    private var listed: [String] {
        switch self {
        case .service: ReferralService.allCases.map(\.rawValue)
        case .status: ["referred", "unknown"]
        }
    }
}
