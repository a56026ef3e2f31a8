@testable import CaseVaultCLI
import Foundation
import TestSupport
import XCTest

/// Text from the vault is printed with its control characters and bidi overrides escaped.
final class TerminalSafeTextTests: XCTestCase {
    func testControlAndBidiCharactersAreEscapedVisibly() {
        XCTAssertEqual(TerminalSafeText.escaped("ana\n2026-12-01T10:00Z admin login ok"), #"ana\n2026-12-01T10:00Z admin login ok"#)
        XCTAssertEqual(TerminalSafeText.escaped("\u{1B}[2J\r\t\u{0}\u{7F}"), #"\x1b[2J\r\t\x00\x7f"#)
        XCTAssertEqual(TerminalSafeText.escaped("a\u{9B}31mb\u{85}"), #"a\u{9B}31mb\u{85}"#)
        XCTAssertEqual(TerminalSafeText.escaped("x\u{202E}y\u{202A}\u{2066}\u{2069}"), #"x\u{202E}y\u{202A}\u{2066}\u{2069}"#)
        for clean in ["Радмила Стојковић", "Džemila Ćosić", "K7Q4-M2XA", "2026-12-01T10:00Z", "", "a\\nb", "ünïcödé €"] {
            XCTAssertEqual(TerminalSafeText.escaped(clean), clean)
        }
        XCTAssertEqual(TerminalSafeText.escapedLines("one\n\u{1B}[2Jtwo\r"), ["one", #"\x1b[2Jtwo\r"#])
    }

    func testJSONOutputEscapesWhatTheEncoderLeavesRaw() throws {
        let value = ["actor": "ana\n\u{1B}[2J\u{7F}\u{9B}\u{202E}x"]
        let json = try JSONRendering.string(value)
        XCTAssertFalse(json.unicodeScalars.contains { $0.value == 0x1B || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E }, json)
        XCTAssertTrue(json.contains(#"\u007f"#) && json.contains(#"\u009b"#) && json.contains(#"\u202e"#), json)
        XCTAssertEqual(try JSONDecoder().decode([String: String].self, from: Data(json.utf8)), value, "the document means the same")
    }

    /// Someone who can write the vault file inserts a failed-login audit row (the one kind that
    /// needs no key, so logins still work) whose actor forges a second line and clears the screen;
    /// `audit log` shows it escaped, on its own line.
    func testForgedAuditActorIsShownEscapedEndToEnd() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(cli.run(["init", "--vault", cli.vault, "--admin", "ana", "--passphrase-file", try cli.passphraseFile("ana")]).status, 0)
        XCTAssertEqual(try cli.run(as: "ana", ["user", "add", "ivan", "--role", "auditor", "--new-passphrase-file", cli.passphraseFile("ivan")]).status, 0)
        let forged = "'eve' || char(10) || '99  2026-12-01T10:00Z  admin  login  -  ok' || char(27) || '[2J' || char(8238)"
        let insert = """
            INSERT INTO audit_log (seq, at, actor, action, case_code, outcome, payload, hash)
            SELECT max(seq) + 1, '2026-12-01T09:00Z' || char(13), \(forged), 'login_failed', 'K7Q4' || char(10), 'failed', NULL, zeroblob(32)
            FROM audit_log;
            """
        let sqlite = try ChildProcess.run(executable: "/usr/bin/env", arguments: ["sqlite3", cli.vault, insert],
                                          environment: ["PATH": "/usr/bin:/bin"], timeout: 60)
        XCTAssertEqual(sqlite.status, 0, sqlite.errorText)

        for format in ["text", "json"] {
            let log = try cli.run(as: "ivan", ["audit", "log", "--format", format])
            XCTAssertEqual(log.status, 0, log.err)
            XCTAssertFalse(log.out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x0D || $0.value == 0x202E }, log.out)
            XCTAssertFalse(log.out.split(separator: "\n").contains { $0.hasPrefix("99  ") }, "a forged line:\n\(log.out)")
            if format == "text" {
                let line = try XCTUnwrap(log.out.split(separator: "\n").first { $0.contains("eve") }, log.out)
                XCTAssertTrue(line.contains(#"eve\n99  2026-12-01T10:00Z  admin  login  -  ok\x1b[2J\u{202E}"#), String(line))
                XCTAssertTrue(line.contains(#"K7Q4\n"#) && line.contains(#"\r"#), String(line))
            }
        }
        let verified = try cli.run(as: "ivan", ["audit", "verify"])
        XCTAssertEqual(verified.status, 1, "the forged row breaks the chain")
        XCTAssertFalse(verified.err.contains("\u{1B}"), verified.err)
    }

    /// A key slot renamed with the stock tool: `user list` shows the users the signed directory
    /// certifies, so the forged name never reaches the screen.
    func testForgedUserNameIsShownEscaped() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(cli.run(["init", "--vault", cli.vault, "--admin", "ana", "--passphrase-file", try cli.passphraseFile("ana")]).status, 0)
        XCTAssertEqual(try cli.run(as: "ana", ["user", "add", "maja", "--role", "caseworker", "--new-passphrase-file", cli.passphraseFile("maja")]).status, 0)
        let rename = "UPDATE key_slots SET user_name = 'maja' || char(10) || 'root  administrator' || char(27) || '[2J' WHERE user_name = 'maja';"
        let sqlite = try ChildProcess.run(executable: "/usr/bin/env", arguments: ["sqlite3", cli.vault, rename],
                                          environment: ["PATH": "/usr/bin:/bin"], timeout: 60)
        XCTAssertEqual(sqlite.status, 0, sqlite.errorText)
        let users = try cli.run(as: "ana", ["user", "list"])
        for text in [users.out, users.err] {
            XCTAssertFalse(text.contains("\u{1B}"), text)
            XCTAssertFalse(text.split(separator: "\n").contains { $0.hasPrefix("root") }, "a forged line:\n\(text)")
        }
        XCTAssertEqual(users.status, 0, users.err)
        XCTAssertFalse(users.out.contains("root"), users.out)
        XCTAssertTrue(users.out.split(separator: "\n").contains { $0.hasPrefix("maja ") }, users.out)
    }
}
