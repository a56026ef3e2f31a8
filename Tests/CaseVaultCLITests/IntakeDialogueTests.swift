@testable import CaseVaultCLI
import Foundation
import Intake
import XCTest

/// The intake dialogue's commands, going back and the save question, driven line by line.
final class IntakeDialogueTests: XCTestCase {
    /// The engine as the dialogue last saved it.
    final class Saved { var engine: IntakeEngine? }

    struct Run {
        let result: Result<IntakeResult, any Error>
        let err: String
        let saved: IntakeEngine?
    }

    func dialogue(_ lines: [String], language: Language = .english) throws -> Run {
        let localizer = try IntakeResources.localizer(for: language)
        let form = try IntakeResources.form(catalogs: IntakeResources.catalogs())
        let engine = IntakeEngine(form: form, localizer: localizer, today: CalendarDay.today())
        let err = CLIHarness.Capture()
        let console = Console(out: { _ in }, err: { err.append($0) }, messages: Messages(localizer: localizer))
        let saved = Saved()
        var dialogue = IntakeDialogue(engine: engine, console: console, lines: .lines(lines), save: { saved.engine = $0 })
        let result = Result { try dialogue.run() }
        return Run(result: result, err: err.take(), saved: saved.engine)
    }

    func englishAnswers() throws -> [String] {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("intake_en.json")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        return try XCTUnwrap(object["answers"] as? [[String]]).map { $0[1] }
    }

    func testEnterAfterGoingBackKeepsTheEarlierAnswer() throws {
        let run = try dialogue(["yes", "no", "<", ""])
        XCTAssertTrue(run.err.contains("Earlier answer: No. `Enter` keeps it"), run.err)
        XCTAssertFalse(run.err.contains("[No]"), "no bracket that looks like a default")
        XCTAssertFalse(run.err.contains("! "), "Enter is not refused as an empty required answer:\n\(run.err)")
        let engine = try XCTUnwrap(run.saved)
        XCTAssertEqual(engine.current?.path.description, "consent_share_legal", "Enter moved on")
        XCTAssertEqual(engine.review()[1].answer, .yesNo(false), "the earlier answer is kept")
    }

    func testNoAtTheSaveQuestionSaysWhatHappensAndOffersTheChoices() throws {
        let answers = try englishAnswers()
        let refused = try dialogue(answers + ["no", "yes"])
        XCTAssertNoThrow(try refused.result.get(), "yes after no saves the case")
        XCTAssertTrue(refused.err.contains("The case is not saved yet, and nothing is lost."), refused.err)
        XCTAssertTrue(refused.err.contains("`<` to go back"), refused.err)
        XCTAssertEqual(refused.err.components(separatedBy: "Save this case?").count - 1, 2, "asked again after no")
        XCTAssertTrue(refused.err.contains("  Alleged perpetrator 1\n    "), "the review names the perpetrator:\n\(refused.err)")

        let back = try dialogue(answers + ["no", "<"])
        XCTAssertThrowsError(try back.result.get(), "the input ended")
        XCTAssertEqual(back.saved?.current?.path.description, "services_requested", "< goes to the last question")

        let stopped = try dialogue(answers + ["no", "sačuvaj"])
        XCTAssertThrowsError(try stopped.result.get()) { XCTAssertTrue($0 is IntakeStopped, "\($0)") }
    }

    func testLocalCommandWordsWorkInEveryLanguageSession() throws {
        for word in ["save", "SAVE", "sačuvaj", "sacuvaj", "сачувај", "garav"] {
            for language in [Language.english, .serbianCyrillic, .romani] {
                let run = try dialogue(["yes", word], language: language)
                XCTAssertThrowsError(try run.result.get(), "\(word) in \(language)") { XCTAssertTrue($0 is IntakeStopped, "\(word): \($0)") }
                XCTAssertEqual(run.saved?.review().first?.answer == nil, language != .english, "the answer before \(word) is kept")
            }
        }
        for word in ["review", "pregled", "преглед", "dikhipe"] {
            let run = try dialogue([word])
            XCTAssertTrue(run.err.contains("Review of the answers"), "\(word):\n\(run.err)")
        }
        let serbian = try dialogue([], language: .serbianLatin)
        XCTAssertTrue(serbian.err.contains("`pregled` svi odgovori, `sačuvaj` čuva nacrt"), serbian.err)
    }

    func testChoicesByFoldedWordsAndAmbiguousPrefixesInTheDialogue() throws {
        let answers = try englishAnswers()
        let index = try XCTUnwrap(answers.indices.last)
        let run = try dialogue(Array(answers[..<index]) + ["p", "safe house"])
        XCTAssertTrue(run.err.contains("Several choices begin that way: Psychosocial support; Police"), run.err)
        XCTAssertEqual(run.saved?.review().last?.answer, .choices(["safety_shelter"]), "words inside the label found it")
        let serbian = try dialogue(Array(answers[..<index]) + ["sigurna kuca"], language: .serbianLatin)
        XCTAssertFalse(serbian.err.isEmpty)
    }
}
