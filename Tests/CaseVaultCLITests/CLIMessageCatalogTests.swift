import CaseVaultCLI
import Foundation
import Intake
import XCTest

/// Every message the command line shows comes from the catalogs, in every language.
final class CLIMessageCatalogTests: XCTestCase {
    /// `Sources/CaseVaultCLI`, found from this file's path.
    static let sourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/CaseVaultCLI")

    /// Each `"cli.…"` string literal in the CLI sources (comments left out), with the files using it.
    static func messageIDsInSources() throws -> [String: Set<String>] {
        let files = try XCTUnwrap(FileManager.default.enumerator(at: sourceFolder, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        let literal = try NSRegularExpression(pattern: #""(cli(?:\.[a-z0-9_]+)+)""#)
        var ids: [String: Set<String>] = [:]
        for file in files {
            let code = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
            for match in literal.matches(in: code, range: NSRange(code.startIndex..., in: code)) {
                guard let range = Range(match.range(at: 1), in: code) else { continue }
                ids[String(code[range]), default: []].insert(file.lastPathComponent)
            }
        }
        return ids
    }

    /// Ids passed to `.plural(`: they must be plural messages.
    static func pluralIDsInSources() throws -> Set<String> {
        let files = try XCTUnwrap(FileManager.default.enumerator(at: sourceFolder, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        let call = try NSRegularExpression(pattern: #"plural\(\s*"(cli(?:\.[a-z0-9_]+)+)""#)
        var ids: Set<String> = []
        for file in files {
            let code = try String(contentsOf: file, encoding: .utf8)
            for match in call.matches(in: code, range: NSRange(code.startIndex..., in: code)) {
                if let range = Range(match.range(at: 1), in: code) { ids.insert(String(code[range])) }
            }
        }
        return ids
    }

    func testEveryCLIMessageIDIsInEveryCatalog() throws {
        let used = try Self.messageIDsInSources()
        XCTAssertGreaterThan(used.count, 150, "the scan found too few ids; is the pattern still right?")
        let catalogs = try Language.allCases.map { try IntakeResources.catalog($0) }
        for (id, files) in used.sorted(by: { $0.key < $1.key }) {
            let missing = catalogs.filter { !$0.contains(id) }.map(\.language.catalogFileName)
            if !missing.isEmpty {
                XCTFail("\(id) (used in \(files.sorted().joined(separator: ", "))) is missing in \(missing.joined(separator: ", "))")
            }
        }
    }

    func testPluralCallsUsePluralMessages() throws {
        let plurals = try Self.pluralIDsInSources()
        XCTAssertGreaterThanOrEqual(plurals.count, 5)
        let english = try IntakeResources.catalog(.english)
        let serbian = try IntakeResources.catalog(.serbianCyrillic)
        for id in plurals.sorted() {
            XCTAssertNotEqual(english.text(id, count: 1), english.text(id, count: 2), "\(id) is not a plural message")
            XCTAssertNotEqual(serbian.text(id, count: 2), serbian.text(id, count: 5), "\(id) lacks the Serbian few form")
        }
    }

    func testPromptsKeepTheirTrailingSpace() throws {
        for language in Language.allCases {
            let catalog = try IntakeResources.catalog(language)
            for id in try Self.messageIDsInSources().keys where id.hasPrefix("cli.prompt.") {
                XCTAssertEqual(catalog.text(id)?.hasSuffix(": "), true, "\(language.rawValue) \(id)")
            }
        }
    }
}

/// Commands run in Serbian (both scripts) and Romani speak that language, dates included.
final class CLILanguageTests: XCTestCase {
    var cli: CLIHarness!
    var code = ""

    override func setUpWithError() throws {
        cli = try CLIHarness()
        let created = cli.run(["init", "--vault", cli.vault, "--admin", "ana", "--passphrase-file", try cli.passphraseFile("ana"), "--lang", "sr-Cyrl"])
        XCTAssertEqual(created.status, 0, created.err)
        XCTAssertTrue(created.out.hasPrefix("Направљен је трезор "), created.out)
        XCTAssertEqual(try cli.run(as: "ana", ["user", "add", "maja", "--role", "caseworker", "--new-passphrase-file", cli.passphraseFile("maja")]).status, 0)
        let imported = try cli.run(as: "maja", ["case", "create", "--from", CLIHarness.fixture("two_cases.json")])
        XCTAssertEqual(imported.status, 0, imported.err)
        code = try XCTUnwrap(imported.out.split(separator: "\n").first.map(String.init))
    }

    /// No message id or unfilled placeholder ever reaches the user.
    func assertFullyRendered(_ result: CLIHarness.Result, file: StaticString = #filePath, line: UInt = #line) {
        for text in [result.out, result.err] {
            XCTAssertFalse(text.contains("cli."), text, file: file, line: line)
            XCTAssertNil(text.range(of: #"\{[A-Za-z0-9_]+\}"#, options: .regularExpression), text, file: file, line: line)
        }
    }

    func testSerbianCyrillic() throws {
        let list = try cli.run(as: "maja", ["case", "list", "--lang", "sr-Cyrl"])
        XCTAssertEqual(list.status, 0, list.err)
        assertFullyRendered(list)
        let header = try XCTUnwrap(list.out.split(separator: "\n").first)
        XCTAssertTrue(header.hasPrefix("ШИФРА"), String(header))
        XCTAssertTrue(list.out.contains("отворен"))
        XCTAssertNotNil(list.out.range(of: #"\d\d\.\d\d\.\d{4}\."#, options: .regularExpression), "days as 24.11.2026.")
        XCTAssertNil(list.out.range(of: #"\d{4}-\d\d-\d\d"#, options: .regularExpression), "no ISO days")

        let shown = try cli.run(as: "maja", ["case", "show", code, "--lang", "sr-Cyrl"])
        assertFullyRendered(shown)
        for text in ["Особа која је преживела насиље", "Датум рођења:", "12.04.1979.", "02.10.2026.", "женски",
                     "психичко или емоционално злостављање", "Радмила Стојковић"] {
            XCTAssertTrue(shown.out.contains(text), "\(text) in\n\(shown.out)")
        }
        XCTAssertNotNil(shown.out.range(of: "Статистика: +да\n", options: .regularExpression), shown.out)

        let wrong = cli.run(["case", "list", "--vault", cli.vault, "--user", "maja", "--passphrase-file", try cli.passphraseFile("nobody"),
                             "--lang", "sr-Cyrl"])
        XCTAssertEqual(wrong.status, 1)
        XCTAssertTrue(wrong.err.hasPrefix("casevault: error: ова лозинка није отворила трезор; проверите је и покушајте поново\ncasevault: hint: "), wrong.err)

        let badDay = try cli.run(as: "ana", ["audit", "log", "--since", "yesterday", "--lang", "sr-Cyrl"])
        XCTAssertEqual(badDay.status, 64)
        XCTAssertTrue(badDay.err.contains("„yesterday“ није датум"), badDay.err)
    }

    func testRomani() throws {
        let shown = try cli.run(as: "maja", ["case", "show", code, "--lang", "rom"])
        XCTAssertEqual(shown.status, 0, shown.err)
        assertFullyRendered(shown)
        for text in ["O manuš savo nakhlja o zoralipe", "Datumi e bijandimasko:", "12.04.1979.", "phuterdo", "džuvli",
                     "psihikano vaj emocionalno zoralipe"] {
            XCTAssertTrue(shown.out.contains(text), "\(text) in\n\(shown.out)")
        }

        let badCode = try cli.run(as: "maja", ["case", "show", "K7Q4", "--lang", "rom"])
        XCTAssertEqual(badCode.status, 64)
        XCTAssertEqual(badCode.err, """
            casevault: error: „K7Q4“ naj šifra e slučajeski
            casevault: hint: e šifre e slučajenge dikhenpe sar `K7Q4-M2XA`

            """)

        let users = try cli.run(as: "ana", ["user", "list", "--lang", "rom"])
        assertFullyRendered(users)
        XCTAssertTrue(users.out.hasPrefix("KORISNIKO"), users.out)
        XCTAssertTrue(users.out.contains("savetnica") && users.out.contains("administratorka") && users.out.contains("aktivno"), users.out)
    }

    func testSerbianLatinFromTheLocale() throws {
        let environment = ["LANG": "sr_RS.UTF-8@latin"]
        let list = try cli.run(as: "maja", ["case", "list"], environment: environment)
        assertFullyRendered(list)
        XCTAssertTrue(list.out.hasPrefix("ŠIFRA"), list.out)
        XCTAssertTrue(list.out.contains("otvoren"))

        let denied = try cli.run(as: "ana", ["case", "show", code, "--lang", "sr-Latn"])
        XCTAssertEqual(denied.status, 1)
        XCTAssertTrue(denied.err.hasPrefix("casevault: error: nije dozvoljeno: vaša uloga ne može ovo da radi"), denied.err)

        let backup = cli.directory.appendingPathComponent("backup.casevault").path
        let backedUp = try cli.run(as: "ana", ["backup", backup, "--lang", "sr-Latn"])
        XCTAssertEqual(backedUp.status, 0, backedUp.err)
        XCTAssertTrue(backedUp.out.contains("2 slučaja"), "Serbian few form: \(backedUp.out)")

        let status = cli.run(["status", "--vault", cli.vault], environment: ["CASEVAULT_LANG": "sr-Latn", "LANG": "en_US.UTF-8"])
        assertFullyRendered(status)
        XCTAssertTrue(status.out.contains("Otvoreni slučajevi:"), status.out)
        XCTAssertNotNil(status.out.range(of: #"Napravljen: +\d\d\.\d\d\.\d{4}\."#, options: .regularExpression), status.out)
    }

    func testEnglishIsTheDefaultAndAnUnknownLanguageIsRefused() throws {
        let list = try cli.run(as: "maja", ["case", "list"], environment: [:])
        XCTAssertTrue(list.out.hasPrefix("CODE"), list.out)
        XCTAssertNotNil(list.out.range(of: #"\d{4}-\d\d-\d\d"#, options: .regularExpression), "English shows ISO days")

        let unknown = cli.run(["status", "--vault", cli.vault, "--lang", "de"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertEqual(unknown.err, "casevault: error: unknown language “de” (from --lang); use `en`, `sr-Cyrl`, `sr-Latn` or `rom`\n")
    }
}
