import CaseStore
import Foundation

/// Makes the demo cases from a fixed seed: the same seed gives the same survivors, in the same
/// order, on every run (the dates move with `today`, so the cases always look recent).
struct DemoCaseGenerator {
    /// The seed `casevault demo` uses.
    static let defaultSeed: UInt64 = 0x0CA5_E7A0_17DE_0001

    let today: Date
    private var random: SeededRandom

    init(seed: UInt64 = Self.defaultSeed, today: Date = Date()) {
        self.today = today
        random = SeededRandom(seed: seed)
    }

    /// The next `count` cases.
    mutating func cases(_ count: Int) -> [DemoCase] {
        (0..<count).map { _ in nextCase() }
    }

    mutating func nextCase() -> DemoCase {
        let municipality = DemoPopulation.municipality(&random)
        let community = DemoPopulation.community(in: municipality, &random)
        let language = DemoPopulation.language(for: community, &random)
        let sex = DemoPopulation.sex(&random)
        let name = DemoNames.name(community, sex: sex, language: language, &random)
        let phone: String? = random.chance(80) ? DemoNames.phone(&random) : nil
        let birthDate = day(daysAgo: Int(Double(DemoPopulation.age(&random)) * 365.25) + random.below(365))
        let survivor = CaseDocument.Survivor(name: name, phone: phone, birthDate: birthDate, sex: sex,
                                             municipality: municipality, language: language)
        let script = DemoTexts.Script.forCase(language: language)
        var incident = CaseDocument.Incident()
        if !random.chance(5) {  // a few first contacts have no incident recorded yet
            let type = DemoPopulation.incidentType(&random)
            incident = CaseDocument.Incident(date: day(daysAgo: DemoPopulation.reportingDelay(&random)),
                                             narrative: random.pick(DemoTexts.accounts(for: type)).written(script), type: type)
        }
        let consent = CaseDocument.Consent(statistics: random.chance(88), sharing: DemoPopulation.sharing(&random))
        var demo = DemoCase(document: CaseDocument(survivor: survivor, incident: incident, consent: consent),
                            intakeBy: random.pick(DemoUsers.caseworkers))
        if demo.intakeBy == DemoUsers.maja, random.chance(5) { demo.handedOverTo = DemoUsers.vesna }
        addWork(to: &demo, script: script)
        return demo
    }

    /// Notes, plan, follow-up, referrals (only to consented services) and closure.
    private mutating func addWork(to demo: inout DemoCase, script caseScript: DemoTexts.Script) {
        // Maja writes in Cyrillic, Vesna in Latin; cases served in Albanian or English are kept in English.
        let script: DemoTexts.Script = caseScript == .english ? .english : (demo.assignee == DemoUsers.maja ? .cyrillic : .latin)
        if random.chance(50) { demo.note = random.pick(DemoTexts.notes).written(script) }
        if random.chance(25) { demo.plan = random.pick(DemoTexts.plans).written(script) }
        let consented = demo.document.consent.sharing ?? []
        if !consented.isEmpty, random.chance(40) {
            let likely = DemoPopulation.likelyServices(for: demo.document.incident.type).filter(consented.contains)
            let first = likely.isEmpty ? random.pick(consented) : random.pick(likely)
            var services = [first]
            if consented.count > 1, random.chance(30), let second = consented.first(where: { $0 != first }) { services.append(second) }
            demo.referrals = services.map { ($0, DemoTexts.organisation(for: $0).written(script)) }
        }
        if random.chance(15) {
            demo.closure = DemoPopulation.closureReason(&random)
        } else if random.chance(20) {
            demo.followUp = (day(daysAgo: -random.int(in: 1...21)), random.pick(DemoTexts.followUps).written(script))
        }
    }

    /// The ISO day `days` before today (negative: after).
    private func day(daysAgo days: Int) -> String {
        ISODay.format(today.addingTimeInterval(-Double(days) * 86_400))
    }
}
