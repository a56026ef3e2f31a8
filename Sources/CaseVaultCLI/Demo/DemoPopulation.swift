import CaseStore

/// How the demo cases are spread (domain.md): where survivors live, which community and
/// language of service, how old they are, and which GBVIMS incident type was recorded. The
/// weights are plausible for a Rasina district group and a Mitrovica region association;
/// they are illustrations, not statistics.
enum DemoPopulation {
    /// The community a fictional survivor belongs to: it decides the name list and the language.
    enum Community {
        case serbian, roma, albanian, foreign
    }

    /// Rasina district municipalities (form choice ids), roughly by population.
    static let rasina: [(String, Int)] = [
        ("krusevac", 46), ("trstenik", 16), ("aleksandrovac", 10), ("varvarin", 9), ("brus", 8), ("cicevac", 5),
    ]

    /// Mitrovica region municipalities (form choice ids).
    static let mitrovica: [(String, Int)] = [
        ("mitrovica_south", 22), ("mitrovica_north", 18), ("vucitrn", 15), ("srbica", 11), ("zvecan", 9),
        ("leposavic", 9), ("zubin_potok", 6), ("other", 3),
    ]

    /// Municipalities where most residents are Albanian.
    static let albanianMajority: Set<String> = ["mitrovica_south", "vucitrn", "srbica"]

    /// A municipality: six in ten cases from the Rasina district, the rest from Mitrovica.
    static func municipality(_ random: inout SeededRandom) -> String {
        random.chance(60) ? random.weighted(rasina) : random.weighted(mitrovica)
    }

    static func community(in municipality: String, _ random: inout SeededRandom) -> Community {
        if albanianMajority.contains(municipality) {
            return random.weighted([(.albanian, 78), (.roma, 14), (.serbian, 5), (.foreign, 3)])
        }
        return random.weighted([(.serbian, 78), (.roma, 18), (.foreign, 4)])
    }

    /// The language of service (BCP 47, as the intake stores it).
    static func language(for community: Community, _ random: inout SeededRandom) -> String {
        switch community {
        case .serbian: random.chance(55) ? "sr-Cyrl" : "sr-Latn"
        case .roma: random.chance(60) ? "rom" : "sr-Latn"
        case .albanian: random.chance(85) ? "sq" : "en"
        case .foreign: "en"
        }
    }

    static func sex(_ random: inout SeededRandom) -> Sex {
        random.weighted([(.female, 91), (.male, 7), (.unknown, 2)])
    }

    /// An age between 16 and 75, most survivors between 18 and 60.
    static func age(_ random: inout SeededRandom) -> Int {
        let band = random.weighted([(16...17, 4), (18...24, 16), (25...34, 26), (35...44, 24), (45...59, 20), (60...75, 10)])
        return random.int(in: band)
    }

    /// Psychological and physical violence most often, rape and sexual assault less, some not GBV.
    static func incidentType(_ random: inout SeededRandom) -> IncidentType {
        random.weighted([(.psychologicalAbuse, 34), (.physicalAssault, 27), (.denialOfResources, 10), (.sexualAssault, 8),
                         (.rape, 6), (.forcedMarriage, 4), (.nonGBV, 11)])
    }

    /// Days between the incident and the report, across every reporting-delay bucket of the statistics.
    static func reportingDelay(_ random: inout SeededRandom) -> Int {
        let bucket = random.weighted([(0...3, 22), (4...5, 8), (6...14, 15), (15...30, 16), (31...364, 39)])
        return random.int(in: bucket)
    }

    /// The services the survivor agreed her information may be shared with (possibly none).
    static func sharing(_ random: inout SeededRandom) -> [ReferralService] {
        guard !random.chance(12) else { return [] }
        let likelihood: [(ReferralService, Int)] = [
            (.psychosocial, 70), (.legal, 50), (.health, 40), (.socialWelfare, 40), (.safety, 25), (.police, 25), (.livelihood, 20),
        ]
        return likelihood.compactMap { service, percent in random.chance(percent) ? service : nil }
    }

    /// The services a caseworker would think of first for an incident type.
    static func likelyServices(for type: IncidentType?) -> [ReferralService] {
        switch type {
        case .rape?, .sexualAssault?: [.health, .psychosocial, .legal]
        case .physicalAssault?: [.health, .police, .safety]
        case .forcedMarriage?: [.socialWelfare, .safety, .legal]
        case .denialOfResources?: [.legal, .livelihood, .socialWelfare]
        case .psychologicalAbuse?: [.psychosocial, .legal]
        case .nonGBV?, nil: [.socialWelfare, .legal]
        }
    }

    static func closureReason(_ random: inout SeededRandom) -> ClosureReason {
        random.weighted([(.needsMet, 40), (.referredOn, 20), (.noContact, 15), (.survivorRequest, 12), (.relocated, 8), (.other, 5)])
    }
}
