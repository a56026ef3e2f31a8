import Foundation
import XCTest

/// A Romani shell says on screen that its texts await native review, and the prompt names the
/// user's role in the grammatical gender the account chose (issue 9).
final class RomaniSessionTerminalTests: XCTestCase {
    func testRomaniShellShowsTheReviewNoticeAndTheChosenRoleForm() throws {
        let cli = try CLIHarness()
        try cli.makeVault(users: [("marko", "caseworker")])
        XCTAssertEqual(try cli.run(as: "marko", ["profile", "--grammatical-gender", "masculine"]).status, 0)

        let command = [CLIProcess.binary.path, "shell", "--lang", "rom", "--vault", cli.vault, "--user", "marko"]
            .map { "'\($0)'" }.joined(separator: " ")
        let terminal = try TmuxSession(command: command + "; echo EXIT-STATUS=$?; sleep 60")
        try terminal.wait(for: "marko:")
        try terminal.type("marko has a long passphrase")
        let screen = try terminal.wait(for: "marko (savetniko)")
        XCTAssertTrue(screen.contains("Akala romane lafura još naj dikhle"), screen)

        try terminal.type("lang sr-Cyrl")
        try terminal.wait(for: "marko (саветник)")
        try terminal.type("lang rom")
        try terminal.waitForLines(startingWith: "marko (savetniko)", atLeast: 2)
        XCTAssertEqual(try terminal.screen().components(separatedBy: "Akala romane lafura").count - 1, 2, "shown again on switching to Romani")
        try terminal.key("C-d")
        try terminal.wait(for: "EXIT-STATUS=0")
    }
}
