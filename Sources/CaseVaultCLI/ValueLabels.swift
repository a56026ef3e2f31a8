import CaseStore

/// The words for stored values (case status, roles, services...) in the user's language.
/// Text output only: JSON output and command-line options keep the raw values.
extension Messages {
    func label(_ status: CaseStatus) -> String {
        switch status {
        case .open: self("cli.status.open")
        case .closed: self("cli.status.closed")
        case .erased: self("cli.status.erased")
        }
    }

    func label(_ role: Role) -> String {
        switch role {
        case .caseworker: self("cli.role.caseworker")
        case .supervisor: self("cli.role.supervisor")
        case .admin: self("cli.role.admin")
        case .auditor: self("cli.role.auditor")
        }
    }

    func label(_ sex: Sex) -> String {
        switch sex {
        case .female: self("cli.sex.female")
        case .male: self("cli.sex.male")
        case .other: self("cli.sex.other")
        case .unknown: self("cli.sex.unknown")
        }
    }

    func label(_ type: IncidentType) -> String {
        switch type {
        case .rape: self("cli.incident_type.rape")
        case .sexualAssault: self("cli.incident_type.sexual_assault")
        case .physicalAssault: self("cli.incident_type.physical_assault")
        case .forcedMarriage: self("cli.incident_type.forced_marriage")
        case .denialOfResources: self("cli.incident_type.denial_of_resources")
        case .psychologicalAbuse: self("cli.incident_type.psychological_abuse")
        case .nonGBV: self("cli.incident_type.non_gbv")
        }
    }

    func label(_ service: ReferralService) -> String {
        switch service {
        case .psychosocial: self("cli.service.psychosocial")
        case .legal: self("cli.service.legal")
        case .health: self("cli.service.health")
        case .safety: self("cli.service.safety")
        case .police: self("cli.service.police")
        case .socialWelfare: self("cli.service.social_welfare")
        case .livelihood: self("cli.service.livelihood")
        }
    }

    func label(_ reason: ClosureReason) -> String {
        switch reason {
        case .needsMet: self("cli.closure_reason.needs_met")
        case .survivorRequest: self("cli.closure_reason.survivor_request")
        case .noContact: self("cli.closure_reason.no_contact")
        case .referredOn: self("cli.closure_reason.referred_on")
        case .relocated: self("cli.closure_reason.relocated")
        case .other: self("cli.closure_reason.other")
        }
    }

    func yesNo(_ value: Bool) -> String {
        value ? self("cli.value.yes") : self("cli.value.no")
    }

    /// A municipality as stored (a choice id such as `krusevac`, or a typed name) by the form's
    /// label when it has one.
    func municipality(_ value: String) -> String {
        formLabel("choice.municipality.\(value)") ?? value
    }

    /// A language tag as stored (`sr`, `sr-Cyrl`, `rom`) by the form's label for the language
    /// when it has one.
    func languageName(_ tag: String) -> String {
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? tag
        return formLabel("choice.language.\(tag)") ?? formLabel("choice.language.\(primary.lowercased())") ?? tag
    }
}
