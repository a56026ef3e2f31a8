import Foundation
import Intake
import Transliteration
import XCTest

/// The four shipped catalogs agree with each other and with their scripts.
final class CatalogConsistencyTests: XCTestCase {
    func file(_ language: Language) throws -> POFile {
        let text = try XCTUnwrap(IntakeResources.catalogText(language), "no \(language.catalogFileName)")
        return try POParser.parse(text, file: language.catalogFileName)
    }

    /// Message text with `{placeholders}` and `backquoted` code left out.
    func prose(_ text: String) -> String {
        var result = text
        for name in Placeholders.names(in: text) {
            result = result.replacingOccurrences(of: "{\(name)}", with: " ")
        }
        return result.split(separator: "`", omittingEmptySubsequences: false)
            .enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
    }

    func isCyrillic(_ scalar: Unicode.Scalar) -> Bool { (0x0400...0x052F).contains(scalar.value) }
    func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic && !isCyrillic(scalar) && scalar.value < 0x0370
    }

    func testEveryMessageExistsInEveryLanguage() throws {
        let source = try IntakeResources.catalog(.english).messageIDs
        XCTAssertGreaterThan(source.count, 150)
        for language in Language.allCases {
            let ids = try IntakeResources.catalog(language).messageIDs
            XCTAssertEqual(source.subtracting(ids).sorted(), [], "missing in \(language.rawValue)")
            XCTAssertEqual(ids.subtracting(source).sorted(), [], "not in the source catalog: \(language.rawValue)")
        }
    }

    func testEveryMessageIsTranslatedAndNotFuzzy() throws {
        for language in Language.allCases {
            for entry in try file(language).messages {
                XCTAssertFalse(entry.isFuzzy, "\(language.rawValue) \(entry.id) is fuzzy")
                XCTAssertFalse(entry.strings.contains(""), "\(language.rawValue) \(entry.id) is empty")
            }
        }
    }

    func testPlaceholdersMatchTheSource() throws {
        let source = Dictionary(uniqueKeysWithValues: try file(.english).messages.map { ($0.id, $0.strings) })
        for language in Language.allCases {
            for entry in try file(language).messages {
                let expected = Set(source[entry.id]?.flatMap(Placeholders.names) ?? [])
                for text in entry.strings {
                    XCTAssertEqual(Set(Placeholders.names(in: text)), expected, "\(language.rawValue) \(entry.id)")
                }
            }
        }
    }

    func testSerbianCyrillicHasNoLatinLetters() throws {
        for entry in try file(.serbianCyrillic).messages {
            for text in entry.strings {
                let latin = prose(text).unicodeScalars.filter(isLatinLetter)
                XCTAssertTrue(latin.isEmpty, "sr-Cyrl \(entry.id) has Latin letters: \(String(String.UnicodeScalarView(latin)))")
            }
        }
    }

    func testLatinCatalogsHaveNoCyrillicLetters() throws {
        for language in [Language.serbianLatin, .romani, .english] {
            for entry in try file(language).messages {
                for text in entry.strings {
                    XCTAssertFalse(text.unicodeScalars.contains(where: isCyrillic), "\(language.rawValue) \(entry.id) has Cyrillic")
                }
            }
        }
    }

    func testSerbianLatinIsInSyncWithCyrillic() throws {
        let cyrillic = try XCTUnwrap(IntakeResources.catalogText(.serbianCyrillic))
        let generated = try SerbianLatinCatalog.generate(fromCyrillic: cyrillic)
        let shipped = try XCTUnwrap(IntakeResources.catalogText(.serbianLatin))
        XCTAssertTrue(generated == shipped, """
            Catalogs/sr-Latn.po is out of sync with sr-Cyrl.po. Regenerate it:
            CASEVAULT_REGENERATE_SR_LATN=1 swift test --filter IntakeTests.SerbianLatinGenerator
            """)
    }

    func testSerbianLatinTransliteratesEveryMessage() throws {
        let cyrillic = try IntakeResources.catalog(.serbianCyrillic)
        let latin = try IntakeResources.catalog(.serbianLatin)
        for id in cyrillic.messageIDs {
            let expected = SerbianTransliteration.cyrillicToLatin(cyrillic.text(id) ?? "")
            XCTAssertEqual(latin.text(id), expected, id)
        }
        XCTAssertEqual(latin.text("q.consent_services"), "Da li osoba pristaje da dobija usluge organizacije?")
    }

    func testEveryRomaniEntryHasAnEnglishGloss() throws {
        for entry in try file(.romani).messages {
            let glosses = entry.extractedComments.filter { $0.hasPrefix("EN: ") && $0.count > 4 }
            XCTAssertEqual(glosses.count, 1, "rom \(entry.id) needs one '#. EN: ...' gloss")
        }
    }

    func testRomaniIsMarkedAwaitingNativeReview() throws {
        let romani = try file(.romani)
        XCTAssertEqual(romani.headerValue("X-Review-Status"), "awaiting native review")
        XCTAssertTrue(romani.header?.translatorComments.contains { $0.contains("AWAITING NATIVE REVIEW") } ?? false)
    }

    func testHeadersDeclareTheCLDRPluralRule() throws {
        for language in Language.allCases {
            let header = try file(language)
            XCTAssertEqual(header.headerValue("Plural-Forms"), language.pluralRule.gettextHeader, language.rawValue)
            XCTAssertEqual(header.headerValue("Content-Type"), "text/plain; charset=UTF-8", language.rawValue)
        }
    }

    func testEveryAnswerProblemHasAMessageInEveryLanguage() throws {
        for language in Language.allCases {
            let catalog = try IntakeResources.catalog(language)
            for problem in AnswerProblemExamples.all {
                XCTAssertTrue(catalog.contains(problem.message.id), "\(problem.message.id) missing in \(language.rawValue)")
            }
            for id in ["answer.yes", "answer.no", "answer.yes_words", "answer.no_words"] {
                XCTAssertTrue(catalog.contains(id), "\(id) missing in \(language.rawValue)")
            }
        }
    }

    func testChoiceLabelsAreDistinctAfterFolding() throws {
        let form = try Fixtures.form()
        for language in Language.allCases {
            let localizer = try Fixtures.localizer(language)
            for question in form.allQuestions where !question.choices.isEmpty {
                let keys = question.choices.map { NameFolding.searchKey(localizer.text($0.label)) }
                XCTAssertEqual(Set(keys).count, keys.count, "\(language.rawValue) \(question.id): two labels read alike")
            }
            let yes = Set(localizer.text("answer.yes_words").split(separator: "|").map { NameFolding.searchKey(String($0)) })
            let no = Set(localizer.text("answer.no_words").split(separator: "|").map { NameFolding.searchKey(String($0)) })
            XCTAssertTrue(yes.isDisjoint(with: no), language.rawValue)
            XCTAssertTrue(yes.contains(NameFolding.searchKey(localizer.text("answer.yes"))), language.rawValue)
            XCTAssertTrue(no.contains(NameFolding.searchKey(localizer.text("answer.no"))), language.rawValue)
        }
    }
}

/// Writes `Catalogs/sr-Latn.po` from `Catalogs/sr-Cyrl.po` when run with
/// `CASEVAULT_REGENERATE_SR_LATN=1` (docs/intake.md); otherwise does nothing.
final class SerbianLatinGenerator: XCTestCase {
    func testRegenerateWhenAsked() throws {
        guard ProcessInfo.processInfo.environment["CASEVAULT_REGENERATE_SR_LATN"] == "1" else { return }
        let folder = Fixtures.catalogsFolder()
        let cyrillic = try String(contentsOf: folder.appending(path: "sr-Cyrl.po"), encoding: .utf8)
        let latin = try SerbianLatinCatalog.generate(fromCyrillic: cyrillic)
        try Data(latin.utf8).write(to: folder.appending(path: "sr-Latn.po"), options: .atomic)
    }
}
