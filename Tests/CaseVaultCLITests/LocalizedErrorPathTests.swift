import CaseVaultCLI
import Foundation
import XCTest

/// Every error path of the parser (unknown command, unknown option, a bad value of each typed
/// argument, a missing argument, a missing option value, too many words) and every help page
/// path, one-off and inside `casevault shell`, in Serbian (both scripts) and Romani: no English
/// sentence reaches the user, and hints inside the shell are written as typed there.
final class LocalizedErrorPathTests: XCTestCase {
    static let code = "K7Q4-M2XA"

    /// The lines that go wrong; the same in one-off commands and in the shell.
    static let errorLines: [[String]] = [
        ["foo"], ["case", "foo"], ["audit", "foo"],
        ["note", code, "--bogus"], ["cases", "--bogus"],
        ["case", "show", "K7Q4"], ["case", "show", code, "--format", "xml"],
        ["followup", code, "--due", "31.02.2026."], ["audit", "log", "--since", "2026-13-01"],
        ["audit", "log", "--action", "nothing"], ["audit", "log", "--case", "nope"],
        ["refer", code, "--service", "lawyer", "--to", "X"], ["close", code, "--reason", "bored"],
        ["user", "add", "x", "--role", "boss"], ["user", "role", "x", "--role", "boss"],
        ["note"], ["followup", code], ["refer", code, "--service", "legal"],
        ["followup", code, "--due"], ["audit", "log", "--by"],
        ["note", code, "extra"], ["reopen", code, "one", "two"],
        ["audit", "verify", "--expect", "nonsense"], ["--generate-completion-script", "pwsh"],
    ]

    static let helpLines: [[String]] = [["--help"], ["help"], ["case", "--help"], ["case", "show", "--help"], ["help", "audit", "log"],
                                        ["refer", "-h"], ["case"]]

    /// English words ArgumentParser writes; none may show in another language.
    static let englishWords = ["Error:", "Usage:", "USAGE", "OVERVIEW", "OPTIONS", "Unexpected", "Missing", "argument", "option",
                               "expected", "Help:", "See '", "invalid", "Unknown", "Show help", "information"]

    /// The lines of `text` without the fixed, English-by-design `casevault: error:` and `hint:` prefixes.
    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map { line in
            var line = String(line)
            for prefix in ["casevault: error: ", "casevault: hint: "] where line.hasPrefix(prefix) { line.removeFirst(prefix.count) }
            return line
        }
    }

    func assertNoEnglish(_ text: String, english: String, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        let englishLines = Set(Self.lines(english).map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.contains(where: \.isLetter) })
        for shown in Self.lines(text) {
            for word in Self.englishWords where shown.contains(word) {
                XCTFail("\(context): “\(word)” in “\(shown)”", file: file, line: line)
            }
            let trimmed = shown.trimmingCharacters(in: .whitespaces)
            XCTAssertFalse(englishLines.contains(trimmed), "\(context): “\(trimmed)” is the English text", file: file, line: line)
        }
        XCTAssertFalse(text.contains("cli."), "\(context): a message id in \(text)", file: file, line: line)
    }

    func testOneOffCommandsSpeakTheUsersLanguage() throws {
        let cli = try CLIHarness()
        for words in Self.errorLines + Self.helpLines + [["shell", "--idle-lock", "soon"]] {
            let english = cli.run(words + ["--lang", "en"])
            XCTAssertFalse(english.err.contains("Error:") || english.out.contains("USAGE"), "English comes from the catalog too: \(english.err)")
            for language in ["sr-Cyrl", "sr-Latn", "rom"] {
                let result = cli.run(words + ["--lang", language])
                let context = "\(language) \(words.joined(separator: " "))"
                if Self.helpLines.contains(words) {
                    XCTAssertEqual(result.status, 0, context)
                    XCTAssertFalse(result.out.isEmpty, context)
                } else {
                    XCTAssertEqual(result.status, 64, context)
                    XCTAssertTrue(result.err.hasPrefix("casevault: error: "), "\(context): \(result.err)")
                    XCTAssertTrue(result.err.contains("casevault: hint: "), "\(context): \(result.err)")
                }
                assertNoEnglish(result.out + result.err, english: english.out + english.err, context)
            }
        }
    }

    func testTheShellSpeaksTheUsersLanguageAndItsHintsWorkThere() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(cli.run(["init", "--vault", cli.vault, "--admin", "ana", "--passphrase-file", try cli.passphraseFile("ana")]).status, 0)
        let lines = (Self.errorLines + Self.helpLines).map { $0.joined(separator: " ") } + ["help case show", "help nothing", "exit"]
        let arguments = ["shell", "--vault", cli.vault, "--user", "ana", "--passphrase-file", try cli.passphraseFile("ana")]
        let english = try CLIProcess.run(arguments, stdin: lines.joined(separator: "\n") + "\n", environment: ["CASEVAULT_LANG": "en"])
        XCTAssertEqual(english.status, 0, english.err)
        XCTAssertTrue(english.err.contains("`help case show`"), "the hint names the shell's own help: \(english.err)")
        for language in ["sr-Cyrl", "sr-Latn", "rom"] {
            let result = try CLIProcess.run(arguments, stdin: lines.joined(separator: "\n") + "\n", environment: ["CASEVAULT_LANG": language])
            XCTAssertEqual(result.status, 0, result.err)
            assertNoEnglish(result.out + result.err, english: english.out + english.err, "shell \(language)")
            let hints = result.err.split(separator: "\n").filter { $0.hasPrefix("casevault: hint: ") }
            XCTAssertGreaterThanOrEqual(hints.count, Self.errorLines.count, result.err)
            for hint in hints { XCTAssertFalse(hint.dropFirst("casevault: hint: ".count).contains("casevault "), "a hint inside the shell: \(hint)") }
            XCTAssertFalse(result.out.contains("casevault case show"), "help inside the shell starts with casevault: \(result.out)")
            XCTAssertGreaterThanOrEqual(result.err.components(separatedBy: "casevault: error: ").count - 1, Self.errorLines.count + 1, result.err)
        }
    }
}
