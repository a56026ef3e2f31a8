import Foundation
import XCTest

/// On a real terminal (tmux), inside the shell: a supervisor who types `note CODE` or
/// `case find` is refused at once, before the note or the name is asked for.
final class PermissionFirstTerminalTests: XCTestCase {
    func testASupervisorIsRefusedBeforeTypingANoteOrAName() throws {
        let cli = try CLIHarness()
        try cli.makeVault(users: [("maja", "caseworker"), ("sofija", "supervisor")])
        let code = try cli.importTwoCases(as: "maja")
        let command = [CLIProcess.binary.path, "shell", "--lang", "sr-Latn", "--vault", cli.vault, "--user", "sofija",
                       "--passphrase-file", try cli.passphraseFile("sofija")].map { "'\($0)'" }.joined(separator: " ")
        let terminal = try TmuxSession(command: command + "; echo EXIT-STATUS=$?; sleep 60")
        try terminal.waitForLines(startingWith: "sofija (", atLeast: 1)

        try terminal.type("note \(code)")
        try terminal.wait(for: "nije dozvoljeno")
        try terminal.waitForLines(startingWith: "sofija (", atLeast: 2)
        try terminal.type("case find")
        try terminal.waitForLines(startingWith: "sofija (", atLeast: 3)
        let screen = try terminal.screen()
        XCTAssertEqual(screen.components(separatedBy: "nije dozvoljeno").count - 1, 2, screen)
        XCTAssertFalse(screen.contains("Otkucajte belešku"), "the note was asked for:\n\(screen)")
        XCTAssertFalse(screen.contains("Ime koje tražite"), "the name was asked for:\n\(screen)")

        try terminal.type("exit")
        XCTAssertTrue(try terminal.wait(for: "EXIT-STATUS=").contains("EXIT-STATUS=0"))
    }
}
