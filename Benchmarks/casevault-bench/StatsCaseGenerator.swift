import CaseStore
import Foundation

/// Case documents as the intake front makes them, for the statistics benchmark: the base
/// document of `CaseGenerator` (a Serbian name, phone, a ~1 KiB narrative) with the mapped
/// fields set the way an intake sets them (municipality and language as choice ids), the facts
/// statistics count (incident type, sex, birth date or stated age, incident date before the
/// report date), every answer kept in `intake` in the stored form (question id → one-key JSON,
/// `{"choice":"roma"}`, `{"yesNo":true}`, `{"date":"2026-03-02"}`, `{"choices":[…]}`,
/// `{"group":[…]}`, Forms/gbv_intake.json), and for many cases referrals and a closure.
/// About 88% consent to statistics; report dates are spread evenly over the 24 months ending
/// with `lastMonth`. Fixed seed: the same documents every run (given the same `lastMonth`).
struct StatsCaseGenerator {
    static let consentPercent = 88
    static let months = 24

    let firstMonth: FactMonth
    let lastMonth: FactMonth
    private var base: CaseGenerator
    private var rng: SplitMix64
    private let encoder: JSONEncoder
    /// The last day any date may take (the build day).
    private let today: Int

    init(seed: UInt64, lastMonth: FactMonth, today: Date = Date()) {
        base = CaseGenerator(seed: seed)
        rng = SplitMix64(seed: seed &+ 10)
        self.lastMonth = lastMonth
        firstMonth = lastMonth.adding(-(Self.months - 1))
        encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys // as IntakeCaseDocument stores answers
        let parts = ISODay.format(today).split(separator: "-").compactMap { Int($0) }
        self.today = CivilDays.number(parts[0], parts[1], parts[2])
    }

    mutating func batch(_ count: Int) -> [CaseDocument] { (0..<count).map { _ in next() } }

    // MARK: distributions (weights, not percentages)

