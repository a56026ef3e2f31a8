import Intake
import XCTest

/// back, skip, review, change and confirm.
final class EngineNavigationTests: XCTestCase {
    func path(_ engine: IntakeEngine) -> String? { engine.current?.path.description }

    func testConsentComesFirstAndNoConsentSkipsSharing() throws {
        var engine = try Fixtures.engine()
        XCTAssertEqual(path(engine), "consent_services")
        XCTAssertEqual(engine.current?.section.id, "consent")
        try engine.answer("no")
        XCTAssertEqual(path(engine), "consent_statistics", "no consent to services: nothing is shared")
        XCTAssertFalse(engine.review().contains { $0.path.description.hasPrefix("consent_share") })
    }

    func testBackReturnsToThePreviousQuestionAndAnsweringMovesOn() throws {
        var engine = try Fixtures.engine()
        XCTAssertFalse(engine.back(), "nothing before the first question")
        try engine.answer("yes")
        try engine.answer("yes")
        XCTAssertEqual(path(engine), "consent_share_legal")
        XCTAssertTrue(engine.back())
        XCTAssertEqual(path(engine), "consent_share_psychosocial")
        XCTAssertEqual(engine.current?.answer, .yesNo(true), "the earlier answer is shown")
        XCTAssertTrue(engine.back())
        XCTAssertEqual(path(engine), "consent_services")
        try engine.answer("yes")
        XCTAssertEqual(path(engine), "consent_share_legal", "continues at the first unanswered question")
        XCTAssertEqual(engine.review().first { $0.path.description == "consent_share_psychosocial" }?.answer, .yesNo(true))
    }

    func testSkipOnlyOptionalQuestionsAndEmptyAnswerSkips() throws {
        var driver = EngineDriver(engine: try Fixtures.engine())
        driver.advance(to: "ethnicity", with: EngineDriver.englishAnswers)
        XCTAssertEqual(path(driver.engine), "ethnicity")
        try driver.engine.skip()
        XCTAssertEqual(path(driver.engine), "service_language")
        XCTAssertThrowsError(try driver.engine.skip()) { error in
            XCTAssertEqual(error as? AnswerError, AnswerError(path: AnswerPath("service_language"), problem: .cannotSkipRequired))
        }
        driver.engine.back()
        XCTAssertEqual(driver.engine.current?.isSkipped, true)
        try driver.engine.answer("2")
        XCTAssertEqual(driver.engine.review().first { $0.path.description == "ethnicity" }?.answer, .choice("roma"))
        XCTAssertEqual(path(driver.engine), "service_language")
    }

    func testReviewListsEveryQuestionAskedWithItsState() throws {
        var driver = EngineDriver(engine: try Fixtures.engine())
        driver.advance(to: "survivor_sex", with: EngineDriver.englishAnswers)
        let review = driver.engine.review()
        let answered = review.filter { $0.answer != nil }.map(\.path.description)
        XCTAssertEqual(answered, [
            "consent_services", "consent_share_psychosocial", "consent_share_legal", "consent_share_health",
            "consent_share_safety", "consent_share_police", "consent_share_social_welfare", "consent_share_livelihood",
            "consent_statistics", "survivor_name", "birth_date_known", "age",
        ])
        XCTAssertFalse(review.contains { $0.path.description == "birth_date" }, "date of birth unknown: not asked")
        XCTAssertEqual(review.first { !$0.isResolved }?.path.description, "survivor_sex")
        let localizer = try Fixtures.localizer(.serbianLatin)
        let lines = review.prefix(3).map { step in
            "\(localizer.text(step.question.prompt)): \(step.answer.map { localizer.display($0, for: step.question) } ?? "")"
        }
        XCTAssertEqual(lines[0], "Da li osoba pristaje da dobija usluge organizacije?: Da")
    }

    func testChangeContinuesAtTheFirstQuestionWhoseStateChanged() throws {
        var driver = EngineDriver(engine: try Fixtures.engine())
        driver.advance(to: "ethnicity", with: EngineDriver.englishAnswers)
        let discarded = try driver.engine.change(AnswerPath("birth_date_known"), to: .typed("yes"))
        XCTAssertEqual(discarded.map(\.description), ["age"], "the age no longer applies")
        XCTAssertEqual(path(driver.engine), "birth_date", "the newly asked question")
        try driver.engine.answer("02.05.1990.")
        XCTAssertEqual(path(driver.engine), "ethnicity", "back where the intake stood")

        XCTAssertThrowsError(try driver.engine.change(AnswerPath("phone"), to: .typed("123"))) { error in
            XCTAssertEqual((error as? AnswerError)?.problem, .notReached)
        }
        XCTAssertThrowsError(try driver.engine.change(AnswerPath("age"), to: .typed("3"))) { error in
            XCTAssertEqual((error as? AnswerError)?.problem, .notReached, "not asked any more")
        }
        XCTAssertEqual(try driver.engine.change(AnswerPath("survivor_name"), to: .typed("Ana P.")), [])
        XCTAssertEqual(path(driver.engine), "ethnicity")
    }

