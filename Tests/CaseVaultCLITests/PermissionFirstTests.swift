import Foundation
import XCTest

/// A command that will be refused says so before it asks for anything: the refusal comes
/// instead of the question (here, with no terminal, the question would fail with its own error).
final class PermissionFirstTests: XCTestCase {
    func testRefusalComesBeforeAnythingIsAsked() throws {
        let cli = try CLIHarness()
        try cli.makeVault(users: [("maja", "caseworker"), ("sofija", "supervisor")])
        let code = try cli.importTwoCases(as: "maja")
        for words in [["note", code], ["plan", code], ["case", "find"], ["user", "add", "nina", "--role", "caseworker"]] {
            let result = try cli.run(as: "sofija", words)
            XCTAssertEqual(result.status, 1, words.joined(separator: " "))
            XCTAssertTrue(result.err.hasPrefix("casevault: error: not allowed: your role may not do this"), "\(words): \(result.err)")
            XCTAssertFalse(result.err.contains("terminal"), "\(words) asked before refusing: \(result.err)")
        }
    }
}

/// An unknown user hears so before being asked for a passphrase, and the attempt is still audited.
final class UnknownUserFirstTests: XCTestCase {
    func testNoPassphraseIsAskedOfAUserWhoIsNotThere() throws {
        let cli = try CLIHarness()
        try cli.makeVault(users: [("ivan", "auditor")])
        let result = cli.run(["cases", "--vault", cli.vault, "--user", "nobody", "--lang", "sr-Cyrl"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.err, "casevault: error: у овом трезору нема корисника nobody\n")
        let shell = try CLIProcess.run(["shell", "--vault", cli.vault, "--user", "nobody"], stdin: "exit\n", environment: ["CASEVAULT_LANG": "rom"])
        XCTAssertEqual(shell.status, 1)
        XCTAssertEqual(shell.err, "casevault: error: ano akava trezori naj korisniko nobody\n", "the shell asks no passphrase either")
        let log = try cli.run(as: "ivan", ["audit", "log", "--action", "login_failed", "--format", "json"])
        XCTAssertEqual(log.out.components(separatedBy: "\"nobody\"").count - 1, 2, log.out)
    }
}
