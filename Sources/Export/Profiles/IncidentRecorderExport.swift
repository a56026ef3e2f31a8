import CaseStore

/// One Incident Recorder export in the making: turns the statistics facts of consenting cases,
/// one case at a time (a streaming pass over `forEachFacts` keeps nothing but the pseudonyms),
/// into rows that carry no name, case code, exact date, free text or user name. It holds the
/// export's own survivor and case-manager pseudonyms and its incident sequence, so a new export
/// starts over with new codes.
public struct IncidentRecorderExport: Sendable {
    /// The code of the reporting organisation, written in every row.
    public let agencyCode: String
    private var pseudonyms = ExportPseudonyms()
    private var lastIncident = 0

    public init(agencyCode: String) throws(IncidentRecorderError) {
        guard Self.isValidAgencyCode(agencyCode) else { throw .invalidAgencyCode }
        self.agencyCode = agencyCode
    }

    /// The row of one case: nil when it has no facts (its survivor did not consent to
    /// statistics). `caseManager` is the user name the case is assigned to, nil when unassigned;
    /// only its pseudonym is written.
    public mutating func row(facts: CaseFacts?, caseManager: String?) throws(IncidentRecorderError) -> IncidentRecorderRow? {
        guard let facts else { return nil }
        var row = IncidentRecorderRow()
        lastIncident += 1
        row[.incidentID] = String(lastIncident)
        do {
            row[.survivorCode] = try pseudonyms.survivorCode()
            row[.caseManagerCode] = try caseManager.map { try pseudonyms.caseManagerCode(for: $0) } ?? ""
        } catch {
            throw .randomUnavailable
        }
        row[.agencyCode] = agencyCode
        row[.consent] = IncidentRecorderWording.consentGiven
        Self.fillIncident(&row, facts)
        Self.fillPerpetrators(&row, facts)
        Self.fillReferrals(&row, facts)
        return row
    }

    private static func fillIncident(_ row: inout IncidentRecorderRow, _ facts: CaseFacts) {
        typealias Wording = IncidentRecorderWording
        func put(_ column: IncidentRecorderColumn, _ field: FactField, _ word: (String) -> String?) {
            row[column] = word(facts.category(field)) ?? ""
        }
        row[.dateOfInterview] = Wording.month(facts.reportMonth)
        row[.dateOfIncident] = facts.incidentMonth.map(Wording.month) ?? ""
        put(.sex, .sex, Wording.sex)
        put(.ethnicity, .ethnicity, Wording.ethnicity)
        put(.maritalStatus, .maritalStatus, Wording.maritalStatus)
        put(.displacementStatus, .displacement, Wording.displacement)
        put(.disability, .disability, Wording.yesNo)
        put(.timeOfDay, .timeOfDay, Wording.timeOfDay)
        put(.location, .place, Wording.place)
        put(.district, .incidentMunicipality, Wording.district)
        put(.campTown, .incidentMunicipality, Wording.municipality)
        put(.gbvType, .incidentType, Wording.gbvType)
        put(.previousIncidents, .previousIncidents, Wording.yesNo)
        put(.perpetratorCount, .perpetratorCount, Wording.perpetratorCount)
        row[.previouslyReported] = previouslyReported(facts) ?? ""
    }

    /// "Yes-GBVIMS Org / Agency" when it was reported to another organisation that keeps GBV
    /// statistics, "Yes-Non GBVIMS Org / Agency" when only to police, social welfare or health,
    /// "No" when the survivor said nowhere, empty when the question was not answered.
    private static func previouslyReported(_ facts: CaseFacts) -> String? {
        let places = FactSet.reportedElsewhere.categories
        let flagged = places.indices.filter { facts.contains(.reportedElsewhere, $0) }.map { places[$0] }
        if flagged.contains("other_organisation") { return IncidentRecorderWording.reportedToGBVIMSOrganisation }
        if flagged.contains(where: { ["police", "social_welfare", "health"].contains($0) }) {
            return IncidentRecorderWording.reportedElsewhereOnly
        }
        return flagged.contains("nowhere") ? IncidentRecorderWording.notReported : nil
    }

    /// Sex over every alleged perpetrator; age group and relationship of the first one named
    /// (the intake marks no primary perpetrator; Primero takes the first one too).
    private static func fillPerpetrators(_ row: inout IncidentRecorderRow, _ facts: CaseFacts) {
        let sexes = PerpetratorField.sex.categories
        let named = facts.perpetrators.map { sexes[Int($0[.sex])] }
        row[.perpetratorSex] = IncidentRecorderWording.perpetratorSex(male: named.contains("male"), female: named.contains("female")) ?? ""
        guard let first = facts.perpetrators.first else { return }
        row[.perpetratorAgeGroup] = IncidentRecorderWording.ageGroup(PerpetratorField.ageGroup.categories[Int(first[.ageGroup])]) ?? ""
        row[.perpetratorRelationship] =
            IncidentRecorderWording.relationship(PerpetratorField.relationship.categories[Int(first[.relationship])]) ?? ""
    }

    /// "Referred" in a service's column when a referral to that service was recorded; empty
    /// otherwise (the vault does not record that a service was provided, declined or not needed).
    private static func fillReferrals(_ row: inout IncidentRecorderRow, _ facts: CaseFacts) {
        let services = ReferralField.service.categories, statuses = ReferralField.status.categories
        for referral in facts.referrals where statuses[Int(referral[.status])] == "referred" {
            guard let service = ReferralService(rawValue: services[Int(referral[.service])]), let column = column(for: service) else { continue }
            row[column] = IncidentRecorderWording.referred
        }
    }

    /// The workbook column of a referral service; social welfare has none (the workbook's child
    /// protection column would claim a child protection referral for every adult).
    private static func column(for service: ReferralService) -> IncidentRecorderColumn? {
        switch service {
        case .safety: .shelter
        case .health: .health
        case .psychosocial: .psychosocial
        case .legal: .legal
        case .police: .police
        case .livelihood: .livelihoods
        case .socialWelfare: nil
        }
    }

    private static func isValidAgencyCode(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        guard (1...40).contains(bytes.count), let first = bytes.first, isAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: " ")].contains($0) }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }
}
