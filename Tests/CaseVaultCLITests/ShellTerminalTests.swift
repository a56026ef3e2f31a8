import Foundation
import XCTest

/// `casevault shell` on a real terminal (tmux): the passphrase never echoes, the idle lock hides
/// case content and asks again, Ctrl-C during an intake keeps the draft and returns to the shell,
/// Ctrl-D leaves cleanly; a program killed while the terminal is in raw or no-echo mode gives
/// the terminal back as it found it.
final class ShellTerminalTests: XCTestCase {
    func testPassphraseIdleLockInterruptedIntakeAndControlD() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(cli.run(["init", "--vault", cli.vault, "--admin", "ana", "--passphrase-file", try cli.passphraseFile("ana")]).status, 0)
        XCTAssertEqual(try cli.run(as: "ana", ["user", "add", "maja", "--role", "caseworker", "--new-passphrase-file", cli.passphraseFile("maja")]).status, 0)
        let code = try XCTUnwrap(try cli.run(as: "maja", ["case", "create", "--from", CLIHarness.fixture("two_cases.json")]).out
            .split(separator: "\n").first.map(String.init))
        let passphrase = "maja has a long passphrase"

        let command = [CLIProcess.binary.path, "shell", "--lang", "en", "--vault", cli.vault, "--user", "maja", "--idle-lock", "6"]
            .map { "'\($0)'" }.joined(separator: " ")
        let terminal = try TmuxSession(command: command + "; echo EXIT-STATUS=$?; sleep 60")
        try terminal.wait(for: "Passphrase for maja:")
        try terminal.type(passphrase)
        try terminal.wait(for: "maja (")
        XCTAssertFalse(try terminal.screen().contains(passphrase), "the passphrase was echoed")

        try terminal.type("case show \(code)")
        try terminal.wait(for: "Радмила Стојковић")
        try terminal.wait(for: "Locked.", timeout: 25)
        XCTAssertFalse(try terminal.visible().contains("Радмила"), "the idle lock must hide case content")
        try terminal.wait(for: "Passphrase for maja:")
        try terminal.type(passphrase)
        try terminal.waitForLines(startingWith: "maja (", atLeast: 1)

        try terminal.type("intake")
        try terminal.waitForLines(startingWith: ">", atLeast: 1)
        try terminal.type("yes")
        try terminal.waitForLines(startingWith: ">", atLeast: 2)
        try terminal.key("C-c")
        try terminal.wait(for: "Cancelled.")
        try terminal.waitForLines(startingWith: "maja (", atLeast: 2)
        let cancelled = try terminal.screen()
        XCTAssertEqual(cancelled.components(separatedBy: "Cancelled.").count - 1, 1, "said once: \(cancelled)")
        XCTAssertTrue(cancelled.contains("Your draft is kept"), cancelled)
        XCTAssertFalse(cancelled.contains("error:"), "Ctrl-C is no error: \(cancelled)")
        try terminal.type("intake")
        try terminal.wait(for: "You have a saved draft")
        XCTAssertFalse(try terminal.screen().contains(passphrase))