    func testRepeatableGroupAsksEachItem() throws {
        var driver = EngineDriver(engine: try Fixtures.engine())
        driver.advance(to: "perpetrators", with: EngineDriver.englishAnswers)
        XCTAssertEqual(driver.engine.current?.question.type, .repeatableGroup)
        try driver.engine.answer("2")
        driver.run([
            ["perpetrators[0].perpetrator_sex", "male"], ["perpetrators[0].perpetrator_age_group", "4"],
            ["perpetrators[0].perpetrator_relationship", "former intimate partner"],
            ["perpetrators[1].perpetrator_sex", "2"], ["perpetrators[1].perpetrator_age_group", ""],
            ["perpetrators[1].perpetrator_relationship", "3"], ["immediate_danger", "no"],
        ])
        XCTAssertEqual(driver.engine.current?.path.description, "weapons")
        let step = try XCTUnwrap(driver.engine.review().first { $0.path.description == "perpetrators[1].perpetrator_sex" })
        XCTAssertEqual(step.group?.id, "perpetrators")
        XCTAssertEqual(step.path.item, 1)

        let discarded = try driver.engine.change(AnswerPath("perpetrators"), to: .typed("1"))
        XCTAssertEqual(discarded.map(\.description), [
            "perpetrators[1].perpetrator_age_group", "perpetrators[1].perpetrator_relationship", "perpetrators[1].perpetrator_sex",
        ])
        driver.advance(to: "services_requested", with: EngineDriver.englishAnswers)
        try driver.engine.answer("legal, 7")
        let result = try driver.engine.confirm()
        XCTAssertEqual(result.answers["perpetrators"], .group([[
            "perpetrator_sex": .choice("male"), "perpetrator_age_group": .choice("age_26_40"),
            "perpetrator_relationship": .choice("former_partner"),
        ]]))
        XCTAssertEqual(result.answers["services_requested"], .choices(["legal", "livelihood"]))
    }

    func testConfirmRefusesAnIncompleteIntakeAndThenSucceeds() throws {
        var driver = EngineDriver(engine: try Fixtures.engine())
        driver.advance(to: "services_requested", with: EngineDriver.englishAnswers)
        XCTAssertThrowsError(try driver.engine.confirm()) { error in
            XCTAssertEqual(error as? AnswerError, AnswerError(path: AnswerPath("services_requested"), problem: .required))
        }
        try driver.engine.answer("none")
        XCTAssertNil(driver.engine.current)
        XCTAssertThrowsError(try driver.engine.answer("1")) { error in
            XCTAssertEqual((error as? AnswerError)?.problem, .finished)
        }
        let result = try driver.engine.confirm()
        XCTAssertEqual(result.formID, "gbv_intake")
        XCTAssertEqual(result.incidentType, .physicalAssault)
        XCTAssertEqual(result.answers["services_requested"], .choices(["none"]))
        XCTAssertEqual(result.answers["age"], .number(34))
        XCTAssertNil(result.answers["birth_date"])
        XCTAssertEqual(result.documentFields, [
            "survivor.name": .text("Ana Petrović"), "survivor.sex": .text("female"), "survivor.language": .text("sr"),
            "survivor.municipality": .text("krusevac"), "incident.date": .text("2026-03-19"),
            "incident.type": .text("physical_assault"), "consent.statistics": .flag(true),
        ])
        let json = String(decoding: try result.documentJSON(), as: UTF8.self)
        XCTAssertEqual(json, #"{"consent":{"statistics":true},"incident":{"date":"2026-03-19","type":"physical_assault"},"#
            + #""survivor":{"language":"sr","municipality":"krusevac","name":"Ana Petrović","sex":"female"}}"#)

        XCTAssertTrue(driver.engine.back())
        XCTAssertEqual(path(driver.engine), "services_requested", "back from the end reaches the last question")
    }
}
