import CaseStore

/// What one partner service may receive of a case (docs/export.md, "referral", where every
/// entry is justified): the survivor and incident fields and the intake answers it needs to
/// serve her, nothing else. The narrative is not a field any allowlist can name: every service
/// hears the account from her, if she chooses to tell it again.
public struct ReferralAllowlist: Equatable, Sendable {
    /// A field of `CaseDocument.Survivor`, by its JSON key.
    public enum SurvivorField: String, CaseIterable, Sendable {
        case name, phone, birthDate, sex, municipality, language
    }

    /// A field of `CaseDocument.Incident` that may be shared, by its JSON key.
    public enum IncidentField: String, CaseIterable, Sendable {
        case date, type
    }

    public let survivor: Set<SurvivorField>
    public let incident: Set<IncidentField>
    /// Intake question ids (Forms/gbv_intake.json), plus `form`, which says how to read them.
    public let intake: Set<String>

    /// The allowlist of `service`.
    public init(_ service: ReferralService) {
        var survivor: Set<SurvivorField> = [.name, .language, .phone]
        var incident: Set<IncidentField> = []
        var intake: Set<String> = ["form", "safe_to_call", "safe_to_leave_message"]
        let born: Set<String> = ["age"], lives: Set<String> = ["survivor_municipality_other"]
        let perpetrators: Set<String> = ["perpetrators"], place: Set<String> = ["incident_municipality", "incident_municipality_other"]
        let risk: Set<String> = ["immediate_danger", "weapons", "threats_to_kill", "children_at_risk"]
        switch service {
        case .psychosocial:
            incident = [.type]
            intake.formUnion(["immediate_danger"])
        case .legal:
            survivor.formUnion([.birthDate, .municipality])
            incident = [.date, .type]
            intake.formUnion(born.union(lives).union(place).union(perpetrators).union(["reported_elsewhere"]))
        case .health:
            survivor.formUnion([.birthDate, .sex])
            incident = [.date, .type]
            intake.formUnion(born.union(["disability"]))
        case .safety:
            survivor.formUnion([.birthDate, .sex, .municipality])
            intake.formUnion(born.union(lives).union(risk).union(perpetrators).union(["needs_shelter", "disability"]))
        case .police:
            survivor.formUnion([.birthDate, .sex, .municipality])
            incident = [.date, .type]
            intake.formUnion(born.union(lives).union(place).union(risk).union(perpetrators).union(["incident_time", "incident_place"]))
        case .socialWelfare:
            survivor.formUnion([.birthDate, .sex, .municipality])
            incident = [.type]
            intake.formUnion(born.union(lives).union(perpetrators).union(["immediate_danger", "children_at_risk", "disability"]))
        case .livelihood:
            survivor.formUnion([.municipality])
            intake.formUnion(lives.union(["disability"]))
        }
        self.survivor = survivor
        self.incident = incident
        self.intake = intake
    }

    /// Every key path the JSON encoding of a referral export may hold, array positions left out
    /// (`survivor.name`, `intake.perpetrators`, `work.referrals.day`): the fields above, the
    /// consent that travels with the copy, and the referrals to this service.
    public var keyPaths: Set<String> {
        var paths: Set<String> = ["consent.statistics", "consent.sharing"]
        paths.formUnion(survivor.map { "survivor." + $0.rawValue })
        paths.formUnion(incident.map { "incident." + $0.rawValue })
        paths.formUnion(intake.map { "intake." + $0 })
        paths.formUnion(["service", "organisation", "day", "by"].map { "work.referrals." + $0 })
        return paths
    }
}