    static let incidentTypes: [(IncidentType?, Int)] = [
        (.physicalAssault, 30), (.psychologicalAbuse, 27), (.denialOfResources, 12), (.rape, 9), (.sexualAssault, 8),
        (.forcedMarriage, 3), (.nonGBV, 6), (nil, 5),
    ]
    static let ageGroups: [(ClosedRange<Int>, Int)] = [(3...11, 2), (12...17, 8), (18...25, 18), (26...40, 38), (41...60, 26), (61...85, 8)]
    static let municipalities: [(String, Int)] = [
        ("krusevac", 35), ("trstenik", 14), ("aleksandrovac", 8), ("brus", 5), ("varvarin", 5), ("cicevac", 3),
        ("mitrovica_south", 10), ("mitrovica_north", 6), ("vucitrn", 5), ("srbica", 3), ("leposavic", 2), ("zubin_potok", 1),
        ("zvecan", 2), ("other", 1),
    ]
    static let ethnicities: [(String, Int)] = [
        ("serb", 68), ("roma", 10), ("albanian", 12), ("bosniak", 3), ("ashkali", 1), ("egyptian", 1), ("other", 2), ("not_stated", 3),
    ]
    static let maritalStatuses: [(String, Int)] = [
        ("single", 22), ("married", 38), ("cohabiting", 12), ("divorced", 12), ("separated", 9), ("widowed", 4), ("unknown", 3),
    ]
    static let yesNoUnknownRare: [(String, Int)] = [("yes", 9), ("no", 84), ("unknown", 7)]
    static let displacements: [(String, Int)] = [("not_displaced", 86), ("idp", 8), ("refugee", 2), ("returnee", 2), ("unknown", 2)]
    static let times: [(String, Int)] = [("morning", 18), ("afternoon", 27), ("evening_night", 45), ("unknown", 10)]
    static let places: [(String, Int)] = [
        ("survivor_home", 52), ("perpetrator_home", 10), ("other_home", 6), ("street", 10), ("workplace", 5), ("school", 3),
        ("institution", 2), ("online", 5), ("other", 5),
    ]
    static let previous: [(String, Int)] = [("yes", 55), ("no", 35), ("unknown", 10)]
    static let weapons: [(String, Int)] = [("yes", 12), ("no", 80), ("unknown", 8)]
    static let threats: [(String, Int)] = [("yes", 22), ("no", 70), ("unknown", 8)]
    static let childrenAtRisk: [(String, Int)] = [("yes", 30), ("no", 55), ("unknown", 15)]
    static let reportedTo: [(String, Int)] = [("police", 60), ("social_welfare", 25), ("health", 15), ("other_organisation", 8)]
    static let services: [(String, Int)] = [
        ("psychosocial", 70), ("legal", 40), ("health", 25), ("safety_shelter", 10), ("police", 15), ("social_welfare", 25),
        ("livelihood", 10),
    ]
    static let perpetratorCounts: [(Int, Int)] = [(1, 82), (2, 13), (3, 4), (4, 1)]
    static let perpetratorSexes: [(String, Int)] = [("male", 88), ("female", 10), ("unknown", 2)]
    static let perpetratorAges: [(String, Int)] = [
        ("age_12_17", 3), ("age_18_25", 12), ("age_26_40", 40), ("age_41_60", 33), ("age_61_plus", 8), ("unknown", 4),
    ]
    static let relationships: [(String, Int)] = [
        ("intimate_partner", 45), ("former_partner", 15), ("family_member", 22), ("acquaintance", 8), ("stranger", 5),
        ("authority_figure", 1), ("other", 2), ("unknown", 2),
    ]
    /// Report → incident delay in days (nil: incident date unknown).
    static let delays: [(ClosedRange<Int>?, Int)] = [(0...3, 48), (4...5, 8), (6...14, 12), (15...30, 10), (31...730, 19), (nil, 3)]
    static let referralDelays: [(ClosedRange<Int>, Int)] = [(0...0, 40), (1...7, 35), (8...30, 20), (31...90, 5)]
    static let organisations = [
        "Centar za socijalni rad Kruševac", "Dom zdravlja Kruševac", "Opšta bolnica Kruševac", "Policijska uprava Kruševac",
        "Sigurna kuća Kruševac", "Besplatna pravna pomoć Trstenik", "Nacionalna služba za zapošljavanje", "Savetovalište za žene",
    ]
    static let typeQuestions: [(String, IncidentType)] = [
        ("type_rape", .rape), ("type_sexual_assault", .sexualAssault), ("type_physical_assault", .physicalAssault),
        ("type_forced_marriage", .forcedMarriage), ("type_denial_of_resources", .denialOfResources),
        ("type_psychological_abuse", .psychologicalAbuse),
    ]
    static let sharing: [(String, ReferralService)] = [
        ("consent_share_psychosocial", .psychosocial), ("consent_share_legal", .legal), ("consent_share_health", .health),
        ("consent_share_safety", .safety), ("consent_share_police", .police), ("consent_share_social_welfare", .socialWelfare),
        ("consent_share_livelihood", .livelihood),
    ]

    // MARK: one document

