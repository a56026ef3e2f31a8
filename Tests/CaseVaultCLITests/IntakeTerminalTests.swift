import Foundation
import XCTest

/// A whole intake in Romani on a real terminal (tmux), typed answer by answer.
final class IntakeTerminalTests: XCTestCase {
    func testWholeRomaniIntakeOnARealTerminal() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(cli.run(["init", "--vault", cli.vault, "--admin", "ana", "--passphrase-file", try cli.passphraseFile("ana")]).status, 0)
        XCTAssertEqual(try cli.run(as: "ana", ["user", "add", "maja", "--role", "caseworker", "--new-passphrase-file", cli.passphraseFile("maja")]).status, 0)
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("intake_rom.json")
        let fixture = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let pairs = try XCTUnwrap(fixture["answers"] as? [[String]])
        let answers = pairs.map { $0[1] }

        let command = [CLIProcess.binary.path, "intake", "--lang", "rom", "--vault", cli.vault, "--user", "maja",
                       "--passphrase-file", try cli.passphraseFile("maja")].map { "'\($0)'" }.joined(separator: " ")
        let terminal = try TmuxSession(command: command + "; echo EXIT-STATUS=$?; sleep 60")
        for (index, answer) in answers.enumerated() {
            try terminal.waitForLines(startingWith: ">", atLeast: index + 1)
            try terminal.type(answer)
            // The account takes several lines: a line holding only a dot ends it.
            if pairs[index][0] == "incident_narrative" { try terminal.type(".") }
        }
        try terminal.wait(for: "(Va/Na)")
        try terminal.type("va")
        let screen = try terminal.wait(for: "EXIT-STATUS=")
        XCTAssertTrue(screen.contains("EXIT-STATUS=0"), String(screen.suffix(2000)))
        let code = try XCTUnwrap(screen.range(of: "[0-9A-Z]{4}-[0-9A-Z]{4}", options: .regularExpression).map { String(screen[$0]) })
        XCTAssertTrue(screen.contains("== Saglasnost =="), "the sections are shown in Romani")
        let listed = try cli.run(as: "maja", ["case", "list"])
        XCTAssertTrue(listed.out.contains(code), listed.out)
    }
}
