@testable import CaseVaultCLI
import Foundation
import XCTest

/// On a real 50-column terminal (tmux) `case show` and the intake's first prompt break no word
/// or number; `casevault demo --shell` opens the shell as demo-maja.
final class NarrowTerminalTests: XCTestCase {
    func quoted(_ words: [String]) -> String {
        words.map { "'\($0)'" }.joined(separator: " ")
    }

    /// Lines of the screen (wrapped lines joined back by tmux) that are wider than the terminal.
    func tooWide(_ screen: String, width: Int) -> [Substring] {
        screen.split(separator: "\n").filter { $0.count > width }
    }

    func testCaseShowAndTheIntakeAtFiftyColumns() throws {
        let cli = try CLIHarness()
        try cli.makeVault(users: [("maja", "caseworker")])
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("intake_sr-Cyrl.json")
        let fixture = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var answers = Dictionary(uniqueKeysWithValues: try XCTUnwrap(fixture["answers"] as? [[String]]).map { ($0[0], $0[1]) })
        answers["immediate_danger"] = "да"
        let file = cli.directory.appendingPathComponent("answers.json")
        try JSONSerialization.data(withJSONObject: answers).write(to: file)
        let made = try cli.run(as: "maja", ["intake", "--lang", "sr-Cyrl", "--answers", file.path])
        XCTAssertEqual(made.status, 0, made.err)
        let code = made.out.trimmingCharacters(in: .whitespacesAndNewlines)
        let login = ["--vault", cli.vault, "--user", "maja", "--passphrase-file", try cli.passphraseFile("maja")]

        let show = try TmuxSession(command: quoted([CLIProcess.binary.path, "case", "show", code, "--lang", "sr-Latn"] + login)
                                   + "; echo EXIT-STATUS=$?; sleep 60", width: 50, height: 200)
        let screen = try show.wait(for: "EXIT-STATUS=", timeout: 40)
        XCTAssertTrue(screen.contains("EXIT-STATUS=0"), String(screen.suffix(1500)))
        XCTAssertTrue(screen.contains("Pristanak"), "the whole case is on screen")
        XCTAssertEqual(tooWide(screen, width: 50), [], "lines the terminal had to fold")
        for whole in [code, "+381 64 123 4567", "0800 222 003", "0800 11112", "19.03.2026."] {
            XCTAssertTrue(screen.split(separator: "\n").contains { $0.contains(whole) }, "\(whole) is broken:\n\(screen)")
        }

        let intake = try TmuxSession(command: quoted([CLIProcess.binary.path, "intake", "--lang", "sr-Latn"] + login)
                                     + "; echo EXIT-STATUS=$?; sleep 60", width: 50)
        try intake.waitForLines(startingWith: ">", atLeast: 1, timeout: 40)
        XCTAssertEqual(tooWide(try intake.screen(), width: 50), [])
        XCTAssertTrue(try intake.screen().contains("`sačuvaj`"), "the command words are those of the language")
        try intake.type("sacuvaj")
        let end = try intake.wait(for: "EXIT-STATUS=", timeout: 40)
        XCTAssertTrue(end.contains("EXIT-STATUS=0"), String(end.suffix(800)))
    }

    /// Help pages and error messages wrap too.
    func testHelpAndErrorsAtFiftyColumns() throws {
        let cli = try CLIHarness()
        let help = try TmuxSession(command: quoted([CLIProcess.binary.path, "help", "case", "find", "--lang", "sr-Cyrl"])
                                   + "; " + quoted([CLIProcess.binary.path, "case", "show", "K7Q4", "--lang", "rom", "--vault", cli.vault])
                                   + "; echo EXIT-STATUS=$?; sleep 60", width: 50, height: 120)
        let screen = try help.wait(for: "EXIT-STATUS=", timeout: 40)
        XCTAssertTrue(screen.contains("casevault: error:"), screen)
        XCTAssertEqual(tooWide(screen, width: 50), [], "lines the terminal had to fold")
    }

    func testDemoShellOpensTheShellAsTheDemoCaseworker() throws {
        let cli = try CLIHarness()
        let vault = cli.directory.appendingPathComponent("demo.casevault").path
        let terminal = try TmuxSession(command: quoted([CLIProcess.binary.path, "demo", "--shell", "--cases", "4", "--lang", "en", "--vault", vault])
                                       + "; echo EXIT-STATUS=$?; sleep 60", width: 100)
        try terminal.wait(for: "Passphrase for demo-maja:", timeout: 90)
        XCTAssertTrue(try terminal.screen().contains(DemoUsers.passphrase), "the passphrase is printed before the prompt")
        try terminal.type(DemoUsers.passphrase)
        try terminal.wait(for: "Logged in as demo-maja.", timeout: 40)
        try terminal.waitForLines(startingWith: "demo-maja (caseworker) [en]>", atLeast: 1)
        try terminal.type("cases")
        try terminal.wait(for: "ASSIGNEE", timeout: 40)
        try terminal.waitForLines(startingWith: "demo-maja (caseworker) [en]>", atLeast: 2)
        try terminal.key("C-d")
        let screen = try terminal.wait(for: "EXIT-STATUS=", timeout: 40)
        XCTAssertTrue(screen.contains("EXIT-STATUS=0"), String(screen.suffix(800)))
    }
}