    mutating func next() -> CaseDocument {
        var document = base.next()
        var answers: [String: Answer] = [:]

        let consent = rng.chance(Self.consentPercent)
        let consentServices = rng.chance(95)
        answers["consent_services"] = .yesNo(consentServices)
        var shared: [ReferralService] = []
        if consentServices {
            for (question, service) in Self.sharing {
                let yes = rng.chance(70)
                answers[question] = .yesNo(yes)
                if yes { shared.append(service) }
            }
        }
        answers["consent_statistics"] = .yesNo(consent)
        document.consent = .init(statistics: consent, sharing: shared.sorted { $0.rawValue < $1.rawValue })

        // Report and incident dates.
        let month = firstMonth.adding(Int.random(in: 0..<Self.months, using: &rng))
        let firstDay = CivilDays.number(month.year, month.month, 1)
        let monthDays = CivilDays.number(month.adding(1).year, month.adding(1).month, 1) - firstDay
        let report = min(firstDay + Int.random(in: 0..<monthDays, using: &rng), today)
        answers["report_date"] = .date(CivilDays.iso(report))
        let incident = weighted(Self.delays).map { report - Int.random(in: $0, using: &rng) }
        document.incident.date = incident.map(CivilDays.iso)
        if let incident { answers["incident_date"] = .date(CivilDays.iso(incident)) }

        // The survivor.
        let survivorSex = document.survivor.sex ?? .female
        answers["survivor_name"] = .text(document.survivor.name)
        answers["survivor_sex"] = .choice(survivorSex.rawValue)
        let age = Int.random(in: weighted(Self.ageGroups), using: &rng)
        let onDay = incident ?? report
        let birth = onDay - age * 365 - age / 4 - Int.random(in: 1...364, using: &rng)
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<90:
            answers["birth_date_known"] = .yesNo(true)
            answers["birth_date"] = .date(CivilDays.iso(birth))
            document.survivor.birthDate = CivilDays.iso(birth)
        case 90..<97:
            answers["birth_date_known"] = .yesNo(false)
            answers["age"] = .number(String(age))
            document.survivor.birthDate = nil
        default:
            answers["birth_date_known"] = .yesNo(false)
            document.survivor.birthDate = nil
        }
        let ethnicity = rng.chance(97) ? weighted(Self.ethnicities) : nil
        if let ethnicity { answers["ethnicity"] = .choice(ethnicity) }
        let language: String
        switch ethnicity {
        case "albanian": language = rng.chance(85) ? "sq" : "sr"
        case "roma", "ashkali", "egyptian": language = rng.chance(45) ? "rom" : rng.chance(20) ? "sq" : "sr"
        default: language = rng.chance(97) ? "sr" : rng.chance(50) ? "en" : "und"
        }
        answers["service_language"] = .choice(language)
        document.survivor.language = language
        let municipality = weighted(Self.municipalities)
        answers["survivor_municipality"] = .choice(municipality)
        if municipality == "other" { answers["survivor_municipality_other"] = .text("Niš") }
        document.survivor.municipality = municipality
        if rng.chance(97) { answers["marital_status"] = .choice(age < 18 ? "single" : weighted(Self.maritalStatuses)) }
        if rng.chance(96) { answers["disability"] = .choice(weighted(Self.yesNoUnknownRare)) }
        if rng.chance(96) { answers["displacement"] = .choice(weighted(Self.displacements)) }
        if let phone = document.survivor.phone {
            answers["phone"] = .text(phone)
            answers["safe_to_call"] = .yesNo(rng.chance(75))
            answers["safe_to_leave_message"] = .yesNo(rng.chance(40))
        }

        // The incident.
        if rng.chance(95) { answers["incident_time"] = .choice(weighted(Self.times)) }
        answers["incident_place"] = .choice(weighted(Self.places))
        answers["incident_municipality"] = .choice(rng.chance(85) ? municipality : weighted(Self.municipalities))
        if let narrative = document.incident.narrative { answers["incident_narrative"] = .text(narrative) }
        let type = weighted(Self.incidentTypes)
        document.incident.type = type
        if let type {
            for (question, classified) in Self.typeQuestions {
                answers[question] = .yesNo(classified == type)
                if classified == type { break }
            }
        }
        let perpetratorCount = weighted(Self.perpetratorCounts) + (rng.chance(20) ? Int.random(in: 0...1, using: &rng) : 0)
        var perpetrators: [[String: Answer]] = []
        for _ in 0..<perpetratorCount {
            var item: [String: Answer] = [
                "perpetrator_sex": .choice(weighted(Self.perpetratorSexes)),
                "perpetrator_relationship": .choice(weighted(Self.relationships)),
            ]
            if rng.chance(97) { item["perpetrator_age_group"] = .choice(weighted(Self.perpetratorAges)) }
            perpetrators.append(item)
        }
        answers["perpetrators"] = .group(perpetrators)
        let partner: Bool
        if case .choice(let relationship)? = perpetrators.first?["perpetrator_relationship"] {
            partner = relationship == "intimate_partner" || relationship == "former_partner"
        } else {
            partner = false
        }
        answers["context_ipv"] = .yesNo(partner ? rng.chance(95) : rng.chance(3))
        if type == .rape || type == .sexualAssault { answers["context_child_sexual_abuse"] = .yesNo(age < 18) }
        answers["context_early_marriage"] = .yesNo(type == .forcedMarriage && age < 20)
        if rng.chance(95) { answers["previous_incidents"] = .choice(weighted(Self.previous)) }
        if rng.chance(95) {
            if rng.chance(45) {
                answers["reported_elsewhere"] = .choices(["nowhere"])
            } else {
                answers["reported_elsewhere"] = .choices(picks(Self.reportedTo, count: rng.chance(75) ? 1 : 2))
            }
        }

