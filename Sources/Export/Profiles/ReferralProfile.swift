import CaseStore

/// The `referral` export profile (docs/export.md): the part of a case one partner service needs,
/// and only when the survivor consented to share with that service. What is not on the
/// service's `ReferralAllowlist` is left out: other answers, the narrative, notes, plan,
/// follow-ups, closure, other services' referrals and consents.
public enum ReferralProfile {
    /// A new document for `service`. Its consent is the one that travels with the copy: shared
    /// with this service only, not for statistics. Throws when `service` is not among the
    /// services the survivor agreed to share with.
    public static func document(_ document: CaseDocument, for service: ReferralService) throws(ReferralProfileError) -> CaseDocument {
        guard document.consent.sharing?.contains(service) == true else { throw .noConsent(service) }
        let allowed = ReferralAllowlist(service)
        let referrals = document.work?.referrals.filter { $0.service == service } ?? []
        let intake = document.intake?.filter { allowed.intake.contains($0.key) }
        return CaseDocument(survivor: survivor(document.survivor, allowed.survivor),
                            incident: incident(document.incident, allowed.incident),
                            consent: CaseDocument.Consent(statistics: false, sharing: [service]),
                            intake: intake?.isEmpty == false ? intake : nil,
                            work: referrals.isEmpty ? nil : CaseWork(referrals: referrals))
    }

    private static func survivor(_ survivor: CaseDocument.Survivor, _ fields: Set<ReferralAllowlist.SurvivorField>) -> CaseDocument.Survivor {
        func kept<Value>(_ field: ReferralAllowlist.SurvivorField, _ value: Value?) -> Value? { fields.contains(field) ? value : nil }
        return CaseDocument.Survivor(name: survivor.name, phone: kept(.phone, survivor.phone), birthDate: kept(.birthDate, survivor.birthDate),
                                     sex: kept(.sex, survivor.sex), municipality: kept(.municipality, survivor.municipality),
                                     language: kept(.language, survivor.language))
    }

    private static func incident(_ incident: CaseDocument.Incident, _ fields: Set<ReferralAllowlist.IncidentField>) -> CaseDocument.Incident {
        CaseDocument.Incident(date: fields.contains(.date) ? incident.date : nil, narrative: nil,
                              type: fields.contains(.type) ? incident.type : nil)
    }
}
