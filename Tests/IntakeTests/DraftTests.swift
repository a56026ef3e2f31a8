import Foundation
import Intake
import XCTest

/// A partial intake saved as a draft resumes exactly where it stood.
final class DraftTests: XCTestCase {
    func roundTrip(_ draft: IntakeDraft) throws -> IntakeDraft {
        try JSONDecoder().decode(IntakeDraft.self, from: JSONEncoder().encode(draft))
    }

    func resume(_ draft: IntakeDraft, _ language: Language = .english) throws -> IntakeEngine {
        try IntakeEngine(form: Fixtures.form(), localizer: Fixtures.localizer(language), today: Fixtures.today, draft: draft)
    }

    func testDraftMidIntakeResumesExactlyAndFinishesTheSame() throws {
        var original = EngineDriver(engine: try Fixtures.engine(.english))
        original.advance(to: "perpetrators", with: EngineDriver.englishAnswers)
        try original.engine.answer("2")
        original.run([["perpetrators[0].perpetrator_sex", "1"], ["perpetrators[0].perpetrator_age_group", ""]])
        original.engine.back()
        XCTAssertEqual(original.engine.current?.path.description, "perpetrators[0].perpetrator_age_group")

        let draft = try roundTrip(original.engine.snapshot())
        XCTAssertEqual(draft, original.engine.snapshot())
        XCTAssertEqual(draft.cursor, "perpetrators[0].perpetrator_age_group")
        XCTAssertEqual(draft.skipped, ["ethnicity", "incident_narrative", "incident_time", "marital_status",
                                       "perpetrators[0].perpetrator_age_group", "phone", "previous_incidents",
                                       "reported_elsewhere", "disability", "displacement"].sorted())
        var resumed = try resume(draft, .serbianCyrillic)
        XCTAssertEqual(resumed.snapshot(), original.engine.snapshot())
        XCTAssertEqual(resumed.current, original.engine.current)
        XCTAssertEqual(resumed.review(), original.engine.review())

        for engine in [original.engine, resumed] {
            XCTAssertEqual(engine.current?.path.description, "perpetrators[0].perpetrator_age_group")
        }
        try original.engine.answer("")
        try resumed.answer("")
        let rest = [["perpetrators[0].perpetrator_relationship", "1"], ["perpetrators[1].perpetrator_sex", "2"],
                    ["perpetrators[1].perpetrator_age_group", "7"], ["perpetrators[1].perpetrator_relationship", "4"]]
        original.run(rest)
        var resumedDriver = EngineDriver(engine: resumed)
        resumedDriver.run(rest)
        original.advance(to: "services_requested", with: EngineDriver.englishAnswers)
        resumedDriver.advance(to: "services_requested", with: ["immediate_danger": "не", "weapons": "3", "threats_to_kill": "2",
                                                               "children_at_risk": "2", "needs_shelter": "не"])
        try original.engine.answer("1")
        try resumedDriver.engine.answer("Психосоцијална подршка")
        XCTAssertEqual(try original.engine.confirm(), try resumedDriver.engine.confirm())
    }

    func testDraftJSONKeepsAnswersLanguageIndependent() throws {
        var driver = EngineDriver(engine: try Fixtures.engine(.serbianCyrillic))
        driver.run([["consent_services", "да"], ["consent_share_psychosocial", "не"]])
        let json = String(decoding: try JSONEncoder().encode(driver.engine.snapshot().answers), as: UTF8.self)
        XCTAssertTrue(json.contains(#""consent_services":{"yesNo":true}"#), json)
        XCTAssertFalse(json.contains("да"))
    }

    func testDraftOfAnotherFormVersionIsRefused() throws {
        let draft = IntakeDraft(formID: "gbv_intake", formVersion: 99, answers: [:], skipped: [], cursor: nil)
        XCTAssertThrowsError(try resume(draft)) { error in
            XCTAssertEqual(error as? DraftError, .formMismatch(formID: "gbv_intake", formVersion: 99))
        }
    }

    func testTamperedDraftsAreRefused() throws {
        let base = try Fixtures.engine().snapshot()
        func draft(_ answers: [String: AnswerValue], skipped: [String] = [], cursor: String? = nil) -> IntakeDraft {
            IntakeDraft(formID: base.formID, formVersion: base.formVersion, answers: answers, skipped: skipped, cursor: cursor)
        }
        let cases: [(IntakeDraft, DraftError)] = [
            (draft(["no such": .yesNo(true)]), .invalidPath("no such")),
            (draft(["consent_services": .yesNo(false), "consent_share_legal": .yesNo(true)]), .invalidPath("consent_share_legal")),
            (draft(["consent_services": .yesNo(true)], cursor: "nowhere"), .invalidPath("nowhere")),
            (draft(["consent_services": .text("yes")]),
             .invalidAnswer(AnswerError(path: AnswerPath("consent_services"), problem: .wrongValueType))),
            (draft([:], skipped: ["consent_services"]), .invalidPath("consent_services")),
            (draft([:], cursor: "survivor_name"), .invalidPath("survivor_name")),
        ]
        for (draft, expected) in cases {
            XCTAssertThrowsError(try resume(draft)) { error in
                XCTAssertEqual(error as? DraftError, expected)
            }
        }
    }
}