        try terminal.key("C-d")
        let screen = try terminal.wait(for: "EXIT-STATUS=")
        XCTAssertTrue(screen.contains("Goodbye."))
        XCTAssertTrue(screen.contains("EXIT-STATUS=0"), String(screen.suffix(800)))
        XCTAssertFalse(screen.contains(passphrase))
    }

    func testTerminalModeIsRestoredWhenASignalEndsTheProgram() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(cli.run(["init", "--vault", cli.vault, "--admin", "ana", "--passphrase-file", try cli.passphraseFile("ana")]).status, 0)
        XCTAssertEqual(try cli.run(as: "ana", ["user", "add", "maja", "--role", "caseworker", "--new-passphrase-file", cli.passphraseFile("maja")]).status, 0)
        let binary = "'\(CLIProcess.binary.path)'"
        // After the program ends, the pane prints the terminal's mode: `icanon`, `isig` and
        // `echo` on is a usable terminal; `-icanon` or `-echo` is one left broken.
        let report = "; echo EXIT-STATUS=$?; echo MODE: $(stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|isig|echo)' | tr '\\n' ' '); sleep 60"
        let cases: [(command: String, prompt: String, signal: String)] = [
            ("\(binary) shell --lang en --vault '\(cli.vault)' --user maja --passphrase-file '\(try cli.passphraseFile("maja"))'", "maja (", "TERM"),
            ("\(binary) shell --lang en --vault '\(cli.vault)' --user maja", "Passphrase for maja:", "HUP"),
            ("\(binary) cases --lang en --vault '\(cli.vault)' --user maja", "Passphrase for maja:", "TERM"),
        ]
        for (command, prompt, signal) in cases {
            let terminal = try TmuxSession(command: command + report)
            try terminal.wait(for: prompt)
            let deadline = Date().addingTimeInterval(10)
            while try terminal.localModes() & tcflag_t(ECHO) != 0, Date() < deadline { usleep(20_000) }
            XCTAssertEqual(try terminal.localModes() & tcflag_t(ECHO), 0, "\(command): echo is not off at the prompt")
            let shellPID = try terminal.panePID()
            let children = try String(contentsOfFile: "/proc/\(shellPID)/task/\(shellPID)/children", encoding: .utf8)
            let program = try XCTUnwrap(children.split(separator: " ").first.flatMap { Int32($0) }, "\(command): no program running")
            kill(program, signal == "TERM" ? SIGTERM : SIGHUP)
            let screen = try terminal.wait(for: "MODE:")
            XCTAssertTrue(screen.contains("EXIT-STATUS=\(signal == "TERM" ? 143 : 129)"), String(screen.suffix(400)))
            let mode = screen.split(separator: "\n").last { $0.hasPrefix("MODE:") }.map(String.init) ?? ""
            XCTAssertEqual(mode.split(separator: " ").dropFirst().sorted(), ["echo", "icanon", "isig"], "\(command) left the terminal as: \(mode)")
        }
    }

    func testControlCAtAPassphrasePromptInTheShellCancelsOnlyThatCommand() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(cli.run(["init", "--vault", cli.vault, "--admin", "ana", "--passphrase-file", try cli.passphraseFile("ana")]).status, 0)
        let command = [CLIProcess.binary.path, "shell", "--lang", "en", "--vault", cli.vault, "--user", "ana", "--passphrase-file", try cli.passphraseFile("ana")]
            .map { "'\($0)'" }.joined(separator: " ")
        let terminal = try TmuxSession(command: command + "; echo EXIT-STATUS=$?; sleep 60")
        try terminal.waitForLines(startingWith: "ana (", atLeast: 1)
        // Before this was fixed, the prompt's own Ctrl-C handler ended the whole shell here.
        try terminal.type("user add bob --role caseworker")
        try terminal.wait(for: "New passphrase for bob:")
        try terminal.key("C-c")
        try terminal.waitForLines(startingWith: "ana (", atLeast: 2)
        let cancelled = try terminal.screen()
        XCTAssertTrue(cancelled.contains("Cancelled."), String(cancelled.suffix(400)))
        XCTAssertFalse(cancelled.contains("casevault: error"), "a cancelled prompt is not an error")
        try terminal.type("user list")
        // The role is in the prompt too: wait for the prompt after the listing.
        try terminal.waitForLines(startingWith: "ana (", atLeast: 3)
        let listed = try terminal.screen()
        XCTAssertTrue(listed.contains("FAILED LOGINS"), String(listed.suffix(400)))
        XCTAssertFalse(listed.components(separatedBy: "user list").last?.contains("bob") ?? true, "the cancelled command added no user")
        try terminal.key("C-d")
        let screen = try terminal.wait(for: "EXIT-STATUS=")
        XCTAssertTrue(screen.contains("EXIT-STATUS=0"), String(screen.suffix(400)))
    }
}
