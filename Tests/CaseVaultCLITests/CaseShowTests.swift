@testable import CaseVaultCLI
import Foundation
import Intake
import XCTest

/// `case show` of a case made by a whole intake, in every language: the danger alert and the
/// safety panel first, every answer the intake took labelled in the language, JSON answers as
/// JSON values, and lines wrapped to a narrow terminal without breaking a word or a number.
final class CaseShowTests: XCTestCase {
    var cli: CLIHarness!
    let phone = "+381 64 123 4567"

    override func setUpWithError() throws {
        cli = try CLIHarness()
        try cli.makeVault(users: [("maja", "caseworker")])
    }

    /// Answers every question the form asks (each yes/no "yes", so every follow-up question is
    /// asked; two perpetrators; immediate danger), and returns the engine at the end and the
    /// answers as an `--answers` file holds them.
    func wholeIntake() throws -> (IntakeEngine, [String: Any]) {
        let form = try IntakeResources.form(catalogs: IntakeResources.catalogs())
        var engine = IntakeEngine(form: form, localizer: try IntakeResources.localizer(for: .english), today: CalendarDay.today())
        var file: [String: Any] = [:]
        while let step = engine.current {
            let question = step.question
            let value: AnswerValue
            let stored: Any
            switch question.type {
            case .text:
                let text = question.id == "phone" ? phone : "Text of \(question.id)"
                (value, stored) = (.text(text), text)
            case .longText: (value, stored) = (.text("She told it in her own words."), "She told it in her own words.")
            case .date:
                let iso = ["birth_date": "1990-05-01", "report_date": "2026-01-10"][question.id] ?? "2026-01-05"
                (value, stored) = (.date(try XCTUnwrap(CalendarDay(iso: iso))), iso)
            case .number, .repeatableGroup:
                let number = question.type == .repeatableGroup ? 2 : 34
                (value, stored) = (.number(Decimal(number)), number)
            case .singleChoice:
                let id = try XCTUnwrap(question.choices.first?.id)
                (value, stored) = (.choice(id), id)
            case .multiChoice:
                let ids = Array(question.choices.filter { !$0.exclusive }.prefix(2).map(\.id))
                (value, stored) = (.choices(ids), ids)
            case .yesNo: (value, stored) = (.yesNo(true), true)
            }
            try engine.answer(.value(value))
            file[step.path.description] = stored
        }
        return (engine, file)
    }

    func showCase(_ language: String, json: Bool = false) throws -> (code: String, engine: IntakeEngine, intake: CLIHarness.Result, shown: CLIHarness.Result) {
        let (engine, answers) = try wholeIntake()
        let file = cli.directory.appendingPathComponent("answers-\(language).json")
        try JSONSerialization.data(withJSONObject: answers).write(to: file)
        let intake = try cli.run(as: "maja", ["intake", "--lang", language, "--answers", file.path])
        XCTAssertEqual(intake.status, 0, intake.err)
        let code = intake.out.trimmingCharacters(in: .whitespacesAndNewlines)
        let shown = try cli.run(as: "maja", ["case", "show", code, "--lang", language] + (json ? ["--format", "json"] : []))
        XCTAssertEqual(shown.status, 0, shown.err)
        return (code, engine, intake, shown)
    }

    func testEveryAnswerOfAWholeIntakeIsShownInEachLanguage() throws {
        for language in Language.allCases {
            let localizer = try IntakeResources.localizer(for: language)
            let (_, engine, intake, shown) = try showCase(language.rawValue)
            let lines = shown.out.components(separatedBy: "\n")
            func index(_ text: String, after start: Int = 0) -> Int? {
                lines.indices.first { $0 >= start && lines[$0].contains(text) }
            }
            func line(_ step: IntakeStep) throws -> String {
                let answer = try XCTUnwrap(step.answer, step.path.description)
                return localizer.text(step.question.prompt) + " → " + localizer.display(answer, for: step.question)
            }
            var heading = 0
            for step in engine.review() {
                if let item = step.path.item, let title = step.group?.itemTitle {
                    let itemHeading = try XCTUnwrap(index(localizer.text(title, ["index": .integer(item + 1)])),
                                                    "\(language): heading of item \(item + 1) missing")
                    heading = max(heading, itemHeading)
                    XCTAssertNotNil(index(try line(step), after: itemHeading), "\(language): \(step.path) not under its heading")
                } else {
                    XCTAssertNotNil(index(try line(step)), "\(language): \(step.path) missing:\n\(shown.out)")
                }
            }
            let alert = try XCTUnwrap(index("!! "), "\(language): no danger alert")
            let panel = try XCTUnwrap(index(localizer.text("cli.case.section.safety")))
            let survivor = try XCTUnwrap(index(localizer.text("section.survivor.title")))
            let danger = try XCTUnwrap(index(localizer.text("q.immediate_danger")))
            XCTAssertTrue(alert < panel && panel < danger && danger < survivor, "\(language): alert, then safety panel, then the rest")
            for number in ["192", "194", "0800 222 003", "0800 11112"] {
                XCTAssertTrue(lines[alert..<panel].contains { $0.contains(number) }, "\(language): \(number) missing from the alert")
                XCTAssertTrue(intake.err.contains(number), "\(language): the intake's end shows the alert too")
            }
        }
    }

