import Foundation

extension CaseFacts {
    /// The facts of `document`, nil when the survivor did not consent to anonymous statistics.
    /// Intake answers are read by question id (Forms/gbv_intake.json); a document imported
    /// without them has only the fields it carries, and "unknown" for the rest. `createdDay` is
    /// the day the case was made, the report day when the intake gave none.
    public init?(document: CaseDocument, createdDay: String) {
        guard document.consent.statistics else { return nil }
        let answers = IntakeAnswers(document.intake)
        let report = answers.day("report_date") ?? CivilDay(iso: createdDay)
        let incident = document.incident.date.flatMap(CivilDay.init(iso:))
        let birth = document.survivor.birthDate.flatMap(CivilDay.init(iso:))
        let perpetrators = answers.group("perpetrators").map { item in
            Perpetrator(values: [
                PerpetratorField.sex.index(of: item.choice("perpetrator_sex")),
                PerpetratorField.ageGroup.index(of: item.choice("perpetrator_age_group").map(Self.formAgeGroup)),
                PerpetratorField.relationship.index(of: item.choice("perpetrator_relationship")),
            ])
        }
        var fields = [UInt8](repeating: 0, count: FactField.allCases.count)
        func set(_ field: FactField, _ id: String?) { fields[field.rawValue] = field.index(of: id) }
        set(.incidentType, document.incident.type?.rawValue)
        set(.ageGroup, AgeGroup(birthDate: birth, incidentDate: incident, statedAge: answers.whole("age")).rawValue)
        set(.sex, document.survivor.sex?.rawValue)
        set(.ethnicity, answers.choice("ethnicity"))
        set(.residence, document.survivor.municipality ?? answers.choice("survivor_municipality"))
        set(.incidentMunicipality, answers.choice("incident_municipality"))
        set(.language, Self.language(document.survivor.language))
        set(.maritalStatus, answers.choice("marital_status"))
        set(.disability, answers.choice("disability"))
        set(.displacement, answers.choice("displacement"))
        set(.timeOfDay, answers.choice("incident_time"))
        set(.place, answers.choice("incident_place"))
        set(.previousIncidents, answers.choice("previous_incidents"))
        set(.perpetratorCount, perpetrators.isEmpty ? nil : perpetrators.count > 3 ? "4+" : String(perpetrators.count))
        set(.immediateDanger, answers.yesNo("immediate_danger"))
        set(.weapons, answers.choice("weapons"))
        set(.threatsToKill, answers.choice("threats_to_kill"))
        set(.status, document.work?.closure == nil ? "open" : "closed")
        set(.delay, ReportingDelay(incident: incident, report: report).rawValue)
        let contexts = ["context_ipv", "context_child_sexual_abuse", "context_early_marriage"].map { answers.yesNo($0) == "yes" }
        let sets: [UInt16] = [
            Self.flags(contexts),
            Self.flags(FactSet.reportedElsewhere.categories.map(answers.choices("reported_elsewhere").contains)),
            Self.flags(FactSet.servicesRequested.categories.map(answers.choices("services_requested").contains)),
        ]
        let referrals = (document.work?.referrals ?? []).map { referral in
            let days = CivilDay(iso: referral.day).flatMap { day in report.map { day.days(since: $0) } }
            return ReferralFact(values: [ReferralField.service.index(of: referral.service.rawValue), ReferralField.status.index(of: "referred")],
                                daysFromReport: days.flatMap { $0 >= 0 ? $0 : nil })
        }
        self.init(reportMonth: (report ?? CivilDay(year: 1970, month: 1, day: 1)!).month12, incidentMonth: incident?.month12,
                  fields: fields, sets: sets, perpetrators: perpetrators, referrals: referrals)
    }

    /// The form's perpetrator age-group ids (`age_18_25`) as the statistics ids (`18-25`).
    static func formAgeGroup(_ id: String) -> String {
        switch id {
        case "age_0_11": AgeGroup.upTo11.rawValue
        case "age_12_17": AgeGroup.from12To17.rawValue
        case "age_18_25": AgeGroup.from18To25.rawValue
        case "age_26_40": AgeGroup.from26To40.rawValue
        case "age_41_60": AgeGroup.from41To60.rawValue
        case "age_61_plus": AgeGroup.from61.rawValue
        default: AgeGroup.unknown.rawValue
        }
    }

    /// The language of service as a statistics category: the BCP 47 language subtag.
    static func language(_ tag: String?) -> String? {
        guard let tag, let primary = tag.split(separator: "-").first?.lowercased() else { return nil }
        if primary == "und" { return nil }
        return FactField.language.categories.contains(primary) ? primary : "other"
    }

    static func flags(_ bits: [Bool]) -> UInt16 {
        bits.enumerated().reduce(0) { $1.element ? $0 | (1 << $1.offset) : $0 }
    }
}

/// The intake answers a document keeps (question id → the answer as one-key JSON, as the
/// intake front writes them), read for facts only: choices, yes/no, numbers, dates and groups.
struct IntakeAnswers {
    private let values: [String: Any]

    init(_ intake: [String: String]?) {
        var values: [String: Any] = [:]
        for (question, text) in intake ?? [:] where question != "form" {
            if let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) { values[question] = object }
        }
        self.values = values
    }

    private init(item: [String: Any]) { values = item }

    private func value(_ question: String, _ kind: String) -> Any? {
        (values[question] as? [String: Any])?[kind]
    }

    func choice(_ question: String) -> String? { value(question, "choice") as? String }

    func choices(_ question: String) -> [String] { value(question, "choices") as? [String] ?? [] }

    /// A yes/no question as "yes" or "no" (nil when unanswered).
    func yesNo(_ question: String) -> String? { (value(question, "yesNo") as? Bool).map { $0 ? "yes" : "no" } }

    func day(_ question: String) -> CivilDay? { (value(question, "date") as? String).flatMap(CivilDay.init(iso:)) }

    /// A whole number answer (ages), nil when missing or not whole.
    func whole(_ question: String) -> Int? { (value(question, "number") as? String).flatMap { Int($0) } }

    func group(_ question: String) -> [IntakeAnswers] {
        (value(question, "group") as? [[String: Any]] ?? []).map(IntakeAnswers.init(item:))
    }
}
