import Foundation
import XCTest

/// A command that will be refused says so before it asks for anything: the refusal comes
/// instead of the question (here, with no terminal, the question would fail with its own error).
final class PermissionFirstTests: XCTestCase {
    func testRefusalComesBeforeAnythingIsAsked() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(cli.run(["init", "--vault", cli.vault, "--admin", "ana", "--passphrase-file", try cli.passphraseFile("ana")]).status, 0)
        for (user, role) in [("maja", "caseworker"), ("sofija", "supervisor")] {
            XCTAssertEqual(try cli.run(as: "ana", ["user", "add", user, "--role", role, "--new-passphrase-file", cli.passphraseFile(user)]).status, 0)
        }
        let code = try XCTUnwrap(try cli.run(as: "maja", ["case", "create", "--from", CLIHarness.fixture("two_cases.json")]).out
            .split(separator: "\n").first.map(String.init))
        for words in [["note", code], ["plan", code], ["case", "find"], ["user", "add", "nina", "--role", "caseworker"]] {
            let result = try cli.run(as: "sofija", words)
            XCTAssertEqual(result.status, 1, words.joined(separator: " "))
            XCTAssertTrue(result.err.hasPrefix("casevault: error: not allowed: your role may not do this"), "\(words): \(result.err)")
            XCTAssertFalse(result.err.contains("terminal"), "\(words) asked before refusing: \(result.err)")
        }
    }
}
