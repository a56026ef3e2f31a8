import Intake
import XCTest

final class LocalizerTests: XCTestCase {
    func testPlaceholdersAreFilledAndFormattedPerLanguage() throws {
        let problem = AnswerProblem.dateAfter(try XCTUnwrap(CalendarDay(year: 2026, month: 3, day: 21)), question: "q.report_date")
        XCTAssertEqual(try Fixtures.localizer(.serbianCyrillic).render(problem.message),
                       "Датум не може бити после 21.03.2026. (Датум пријаве).")
        XCTAssertEqual(try Fixtures.localizer(.serbianLatin).render(problem.message),
                       "Datum ne može biti posle 21.03.2026. (Datum prijave).")
        XCTAssertEqual(try Fixtures.localizer(.english).render(problem.message),
                       "The date cannot be after 2026-03-21 (Date of this report).")
        XCTAssertEqual(try Fixtures.localizer(.romani).render(AnswerProblem.notYesNo.message), "Phen Va vaj Na.")
        XCTAssertEqual(try Fixtures.localizer(.serbianCyrillic).render(AnswerProblem.numberTooLarge(120).message),
                       "Број може бити највише 120.")
    }

    func testPlaceholderSyntax() {
        XCTAssertEqual(Placeholders.fill("{a} and {b} {a} {missing} {not a name} {", ["a": "1", "b": "2"]),
                       "1 and 2 1 {missing} {not a name} {")
        XCTAssertEqual(Placeholders.names(in: "{count} of {total}, {count}"), ["count", "total"])
        XCTAssertEqual(Placeholders.fill("{x}", ["x": "{y}", "y": "no"]), "{y}", "values are not expanded again")
    }

    func testMissingMessageFallsBackToEnglishThenToTheID() throws {
        let header = "msgid \"\"\nmsgstr \"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\nmsgid \"only\"\nmsgstr \"Samo\"\n"
        let partial = try Catalog(language: .romani, text: header)
        let localizer = Localizer(catalog: partial, fallback: try IntakeResources.catalog(.english))
        XCTAssertEqual(localizer.text("only"), "Samo")
        XCTAssertEqual(localizer.text("answer.yes"), "Yes")
        XCTAssertEqual(localizer.text("no.such.message"), "no.such.message")
    }

    func testEveryProblemRendersInEveryLanguage() throws {
        for language in Language.allCases {
            let localizer = try Fixtures.localizer(language)
            for problem in AnswerProblemExamples.all {
                let text = localizer.render(problem.message)
                XCTAssertFalse(text.contains("{"), "\(language.rawValue) \(problem): \(text)")
                XCTAssertNotEqual(text, problem.message.id)
            }
        }
    }

    func testAnswersAreDisplayedInTheLanguage() throws {
        let form = try Fixtures.form()
        let localizer = try Fixtures.localizer(.serbianCyrillic)
        let municipality = try XCTUnwrap(form.question("survivor_municipality"))
        XCTAssertEqual(localizer.display(.choice("cicevac"), for: municipality), "Ћићевац")
        let services = try XCTUnwrap(form.question("services_requested"))
        XCTAssertEqual(localizer.display(.choices(["legal", "police"]), for: services), "Правна помоћ, Полиција")
        XCTAssertEqual(localizer.display(.yesNo(true), for: services), "Да")
        let day = try XCTUnwrap(CalendarDay(year: 2026, month: 3, day: 21))
        XCTAssertEqual(localizer.display(.date(day), for: services), "21.03.2026.")
        XCTAssertEqual(try Fixtures.localizer(.romani).display(.number(12.5), for: services), "12,5")
    }
}
