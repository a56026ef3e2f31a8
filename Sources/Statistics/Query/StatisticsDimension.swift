import CaseStore

/// A dimension statistics can break counts down by: its stable command-line id
/// (docs/statistics.md), its categories, and what one count counts. Incident dimensions count
/// incidents; perpetrator and referral dimensions count perpetrators and referrals; a flag set
/// (context, reported elsewhere, services requested) counts mentions, one per flag an incident has.
public struct StatisticsDimension: Sendable {
    /// What one count of a table counts.
    public enum Unit: String, Sendable {
        case incidents, perpetrators, referrals, mentions
    }

    public let id: String
    public let unit: Unit
    /// Category ids in display order; empty for a month dimension, whose categories are months.
    public let categories: [String]
    /// The flag set a mentions dimension counts.
    let set: FactSet?
    /// The category position of item `item` of a fact (nil: not counted).
    let value: @Sendable (CaseFacts, Int) -> Int?

    /// Whether the categories are calendar months (`report-month`, `incident-month`).
    public var isMonth: Bool { categories.isEmpty }

    /// How many items of `facts` this dimension's unit counts.
    func items(_ facts: CaseFacts) -> Int {
        switch unit {
        case .incidents: 1
        case .perpetrators: facts.perpetrators.count
        case .referrals: facts.referrals.count
        case .mentions: set.map { facts.sets[$0.rawValue].nonzeroBitCount } ?? 0
        }
    }

    /// The incident months have no "unknown" category; this is the value of a missing month.
    static let unknownMonth = (1 << 20) - 1

    /// Every dimension, in the order docs/statistics.md lists them.
    public static let all: [StatisticsDimension] = {
        var all: [StatisticsDimension] = [
            StatisticsDimension(id: "report-month", unit: .incidents, categories: [], set: nil) { facts, _ in facts.reportMonth.index },
            StatisticsDimension(id: "incident-month", unit: .incidents, categories: [], set: nil) { facts, _ in
                facts.incidentMonth?.index ?? unknownMonth
            },
        ]
        let fieldIDs: [(FactField, String)] = [
            (.incidentType, "incident-type"), (.ageGroup, "age-group"), (.sex, "sex"), (.ethnicity, "ethnicity"),
            (.residence, "municipality"), (.incidentMunicipality, "incident-municipality"), (.language, "language"),
            (.maritalStatus, "marital-status"), (.disability, "disability"), (.displacement, "displacement"),
            (.timeOfDay, "time-of-day"), (.place, "place"), (.previousIncidents, "previous-incidents"),
            (.perpetratorCount, "perpetrator-count"), (.immediateDanger, "immediate-danger"), (.weapons, "weapons"),
            (.threatsToKill, "threats-to-kill"), (.status, "case-status"), (.delay, "delay"),
        ]
        for (field, id) in fieldIDs {
            all.append(StatisticsDimension(id: id, unit: .incidents, categories: field.categories, set: nil) { facts, _ in Int(facts[field]) })
        }
        all.append(StatisticsDimension(id: "health-referral", unit: .incidents, categories: ["yes", "no"], set: nil) { facts, _ in
            facts.referrals.contains { ReferralField.service.categories[Int($0[.service])] == ReferralService.health.rawValue } ? 0 : 1
        })
        let perpetratorIDs: [(PerpetratorField, String)] = [(.sex, "perpetrator-sex"), (.ageGroup, "perpetrator-age-group"),
                                                            (.relationship, "perpetrator-relationship")]
        for (field, id) in perpetratorIDs {
            all.append(StatisticsDimension(id: id, unit: .perpetrators, categories: field.categories, set: nil) { facts, item in
                Int(facts.perpetrators[item][field])
            })
        }
        for (field, id) in [(ReferralField.service, "referral-service"), (ReferralField.status, "referral-status")] {
            all.append(StatisticsDimension(id: id, unit: .referrals, categories: field.categories, set: nil) { facts, item in
                Int(facts.referrals[item][field])
            })
        }
        for (set, id) in [(FactSet.context, "context"), (FactSet.reportedElsewhere, "reported-elsewhere"),
                          (FactSet.servicesRequested, "service-requested")] {
            all.append(StatisticsDimension(id: id, unit: .mentions, categories: set.categories, set: set) { facts, item in
                flag(facts.sets[set.rawValue], item)
            })
        }
        return all
    }()

    /// The dimension with this id.
    public static func named(_ id: String) -> StatisticsDimension? { all.first { $0.id == id } }

    /// The position of the `item`-th set bit of `bits`.
    static func flag(_ bits: UInt16, _ item: Int) -> Int? {
        var seen = 0
        for bit in 0..<16 where bits & (1 << bit) != 0 {
            if seen == item { return bit }
            seen += 1
        }
        return nil
    }
}
