@testable import CaseStore
import XCTest

/// The facts of a case (issue 10): computed from the document and its stored intake answers,
/// nothing identifying in them, and a byte form of one size that refuses anything malformed.
final class CaseFactsTests: XCTestCase {
    static let intake: [String: String] = [
        "form": "gbv_intake v1",
        "report_date": #"{"date":"2026-03-10"}"#,
        "age": #"{"number":"41"}"#,
        "ethnicity": #"{"choice":"roma"}"#,
        "marital_status": #"{"choice":"married"}"#,
        "disability": #"{"choice":"no"}"#,
        "displacement": #"{"choice":"idp"}"#,
        "incident_time": #"{"choice":"evening_night"}"#,
        "incident_place": #"{"choice":"survivor_home"}"#,
        "incident_municipality": #"{"choice":"other"}"#,
        "incident_municipality_other": #"{"text":"Selo Gornje 12"}"#,
        "previous_incidents": #"{"choice":"yes"}"#,
        "reported_elsewhere": #"{"choices":["police","other_organisation"]}"#,
        "context_ipv": #"{"yesNo":true}"#,
        "context_early_marriage": #"{"yesNo":false}"#,
        "immediate_danger": #"{"yesNo":true}"#,
        "weapons": #"{"choice":"unknown"}"#,
        "threats_to_kill": #"{"choice":"yes"}"#,
        "services_requested": #"{"choices":["legal","safety_shelter"]}"#,
        "perpetrators": #"{"group":[{"perpetrator_sex":{"choice":"male"},"perpetrator_age_group":{"choice":"age_41_60"},"perpetrator_relationship":{"choice":"intimate_partner"}},{"perpetrator_sex":{"choice":"female"},"perpetrator_relationship":{"choice":"family_member"}}]}"#,
    ]

    func document(consent: Bool = true) -> CaseDocument {
        var document = CaseDocument(survivor: .init(name: "Радмила Стојковић", phone: "+381 64 555 1234", birthDate: nil, sex: .female,
                                                    municipality: "brus", language: "rom"),
                                    incident: .init(date: "2026-03-01", narrative: "Pretio joj je sekirom.", type: .physicalAssault),
                                    consent: .init(statistics: consent), intake: Self.intake)
        document.work = CaseWork(referrals: [Referral(service: .health, organisation: "Dom zdravlja Brus", day: "2026-03-17", by: "maja")])
        return document
    }

    func testFactsComeFromTheDocumentAndItsAnswers() throws {
        let facts = try XCTUnwrap(CaseFacts(document: document(), createdDay: "2026-04-01"))
        let expected: [FactField: String] = [
            .incidentType: "physical_assault", .ageGroup: "41-60", .sex: "female", .ethnicity: "roma", .residence: "brus",
            .incidentMunicipality: "other", .language: "rom", .maritalStatus: "married", .disability: "no", .displacement: "idp",
            .timeOfDay: "evening_night", .place: "survivor_home", .previousIncidents: "yes", .perpetratorCount: "2",
            .immediateDanger: "yes", .weapons: "unknown", .threatsToKill: "yes", .status: "open", .delay: "6-14",
        ]
        for (field, category) in expected { XCTAssertEqual(facts.category(field), category, "\(field)") }
        XCTAssertEqual(facts.reportMonth.description, "2026-03", "the intake's report date, not the day the case was made")
        XCTAssertEqual(facts.incidentMonth?.description, "2026-03")
        XCTAssertTrue(facts.contains(.context, 0))
        XCTAssertFalse(facts.contains(.context, 2))
        XCTAssertTrue(facts.reportedToOtherOrganisation)
        XCTAssertEqual(facts.perpetrators.map { PerpetratorField.relationship.categories[Int($0[.relationship])] }, ["intimate_partner", "family_member"])
        XCTAssertEqual(facts.perpetrators.map { PerpetratorField.ageGroup.categories[Int($0[.ageGroup])] }, ["41-60", "unknown"])
        XCTAssertEqual(facts.referrals.map(\.daysFromReport), [7])
    }

    func testNoConsentNoFacts() {
        XCTAssertNil(CaseFacts(document: document(consent: false), createdDay: "2026-04-01"))
    }

    func testTheByteFormRoundTripsHasOneSizeAndHoldsNothingIdentifying() throws {
        let facts = try XCTUnwrap(CaseFacts(document: document(), createdDay: "2026-04-01"))
        let bytes = CaseFactsCodec.encode(facts)
        XCTAssertEqual(CaseFactsCodec.decode(bytes), .some(facts))
        XCTAssertEqual(bytes.count, CaseFactsCodec.block)
        XCTAssertEqual(CaseFactsCodec.encode(nil).count, CaseFactsCodec.block, "no consent looks the same")
        XCTAssertEqual(CaseFactsCodec.decode(CaseFactsCodec.encode(nil)), .some(nil))
        let text = String(decoding: bytes, as: UTF8.self)
        for secret in ["Радмила", "Стојковић", "555", "sekirom", "Selo", "Gornje", "Dom zdravlja", "maja", "2026"] {
            XCTAssertFalse(text.contains(secret), secret)
        }
    }

    func testMalformedBytesAreRefused() throws {
        let bytes = CaseFactsCodec.encode(try XCTUnwrap(CaseFacts(document: document(), createdDay: "2026-04-01")))
        var wrongVersion = bytes
        wrongVersion[0] = 2
        var outOfRange = bytes
        outOfRange[10] = 200
        var trailing = bytes
        trailing[bytes.count - 1] = 1
        for (name, malformed) in [("version", wrongVersion), ("category", outOfRange), ("padding", trailing),
                                  ("short", Array(bytes.prefix(20))), ("unpadded", Array(bytes.prefix(100)))] {
            XCTAssertNil(CaseFactsCodec.decode(malformed), name)
        }
    }
}