        // Safety and services.
        answers["immediate_danger"] = .yesNo(rng.chance(25))
        answers["weapons"] = .choice(weighted(Self.weapons))
        answers["threats_to_kill"] = .choice(weighted(Self.threats))
        answers["children_at_risk"] = .choice(weighted(Self.childrenAtRisk))
        answers["needs_shelter"] = .yesNo(rng.chance(12))
        let requested = rng.chance(5) ? ["none"] : picks(Self.services, count: Int.random(in: 1...3, using: &rng))
        answers["services_requested"] = .choices(requested)

        // Work done since: referrals for most cases that asked for a service, closure of older ones.
        var work = CaseWork()
        if requested != ["none"], rng.chance(65) {
            for service in requested.prefix(Int.random(in: 1...2, using: &rng)) {
                let referralService = ReferralService(rawValue: service == "safety_shelter" ? "safety" : service) ?? .psychosocial
                let day = min(report + Int.random(in: weighted(Self.referralDelays), using: &rng), today)
                work.referrals.append(Referral(service: referralService, organisation: rng.pick(Self.organisations),
                                               day: CivilDays.iso(day), by: "bench.admin"))
            }
        }
        if today - report > 60, rng.chance(70) {
            let day = min(report + Int.random(in: 30...180, using: &rng), today)
            work.closure = Closure(day: CivilDays.iso(day), reason: rng.pick(ClosureReason.allCases), by: "bench.admin")
        }
        if !work.referrals.isEmpty || work.closure != nil { document.work = work }

        var intake: [String: String] = ["form": "gbv_intake v1"]
        for (question, answer) in answers { intake[question] = String(decoding: (try? encoder.encode(answer)) ?? Data(), as: UTF8.self) }
        document.intake = intake
        return document
    }

    private mutating func weighted<T>(_ items: [(T, Int)]) -> T {
        let total = items.reduce(0) { $0 + $1.1 }
        var roll = Int.random(in: 0..<total, using: &rng)
        for (item, weight) in items {
            if roll < weight { return item }
            roll -= weight
        }
        return items[items.count - 1].0
    }

    /// `count` distinct weighted picks, in the list's order.
    private mutating func picks(_ items: [(String, Int)], count: Int) -> [String] {
        var chosen = Set<String>()
        while chosen.count < min(count, items.count) { chosen.insert(weighted(items)) }
        return items.map(\.0).filter(chosen.contains)
    }
}

/// An intake answer in its stored form (`AnswerValue` of the Intake layer, which CaseStore and
/// this benchmark do not import): one key naming the kind.
private indirect enum Answer: Encodable {
    case text(String)
    case date(String)
    case number(String)
    case choice(String)
    case choices([String])
    case yesNo(Bool)
    case group([[String: Answer]])

    private enum Key: String, CodingKey { case text, date, number, choice, choices, yesNo, group }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .text(let text): try container.encode(text, forKey: .text)
        case .date(let day): try container.encode(day, forKey: .date)
        case .number(let number): try container.encode(number, forKey: .number)
        case .choice(let id): try container.encode(id, forKey: .choice)
        case .choices(let ids): try container.encode(ids, forKey: .choices)
        case .yesNo(let flag): try container.encode(flag, forKey: .yesNo)
        case .group(let items): try container.encode(items, forKey: .group)
        }
    }
}

/// Proleptic Gregorian day numbers (days since 1970-01-01; H. Hinnant's algorithms).
enum CivilDays {
    static func number(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(_ number: Int) -> (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func iso(_ number: Int) -> String {
        let (year, month, day) = civil(number)
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
