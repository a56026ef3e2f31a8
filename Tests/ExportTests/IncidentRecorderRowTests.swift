import CaseStore
import Export
import XCTest

/// The case documents the profile tests start from (Fixtures/profiles), and their facts made by
/// the vault's own extraction, as the CLI reads them back from `forEachFacts`.
enum ProfileFixture {
    static func document() throws -> CaseDocument {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "case", withExtension: "json", subdirectory: "Fixtures/profiles"))
        return try JSONDecoder().decode(CaseDocument.self, from: Data(contentsOf: url))
    }

    static func facts(_ document: CaseDocument) throws -> CaseFacts {
        try XCTUnwrap(CaseFacts(document: document, createdDay: "2026-03-05"))
    }

    /// The vault's case code of the fixture case (the profile never receives it).
    static let caseCode = "K7QM-4M2X"
}

/// Rows are made of the facts only, in the workbook's wording, empty where nothing is known, with
/// pseudonyms that belong to one export.
final class IncidentRecorderRowTests: XCTestCase {
    func testTheFixtureRowColumnByColumn() throws {
        var export = try IncidentRecorderExport(agencyCode: "ZK-KRU")
        let row = try XCTUnwrap(export.row(facts: ProfileFixture.facts(ProfileFixture.document()), caseManager: "maja"))
        let expected: [IncidentRecorderColumn: String] = [
            .incidentID: "1", .dateOfInterview: "Mar-2026", .dateOfIncident: "Feb-2026", .dateOfBirth: "", .sex: "F",
            .ethnicity: "Roma", .countryOfOrigin: "", .maritalStatus: "Divorced/Separated", .displacementStatus: "Returnee",
            .disability: "Yes", .unaccompaniedChild: "", .stageOfDisplacement: "", .timeOfDay: "Afternoon", .location: "Road",
            .county: "", .district: "Mitrovica", .campTown: "Vučitrn / Vushtrri", .gbvType: "Physical Assault",
            .harmfulTraditionalPractice: "", .moneyExchanged: "", .abductionType: "",
            .previouslyReported: "Yes-Non GBVIMS Org / Agency", .previousIncidents: "Yes", .perpetratorCount: "2",
            .perpetratorSex: "M and F", .previousWithPerpetrator: "", .perpetratorAgeGroup: "Age 26 - 40",
            .perpetratorRelationship: "Intimate Partner / Former Partner", .perpetratorOccupation: "", .referredFrom: "",
            .shelter: "", .health: "Referred", .psychosocial: "", .wantsLegalAction: "", .legal: "", .police: "Referred",
            .livelihoods: "", .childProtection: "", .consent: "Yes", .agencyCode: "ZK-KRU",
        ]
        for column in IncidentRecorderColumn.allCases where expected[column] != nil {
            XCTAssertEqual(row[column], expected[column], column.header)
        }
        XCTAssertEqual(Set(IncidentRecorderColumn.allCases).subtracting(expected.keys), [.survivorCode, .caseManagerCode])
        XCTAssertNotNil(row[.survivorCode].wholeMatch(of: /S-[0-9A-HJKMNP-TV-Z]{10}/), row[.survivorCode])
        XCTAssertNotNil(row[.caseManagerCode].wholeMatch(of: /CM-[0-9A-HJKMNP-TV-Z]{6}/), row[.caseManagerCode])
        XCTAssertEqual(row.values.count, 42)
    }

    func testANonConsentingCaseGivesNoRowAndTakesNoIncidentNumber() throws {
        var document = try ProfileFixture.document()
        document.consent.statistics = false
        let facts = CaseFacts(document: document, createdDay: "2026-03-05")
        XCTAssertNil(facts, "the vault keeps no facts without consent")
        var export = try IncidentRecorderExport(agencyCode: "ZK-KRU")
        XCTAssertNil(try export.row(facts: facts, caseManager: "maja"))
        let next = try XCTUnwrap(export.row(facts: ProfileFixture.facts(ProfileFixture.document()), caseManager: "maja"))
        XCTAssertEqual(next[.incidentID], "1")
    }

    func testSurvivorCodesAreNeitherTheCaseCodeNorRepeatedAcrossExports() throws {
        let facts = try ProfileFixture.facts(ProfileFixture.document())
        var first = try IncidentRecorderExport(agencyCode: "ZK-KRU"), second = try IncidentRecorderExport(agencyCode: "ZK-KRU")
        let a = try XCTUnwrap(first.row(facts: facts, caseManager: "maja")), b = try XCTUnwrap(second.row(facts: facts, caseManager: "maja"))
        for code in [a[.survivorCode], b[.survivorCode]] {
            XCTAssertNotEqual(code, ProfileFixture.caseCode)
            XCTAssertNil(CaseCode(code), "a survivor code cannot be read as a case code")
        }
        XCTAssertNotEqual(a[.survivorCode], b[.survivorCode], "the same case gets a new code in every export")
        XCTAssertNotEqual(a[.caseManagerCode], b[.caseManagerCode], "so does its caseworker")
        XCTAssertEqual(a[.incidentID], b[.incidentID], "the incident number is the export's own sequence")
        let again = try XCTUnwrap(first.row(facts: facts, caseManager: "maja"))
        XCTAssertNotEqual(again[.survivorCode], a[.survivorCode], "each incident of an export has its own survivor code")
        XCTAssertEqual(again[.incidentID], "2")
    }

