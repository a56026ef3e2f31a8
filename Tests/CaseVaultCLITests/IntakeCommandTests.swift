import Foundation
import XCTest

/// `casevault intake` end to end through the real binary: answered line by line in Serbian
/// Cyrillic, from an answers file, interrupted and resumed, with bad answers along the way.
final class IntakeCommandTests: XCTestCase {
    var cli: CLIHarness!

    override func setUpWithError() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: CLIProcess.binary.path), "casevault not built at \(CLIProcess.binary.path)")
        cli = try CLIHarness()
        XCTAssertEqual(cli.run(["init", "--vault", cli.vault, "--admin", "ana", "--passphrase-file", try cli.passphraseFile("ana")]).status, 0)
        XCTAssertEqual(try cli.run(as: "ana", ["user", "add", "maja", "--role", "caseworker", "--new-passphrase-file", cli.passphraseFile("maja")]).status, 0)
    }

    func login(_ user: String) throws -> [String] {
        ["--vault", cli.vault, "--user", user, "--passphrase-file", try cli.passphraseFile(user)]
    }

    /// The answers of the Serbian scenario fixture, as lines.
    func scenario(_ language: String) throws -> [(String, String)] {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("intake_\(language).json")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        return try XCTUnwrap(object["answers"] as? [[String]]).map { ($0[0], $0[1]) }
    }

    func testCyrillicIntakeIsFoundByLatinNameWithoutDiacritics() throws {
        let answers = try scenario("sr-Cyrl").map(\.1)
        let result = try CLIProcess.run(["intake", "--lang", "sr-Cyrl"] + login("maja"), stdin: answers.joined(separator: "\n") + "\nда\n")
        XCTAssertEqual(result.status, 0, result.err)
        let code = result.out.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertNotNil(code.range(of: "^[0-9A-Z]{4}-[0-9A-Z]{4}$", options: .regularExpression), result.out)
        XCTAssertTrue(result.err.contains("Пристанак"), "prompts are in Serbian Cyrillic")

        let found = try CLIProcess.run(["case", "find"] + login("maja"), stdin: "Jelena Djordjevic\n")
        XCTAssertTrue(found.out.contains(code), found.out + found.err)
        let shown = try cli.run(as: "maja", ["case", "show", code, "--format", "json"])
        let document = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(shown.out.utf8)) as? [String: Any])?["document"] as? [String: Any])
        XCTAssertEqual((document["survivor"] as? [String: Any])?["name"] as? String, "Јелена Ђорђевић")
        XCTAssertEqual((document["consent"] as? [String: Any])?["sharing"] as? [String], ["legal", "psychosocial", "safety"])
        XCTAssertNotNil((document["intake"] as? [String: Any])?["perpetrators"], "every answer is kept")
    }

    func testLatinIntakeFromAnswersFileIsFoundByCyrillicName() throws {
        var answers = Dictionary(uniqueKeysWithValues: try scenario("sr-Cyrl"))
        answers["survivor_name"] = "Jovana Šćekić"
        let file = cli.directory.appendingPathComponent("answers.json")
        try JSONSerialization.data(withJSONObject: answers).write(to: file)
        let result = try CLIProcess.run(["intake", "--lang", "sr-Latn", "--answers", file.path] + login("maja"))
        XCTAssertEqual(result.status, 0, result.err)
        let code = result.out.trimmingCharacters(in: .whitespacesAndNewlines)
        let found = try CLIProcess.run(["case", "find", "--format", "json"] + login("maja"), stdin: "ЈОВАНА ШЋЕКИЋ\n")
        XCTAssertTrue(found.out.contains(code), found.out + found.err)

        answers["no_such_question"] = "x"
        try JSONSerialization.data(withJSONObject: answers).write(to: file)
        let unused = try CLIProcess.run(["intake", "--lang", "sr-Cyrl", "--answers", file.path] + login("maja"))
        XCTAssertEqual(unused.status, 1)
        XCTAssertTrue(unused.err.contains("no_such_question"), unused.err)

        answers["no_such_question"] = nil
        answers["survivor_name"] = nil
        try JSONSerialization.data(withJSONObject: answers).write(to: file)
        let missing = try CLIProcess.run(["intake", "--lang", "sr-Cyrl", "--answers", file.path] + login("maja"))
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.err.contains("survivor_name"), missing.err)
    }

    func testInterruptedIntakeResumesWithNothingLostAndBadAnswersAreAskedAgain() throws {
        let answers = try scenario("sr-Cyrl").map(\.1)
        let bad = ["", String(repeating: "x", count: 1_100), "31.02.2026.", "Ana\u{202E}evil"]
        // Bad answers first (each refused, the question asked again), then the first 12 answers, then the input ends.
        let first = try CLIProcess.run(["intake", "--lang", "sr-Latn"] + login("maja"),
                                       stdin: (bad + Array(answers.prefix(12))).joined(separator: "\n") + "\n")
        XCTAssertEqual(first.status, 1)
        XCTAssertTrue(first.err.contains("--resume"), first.err)
        XCTAssertGreaterThanOrEqual(first.err.components(separatedBy: "> ! ").count - 1, 2, "bad answers are explained")

        let blocked = try CLIProcess.run(["intake"] + login("maja"), stdin: "")
        XCTAssertEqual(blocked.status, 1, "a second intake does not silently replace the draft")

        let second = try CLIProcess.run(["intake", "--resume", "--lang", "sr-Cyrl"] + login("maja"),
                                        stdin: answers.dropFirst(12).joined(separator: "\n") + "\nда\n")
        XCTAssertEqual(second.status, 0, second.err)
        let code = second.out.trimmingCharacters(in: .whitespacesAndNewlines)
        let shown = try cli.run(as: "maja", ["case", "show", code, "--format", "json"])
        XCTAssertTrue(shown.out.contains("Јелена Ђорђевић"), "answers typed before the interruption are kept")
        let again = try CLIProcess.run(["intake", "--resume"] + login("maja"))
        XCTAssertEqual(again.status, 1, "the draft is gone once the case is saved")
    }
}
