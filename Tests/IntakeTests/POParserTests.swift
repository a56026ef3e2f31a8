import Intake
import XCTest

final class POParserTests: XCTestCase {
    func testParsesCommentsContextsMultilineEscapesAndPlurals() throws {
        let file = try POParser.parse(try Fixtures.text("po/sample.po"), file: "sample.po")
        XCTAssertEqual(file.header?.translatorComments, ["A translator's note on the header."])
        XCTAssertEqual(file.headerValue("Language"), "sr")
        XCTAssertEqual(file.messages.count, 6)

        let plain = file.messages[0]
        XCTAssertEqual(plain.translatorComments, ["translator comment"])
        XCTAssertEqual(plain.extractedComments, ["extracted comment"])
        XCTAssertEqual(plain.references, ["Sources/Somewhere.swift:12"])
        XCTAssertEqual(plain.flags, ["c-format", "no-wrap"])
        XCTAssertNil(plain.context)
        XCTAssertEqual(plain.strings, ["Обично"])

        XCTAssertEqual(file.messages[1].context, "menu")
        XCTAssertEqual(file.messages[2].strings, ["Први ред\nдруги \"ред\"\tи крај \\ A0"])
        XCTAssertEqual(file.messages[3].idPlural, "files")
        XCTAssertEqual(file.messages[3].strings.count, 3)
        XCTAssertTrue(file.messages[4].isFuzzy)
        XCTAssertFalse(file.messages.contains { $0.id == "obsolete" })
    }

    func testCatalogIgnoresFuzzyAndEmptyAndSeparatesContexts() throws {
        let catalog = try Catalog(language: .serbianCyrillic, text: Fixtures.text("po/sample.po"))
        XCTAssertEqual(catalog.text("plain"), "Обично")
        XCTAssertEqual(catalog.text("plain", context: "menu"), "Мени")
        XCTAssertNil(catalog.text("draft"))
        XCTAssertNil(catalog.text("untranslated"))
        XCTAssertEqual(catalog.text("files", count: 21), "{count} датотека")
        XCTAssertEqual(catalog.text("files", count: 3), "{count} датотеке")
        XCTAssertEqual(catalog.messageIDs, ["plain", "multi", "files"])
    }

    func testWriterRoundTrips() throws {
        for text in [try Fixtures.text("po/sample.po")] + Language.allCases.compactMap(IntakeResources.catalogText) {
            let file = try POParser.parse(text, file: "x.po")
            let written = POWriter.write(file)
            XCTAssertEqual(try POParser.parse(written, file: "x.po"), file)
            XCTAssertEqual(POWriter.write(try POParser.parse(written, file: "x.po")), written)
        }
        var entry = POEntry()
        entry.id = "bell"
        entry.strings = ["a\u{07}5"]
        let file = POFile(entries: [entry])
        XCTAssertEqual(try POParser.parse(POWriter.write(file), file: "x.po"), file)
    }

    /// A catalog saved with CR LF line ends (a translator's Windows editor) reads as the same file
    /// with LF ends; CR LF is one Swift Character, so it was once not a line break at all (found
    /// by the po-catalog fuzz target; its input is in Fuzz/regressions/po-catalog).
    func testCRLFLineEndsReadAsLF() throws {
        let text = try Fixtures.text("po/sample.po")
        let crlf = try POParser.parse(text.replacingOccurrences(of: "\n", with: "\r\n"), file: "sample.po")
        XCTAssertEqual(crlf, try POParser.parse(text, file: "sample.po"))
        XCTAssertEqual(try POParser.parse(POWriter.write(crlf), file: "sample.po"), crlf)
    }

    func testSyntaxErrorsNameTheLine() {
        let cases: [(String, Int)] = [
            ("msgid \"a\"\nmsgstr \"b", 2),
            ("msgid \"a\"\nmsgstr \"\\q\"", 2),
            ("msgid \"a\"\nmsgstr[1] \"b\"", 2),
            ("\"orphan\"", 1),
            ("msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"c\"", 1),
            ("msgid \"a\"\nmsgfoo \"b\"", 2),
            ("msgid \"a\" x\nmsgstr \"b\"", 1),
        ]
        for (text, line) in cases {
            XCTAssertThrowsError(try POParser.parse(text, file: "bad.po"), text) { error in
                guard case .syntax(_, let actual, _)? = error as? CatalogError else { return XCTFail("\(error)") }
                XCTAssertEqual(actual, line, text)
            }
        }
    }

    func testCatalogChecksHeaderAndPluralCounts() {
        let header = "msgid \"\"\nmsgstr \"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n"
        XCTAssertThrowsError(try Catalog(language: .serbianCyrillic, text: header)) { error in
            XCTAssertEqual(error as? CatalogError, .pluralFormsMismatch(file: "sr-Cyrl.po", expected: 3, found: 2))
        }
        XCTAssertThrowsError(try Catalog(language: .english, text: "msgid \"a\"\nmsgstr \"b\"\n")) { error in
            XCTAssertEqual(error as? CatalogError, .missingHeader(file: "en.po"))
        }
        let twoForms = header + "msgid \"a\"\nmsgid_plural \"a\"\nmsgstr[0] \"x\"\n"
        XCTAssertThrowsError(try Catalog(language: .english, text: twoForms)) { error in
            XCTAssertEqual(error as? CatalogError, .wrongPluralCount(file: "en.po", id: "a", expected: 2, found: 1))
        }
        let duplicate = header + "msgid \"a\"\nmsgstr \"x\"\n\nmsgid \"a\"\nmsgstr \"y\"\n"
        XCTAssertThrowsError(try Catalog(language: .english, text: duplicate)) { error in
            XCTAssertEqual(error as? CatalogError, .duplicateMessage(file: "en.po", id: "a"))
        }
    }
}
