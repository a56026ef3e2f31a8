@testable import Intake
import XCTest

/// Choices typed as people type them: part of the label, without diacritics, in either script.
final class ChoiceMatchingTests: XCTestCase {
    func parse(_ text: String, _ question: String, _ language: Language = .serbianLatin) throws -> AnswerValue {
        let form = try Fixtures.form()
        let asked = try XCTUnwrap(form.question(question))
        return try AnswerParser(localizer: try Fixtures.localizer(language)).parse(text, for: asked)
    }

    func testFoldedWordsInsideALabelFindTheChoice() throws {
        XCTAssertEqual(try parse("sigurna kuca", "services_requested"), .choices(["safety_shelter"]))
        XCTAssertEqual(try parse("сигурна кућа", "services_requested"), .choices(["safety_shelter"]), "Cyrillic typing, Latin session")
        XCTAssertEqual(try parse("sigurna kuca", "services_requested", .serbianCyrillic), .choices(["safety_shelter"]), "Latin typing, Cyrillic session")
        XCTAssertEqual(try parse("sigurna kuca, pravna", "services_requested"), .choices(["legal", "safety_shelter"]))
    }

    func testAUniquePrefixFindsTheChoice() throws {
        XCTAssertEqual(try parse("pol", "services_requested"), .choices(["police"]))
        XCTAssertEqual(try parse("bezb", "services_requested"), .choices(["safety_shelter"]))
        XCTAssertEqual(try parse("Policija", "services_requested"), .choices(["police"]), "a whole label still works")
        XCTAssertEqual(try parse("4", "services_requested"), .choices(["safety_shelter"]), "numbers still work")
    }

    func testAnAmbiguousPrefixNamesTheChoicesItFits() throws {
        XCTAssertThrowsError(try parse("p", "services_requested")) { error in
            guard case .ambiguousChoice(let matches)? = error as? AnswerProblem else { return XCTFail("\(error)") }
            XCTAssertEqual(matches, "Psihosocijalna podrška; Pravna pomoć; Policija")
        }
        let localizer = try Fixtures.localizer(.serbianLatin)
        let text = localizer.render(AnswerProblem.ambiguousChoice(matches: "Pravna pomoć; Policija").message)
        XCTAssertTrue(text.contains("Pravna pomoć; Policija"), text)
    }

    func testWordsThatFitNoChoiceAreRefused() throws {
        XCTAssertThrowsError(try parse("kuca sigurna", "services_requested")) { error in
            XCTAssertEqual(error as? AnswerProblem, .unknownChoice(choiceCount: 8), "words must come in the label's order")
        }
        XCTAssertThrowsError(try parse("xyz", "incident_place"))
    }

    func testEnterAfterGoingBackKeepsTheEarlierAnswerAndMovesOn() throws {
        var engine = try Fixtures.engine()
        try engine.answer("yes")
        try engine.answer("no")
        XCTAssertEqual(engine.current?.path.description, "consent_share_legal")
        XCTAssertTrue(engine.back())
        XCTAssertTrue(engine.back())
        XCTAssertEqual(engine.current?.path.description, "consent_services")
        XCTAssertTrue(engine.keep())
        XCTAssertEqual(engine.current?.path.description, "consent_share_psychosocial", "the next question, not the end")
        XCTAssertEqual(engine.current?.answer, .yesNo(false), "its earlier answer is still there")
        XCTAssertTrue(engine.keep())
        XCTAssertEqual(engine.current?.path.description, "consent_share_legal", "back where the intake stood")
        XCTAssertFalse(engine.keep(), "an unanswered question has nothing to keep")
        XCTAssertEqual(engine.review().first?.answer, .yesNo(true))
    }
}
