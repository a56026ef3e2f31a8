import Intake
import XCTest

final class PluralRuleTests: XCTestCase {
    func table() throws -> [String: [String: String]] {
        try Fixtures.decode([String: [String: String]].self, "plural_table.json")
    }

    func testCLDRCategoriesForTheRequiredCounts() throws {
        let rules: [String: [Language]] = ["sr": [.serbianCyrillic, .serbianLatin], "en": [.english], "rom": [.romani]]
        for (code, rows) in try table() {
            for language in rules[code] ?? [] {
                for (count, category) in rows {
                    let n = try XCTUnwrap(Int(count))
                    XCTAssertEqual(language.pluralRule.category(for: n).rawValue, category, "\(language.rawValue) \(n)")
                }
            }
        }
    }

    func testCatalogPicksTheRightFormInEveryLanguage() throws {
        let expected: [Language: [Int: String]] = [
            .serbianCyrillic: [
                0: "Остало је још 0 питања", 1: "Остало је још 1 питање", 2: "Остала су још 2 питања",
                5: "Остало је још 5 питања", 11: "Остало је још 11 питања", 12: "Остало је још 12 питања",
                21: "Остало је још 21 питање", 22: "Остала су још 22 питања", 25: "Остало је још 25 питања",
                101: "Остало је још 101 питање", 111: "Остало је још 111 питања",
            ],
            .serbianLatin: [1: "Ostalo je još 1 pitanje", 2: "Ostala su još 2 pitanja", 5: "Ostalo je još 5 pitanja"],
            .english: [0: "0 questions left", 1: "1 question left", 2: "2 questions left", 21: "21 questions left"],
            .romani: [1: "Ačhilo još 1 pučhipe", 2: "Ačhile još 2 pučhipa", 11: "Ačhile još 11 pučhipa"],
        ]
        for (language, rows) in expected {
            let localizer = try Fixtures.localizer(language)
            for (count, text) in rows {
                XCTAssertEqual(localizer.plural("intake.progress", count: count), text, "\(language.rawValue) \(count)")
            }
        }
    }

    func testSerbianCharacterLimitUsesAllThreeForms() throws {
        let localizer = try Fixtures.localizer(.serbianCyrillic)
        let texts = [1, 2, 5, 1000].map { localizer.render(AnswerProblem.tooLong(limit: $0).message) }
        XCTAssertEqual(texts, [
            "Одговор је предугачак: највише 1 знак.", "Одговор је предугачак: највише 2 знака.",
            "Одговор је предугачак: највише 5 знакова.", "Одговор је предугачак: највише 1.000 знакова.",
        ])
    }

    func testGettextIndexOrderMatchesTheHeader() {
        XCTAssertEqual(PluralRule.serbian.categories, [.one, .few, .other])
        XCTAssertEqual(PluralRule.serbian.index(for: 22), 1)
        XCTAssertEqual(PluralRule.serbian.index(for: 25), 2)
        XCTAssertEqual(PluralRule.oneOther.index(for: 1), 0)
        XCTAssertEqual(PluralRule.oneOther.index(for: -1), 0)
    }
}