    func testJSONAnswersAreJSONValues() throws {
        let (_, engine, _, shown) = try showCase("sr-Latn", json: true)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(shown.out.utf8)) as? [String: Any])
        let intake = try XCTUnwrap((object["document"] as? [String: Any])?["intake"] as? [String: Any])
        let result = try engine.confirm()
        XCTAssertEqual(Set(intake.keys), Set(result.answers.keys).union(["form"]))
        for (question, answer) in result.answers {
            let value = try XCTUnwrap(intake[question])
            switch answer {
            case .yesNo(let flag):
                XCTAssertEqual(value as? Bool, flag, question)
                XCTAssertFalse(value is String, question)
            case .number(let number):
                XCTAssertFalse(value is String, question)
                XCTAssertEqual((value as? NSNumber)?.decimalValue, number, question)
            case .date(let day): XCTAssertEqual(value as? String, day.iso, question)
            case .choice(let id): XCTAssertEqual(value as? String, id, question)
            case .choices(let ids): XCTAssertEqual(value as? [String], ids, question)
            case .text(let text): XCTAssertEqual(value as? String, text, question)
            case .group(let items):
                let shownItems = try XCTUnwrap(value as? [[String: Any]], question)
                XCTAssertEqual(shownItems.count, items.count)
                XCTAssertEqual(shownItems.first?["perpetrator_sex"] as? String, "female")
            }
        }
    }

    func testANarrowTerminalBreaksNoWordOrNumber() throws {
        let (code, _, _, plain) = try showCase("sr-Latn")
        let out = CLIHarness.Capture()
        let console = Console(out: { out.append($0) }, err: { _ in }, columns: { _ in 50 })
        let status = CaseVaultCommand.run(arguments: ["case", "show", code, "--lang", "sr-Latn"] + (try login("maja")),
                                          console: console, environment: CLIHarness.englishEnvironment)
        XCTAssertEqual(status, 0)
        let wrapped = out.take()
        let lines = wrapped.components(separatedBy: "\n")
        XCTAssertGreaterThan(lines.count, plain.out.components(separatedBy: "\n").count, "long lines were wrapped")
        for line in lines where line.count > 49 {
            XCTAssertFalse(line.trimmingCharacters(in: .whitespaces).contains(" "), "a line too long for 50 columns: \(line)")
        }
        XCTAssertEqual(wrapped.split(whereSeparator: \.isWhitespace), plain.out.split(whereSeparator: \.isWhitespace),
                       "the same words in the same order: none was cut")
        for whole in [phone, "0800 222 003", code, "05.01.2026."] {
            XCTAssertTrue(lines.contains { $0.contains(whole) }, "\(whole) is split across lines")
        }
    }

    func testAnImportedCaseShowsItsFieldsAndSaysWhatSafetyIsUnknown() throws {
        let created = try cli.run(as: "maja", ["case", "create", "--from", CLIHarness.fixture("two_cases.json")])
        let codes = created.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(codes.count, 2, created.err)
        let first = try cli.run(as: "maja", ["case", "show", codes[0]]).out
        let second = try cli.run(as: "maja", ["case", "show", codes[1]]).out
        for shown in [first, second] {
            XCTAssertLessThan(try XCTUnwrap(shown.range(of: "Safety: read before you phone")).lowerBound,
                              try XCTUnwrap(shown.range(of: "Survivor")).lowerBound, "safety first")
            XCTAssertTrue(shown.contains("No safety answers are recorded"), shown)
            XCTAssertFalse(shown.contains("!! "), "no alert without a recorded danger")
        }
        XCTAssertTrue(first.contains("+381 37 441 902"), first)
        XCTAssertTrue(second.contains("No safe phone number is recorded."), second)
        XCTAssertTrue(first.contains("Pretio joj je sekirom u dvorištu."), "the document's fields are shown")
    }

    func login(_ user: String) throws -> [String] {
        ["--vault", cli.vault, "--user", user, "--passphrase-file", try cli.passphraseFile(user)]
    }
}