    func testOneCaseworkerHasOneCodeInAnExport() throws {
        let facts = try ProfileFixture.facts(ProfileFixture.document())
        var export = try IncidentRecorderExport(agencyCode: "ZK-KRU")
        let rows = try ["maja", "vesna", "maja", nil, "vesna"].map { try XCTUnwrap(export.row(facts: facts, caseManager: $0)) }
        XCTAssertEqual(rows[0][.caseManagerCode], rows[2][.caseManagerCode])
        XCTAssertEqual(rows[1][.caseManagerCode], rows[4][.caseManagerCode])
        XCTAssertNotEqual(rows[0][.caseManagerCode], rows[1][.caseManagerCode])
        XCTAssertEqual(rows[3][.caseManagerCode], "", "an unassigned case has no case manager")
        XCTAssertFalse(rows.contains { $0.values.contains("maja") || $0.values.contains("vesna") }, "no user name is written")
    }

    /// A document imported without intake answers: only what the export itself knows is filled.
    func testEmptyWhereTheCaseHasNoAnswer() throws {
        let document = CaseDocument(survivor: .init(name: "Jelena Đorđević"), consent: .init(statistics: true))
        var export = try IncidentRecorderExport(agencyCode: "ZK-KRU")
        let row = try XCTUnwrap(export.row(facts: XCTUnwrap(CaseFacts(document: document, createdDay: "2026-11-30")), caseManager: "maja"))
        let filled: Set<IncidentRecorderColumn> = [.incidentID, .survivorCode, .caseManagerCode, .dateOfInterview, .consent, .agencyCode]
        for column in IncidentRecorderColumn.allCases where !filled.contains(column) { XCTAssertEqual(row[column], "", column.header) }
        XCTAssertEqual(row[.dateOfInterview], "Nov-2026", "the month the case was made when the intake gave no report date")
    }

    /// The facts keep "unknown" both for a survivor's "not known" and for a question left
    /// unanswered, so neither is written as the workbook's "Unknown".
    func testUnknownAnswersLeaveTheCellEmpty() throws {
        var document = try ProfileFixture.document()
        document.survivor.sex = .unknown
        document.incident.type = nil
        let unknown = #"{"choice":"unknown"}"#
        for question in ["marital_status", "disability", "displacement", "incident_time", "previous_incidents", "incident_municipality"] {
            document.intake?[question] = unknown
        }
        document.intake?["perpetrators"] =
            #"{"group":[{"perpetrator_sex":{"choice":"unknown"},"perpetrator_age_group":{"choice":"unknown"},"perpetrator_relationship":{"choice":"unknown"}}]}"#
        document.intake?["reported_elsewhere"] = nil
        var export = try IncidentRecorderExport(agencyCode: "ZK-KRU")
        let row = try XCTUnwrap(export.row(facts: ProfileFixture.facts(document), caseManager: "maja"))
        let columns: [IncidentRecorderColumn] = [.sex, .gbvType, .maritalStatus, .disability, .displacementStatus, .timeOfDay,
                                                 .previousIncidents, .district, .campTown, .perpetratorSex, .perpetratorAgeGroup,
                                                 .perpetratorRelationship, .previouslyReported]
        for column in columns { XCTAssertEqual(row[column], "", column.header) }
        XCTAssertEqual(row[.perpetratorCount], "1")
    }

    func testMoreThanThreePerpetratorsAndTheOtherReportingAnswers() throws {
        var document = try ProfileFixture.document()
        let one = #"{"perpetrator_sex":{"choice":"male"},"perpetrator_age_group":{"choice":"age_61_plus"},"perpetrator_relationship":{"choice":"stranger"}}"#
        document.intake?["perpetrators"] = #"{"group":["# + Array(repeating: one, count: 4).joined(separator: ",") + "]}"
        document.intake?["reported_elsewhere"] = #"{"choices":["police","other_organisation"]}"#
        var export = try IncidentRecorderExport(agencyCode: "ZK-KRU")
        var row = try XCTUnwrap(export.row(facts: ProfileFixture.facts(document), caseManager: "maja"))
        XCTAssertEqual(row[.perpetratorCount], "More than 3")
        XCTAssertEqual(row[.perpetratorSex], "M")
        XCTAssertEqual(row[.perpetratorAgeGroup], "61 & Older")
        XCTAssertEqual(row[.perpetratorRelationship], "No relation")
        XCTAssertEqual(row[.previouslyReported], "Yes-GBVIMS Org / Agency")
        document.intake?["reported_elsewhere"] = #"{"choices":["nowhere"]}"#
        row = try XCTUnwrap(export.row(facts: ProfileFixture.facts(document), caseManager: "maja"))
        XCTAssertEqual(row[.previouslyReported], "No")
    }

    func testAnAgencyCodeThatASpreadsheetCouldRunIsRefused() {
        for code in ["", "=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "ZK\r\nKRU", String(repeating: "A", count: 41)] {
            XCTAssertThrowsError(try IncidentRecorderExport(agencyCode: code)) { XCTAssertEqual($0 as? IncidentRecorderError, .invalidAgencyCode) }
        }
        XCTAssertNoThrow(try IncidentRecorderExport(agencyCode: "UNFPA/ZK-KRU 2"))
    }
}
