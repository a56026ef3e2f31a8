import Foundation
import XCTest

/// Texts typed and pasted on a real terminal (tmux, which sends a bracketed paste when the
/// program asked for one): a pasted account lands whole in the narrative and answers nothing
/// else, 20,000 pasted characters are stored whole, Ctrl-C during a note stores nothing, the
/// idle lock during an intake and a note wipes the answers from the pane, and leaving a
/// passphrase prompt ends the shell with its documented status.
final class TextEntryTerminalTests: XCTestCase {
    private let passphrase = "maja has a long passphrase"

    /// A vault with ana (admin), maja (caseworker), vesna (auditor) and one case of maja's; its code.
    private func vaultWithACase(_ cli: CLIHarness) throws -> String {
        try cli.makeVault(users: [("maja", "caseworker"), ("vesna", "auditor")])
        return try cli.importTwoCases(as: "maja")
    }

    private func shellCommand(_ cli: CLIHarness, _ options: [String]) -> String {
        ([CLIProcess.binary.path, "shell", "--vault", cli.vault, "--user", "maja"] + options).map { "'\($0)'" }.joined(separator: " ")
            + "; echo EXIT-STATUS=$?; sleep 60"
    }

    /// A shell of maja's on a real terminal, logged in and at its prompt (`promptStart`).
    private func loggedInShell(_ cli: CLIHarness, _ options: [String], width: Int = 160, promptStart: String = "maja (") throws -> TmuxSession {
        let terminal = try TmuxSession(command: shellCommand(cli, options), width: width)
        try terminal.wait(for: "Passphrase for maja:")
        try terminal.type(passphrase)
        try terminal.waitForLines(startingWith: promptStart, atLeast: 1)
        return terminal
    }

    /// Every string in the case's JSON, strings that hold JSON opened too.
    private func caseStrings(_ cli: CLIHarness, _ code: String) throws -> [String] {
        let shown = try cli.run(as: "maja", ["case", "show", code, "--format", "json"])
        XCTAssertEqual(shown.status, 0, shown.err)
        return Self.strings(in: try JSONSerialization.jsonObject(with: Data(shown.out.utf8)))
    }

    private static func strings(in value: Any) -> [String] {
        switch value {
        case let text as String:
            guard let nested = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]), !(nested is String) else { return [text] }
            return [text] + strings(in: nested)
        case let array as [Any]: return array.flatMap { strings(in: $0) }
        case let object as [String: Any]: return object.values.flatMap { strings(in: $0) }
        default: return []
        }
    }

    private func noteEntries(_ cli: CLIHarness, _ code: String) throws -> Int {
        let log = try cli.run(as: "vesna", ["audit", "log", "--case", code, "--action", "case_note", "--format", "json"])
        XCTAssertEqual(log.status, 0, log.err)
        return (try JSONSerialization.jsonObject(with: Data(log.out.utf8)) as? [Any])?.count ?? -1
    }

    func testAPastedAccountLandsWholeInTheNarrativeAndAnswersNothingElse() throws {
        let cli = try CLIHarness()
        _ = try vaultWithACase(cli)
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("intake_rom.json")
        let fixture = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let pairs = try XCTUnwrap(fixture["answers"] as? [[String]])
        let account = "First line.\nne\n2\nda\n.\nПоследњи ред исказа."

        let command = [CLIProcess.binary.path, "intake", "--lang", "rom", "--vault", cli.vault, "--user", "maja",
                       "--passphrase-file", try cli.passphraseFile("maja")].map { "'\($0)'" }.joined(separator: " ")
        let terminal = try TmuxSession(command: command + "; echo EXIT-STATUS=$?; sleep 60")
        for (index, pair) in pairs.enumerated() {
            try terminal.waitForLines(startingWith: ">", atLeast: index + 1)
            guard pair[0] == "incident_narrative" else {
                try terminal.type(pair[1])
                continue
            }
            try terminal.wait(for: "samo jekh tačka")
            try terminal.paste(account)
            try terminal.wait(for: "Последњи ред исказа.")
            try terminal.type("")
            try terminal.type(".")
            try terminal.wait(for: "Lino: 6 linije")
        }
        try terminal.wait(for: "(Va/Na)")
        try terminal.type("va")
        let screen = try terminal.wait(for: "EXIT-STATUS=")
        XCTAssertTrue(screen.contains("EXIT-STATUS=0"), String(screen.suffix(2000)))
        let history = try terminal.history()
        XCTAssertFalse(history.split(separator: "\n").contains { $0.hasPrefix("! ") }, "no answer was refused: nothing spilled into a question")
        let code = try XCTUnwrap(screen.range(of: "[0-9A-Z]{4}-[0-9A-Z]{4}", options: .regularExpression).map { String(screen[$0]) })
        XCTAssertTrue(try caseStrings(cli, code).contains(account), "the narrative holds the whole pasted account")
    }

    func testTwentyThousandPastedCharactersAreStoredWholeOnANarrowTerminal() throws {
        let cli = try CLIHarness()
        let code = try vaultWithACase(cli)
        let row = String(repeating: "Ђурђевдан ", count: 7) + "крај реда."
        let rows = (0..<200).map { String(format: "%03d ", $0) + row }
        var account = rows.joined(separator: "\n")
        account += String(repeating: "ж", count: 20_000 - account.count)
        XCTAssertEqual(account.count, 20_000)

        let terminal = try loggedInShell(cli, ["--lang", "en", "--idle-lock", "0"], width: 50, promptStart: "maja>")
        XCTAssertFalse(try terminal.screen().contains("maja (caseworker)"), "a 50-column terminal gets the short prompt")
        try terminal.type("note \(code)")
        try terminal.wait(for: "Type the note")
        try terminal.paste(account)
        try terminal.wait(for: "жжжж", timeout: 60)
        try terminal.type("")
        try terminal.type(".")
        try terminal.wait(for: "Note added to", timeout: 60)
        XCTAssertTrue(try terminal.screen().contains("Taken: 200 lines"))
        try terminal.type("exit")
        XCTAssertTrue(try terminal.wait(for: "EXIT-STATUS=").contains("EXIT-STATUS=0"))
        XCTAssertTrue(try caseStrings(cli, code).contains(account), "the note holds all 20,000 characters")
    }

    func testControlCDuringANoteStoresNothingAndSaysSoOnce() throws {
        let cli = try CLIHarness()
        let code = try vaultWithACase(cli)
        let before = try noteEntries(cli, code)
        let terminal = try loggedInShell(cli, ["--lang", "en"])
        try terminal.type("note \(code)")
        try terminal.wait(for: "Type the note")
        try terminal.type("Половина белешке")
        try terminal.tmuxSendLiteral("друга")
        try terminal.wait(for: "друга")
        try terminal.key("C-c")
        try terminal.wait(for: "The note was not saved.")
        try terminal.waitForLines(startingWith: "maja (", atLeast: 2)
        try terminal.type("exit")
        let screen = try terminal.wait(for: "EXIT-STATUS=")
        XCTAssertTrue(screen.contains("EXIT-STATUS=0"), String(screen.suffix(800)))
        XCTAssertFalse(screen.contains("Note added"), screen)
        XCTAssertEqual(screen.components(separatedBy: "Cancelled.").count - 1, 1, "the cancellation is said once: \(screen)")
        XCTAssertFalse(try caseStrings(cli, code).contains { $0.contains("Половина") }, "no note was stored")
        XCTAssertEqual(try noteEntries(cli, code), before, "the audit trail records no note")
    }

    /// With stderr sent to a file, what is typed is drawn on the terminal itself, never into
    /// the file (the editor draws its line where the prompts go).
    func testANoteTypedWithStderrInAFileLeavesNothingInTheFile() throws {
        let cli = try CLIHarness()
        let code = try vaultWithACase(cli)
        let log = cli.directory.appendingPathComponent("stderr.log").path
        let note = ([CLIProcess.binary.path, "note", code, "--lang", "en", "--vault", cli.vault, "--user", "maja",
                     "--passphrase-file", try cli.passphraseFile("maja")]).map { "'\($0)'" }.joined(separator: " ")
        let terminal = try TmuxSession(command: note + " 2>'\(log)'; echo EXIT-STATUS=$?; sleep 60")
        try terminal.type("Јелена Тајновић зове")
        try terminal.wait(for: "Јелена Тајновић зове")
        try terminal.type(".")
        let screen = try terminal.wait(for: "EXIT-STATUS=")
        XCTAssertTrue(screen.contains("EXIT-STATUS=0"), String(screen.suffix(800)))
        XCTAssertTrue(try caseStrings(cli, code).contains { $0.contains("Јелена Тајновић зове") }, "the note was stored")
        let written = try String(contentsOfFile: log, encoding: .utf8)
        XCTAssertFalse(written.contains("Тајновић"), "typed text in the stderr file:\n\(written)")
    }

    /// The name to find inside the shell is read by the shell's editor: Ctrl-C cancels the
    /// search before it runs.
    func testControlCAtTheNameToFindCancelsTheSearch() throws {
        let cli = try CLIHarness()
        _ = try vaultWithACase(cli)
        let terminal = try loggedInShell(cli, ["--lang", "en"])
        try terminal.type("case find")
        try terminal.wait(for: "Name to find")
        try terminal.tmuxSendLiteral("Радмила")
        try terminal.wait(for: "Радмила")
        try terminal.key("C-c")
        try terminal.waitForLines(startingWith: "maja (", atLeast: 2)
        try terminal.type("exit")
        let screen = try terminal.wait(for: "EXIT-STATUS=")
        XCTAssertFalse(screen.contains("Стојковић"), "no search ran: \(screen)")
        let searches = try cli.run(as: "vesna", ["audit", "log", "--action", "case_find", "--format", "json"])
        XCTAssertEqual(searches.status, 0, searches.err)
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(searches.out.utf8)) as? [Any])?.count, 0, searches.out)
    }

    func testTheIdleLockDuringAnIntakeAndANoteWipesTheAnswers() throws {
        let cli = try CLIHarness()
        let code = try vaultWithACase(cli)
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("intake_rom.json")
        let fixture = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let answers = try XCTUnwrap(fixture["answers"] as? [[String]]).prefix { $0[0] != "birth_date_known" }.map { $0[1] }
        XCTAssertEqual(answers.last, "Fatima Berisha")

        let terminal = try TmuxSession(command: shellCommand(cli, ["--lang", "rom", "--idle-lock", "6"]))
        try terminal.wait(for: "Lozinka vaš maja:")
        try terminal.type(passphrase)
        try terminal.waitForLines(startingWith: "maja (", atLeast: 1)
        try terminal.type("intake")
        for (index, answer) in answers.enumerated() {
            try terminal.waitForLines(startingWith: ">", atLeast: index + 1)
            try terminal.type(answer)
        }
        try terminal.waitForLines(startingWith: ">", atLeast: answers.count + 1)
        XCTAssertTrue(try terminal.history().contains("Fatima Berisha"))
        try terminal.wait(for: "Phandlo.", timeout: 30)
        XCTAssertFalse(try terminal.history().contains("Fatima Berisha"), "the lock wipes the answers, scrollback included")
        try terminal.type(passphrase)
        try terminal.wait(for: "So ramosardan na garavdilo")
        try terminal.waitForLines(startingWith: ">", atLeast: 1)
        try terminal.type("save")
        try terminal.wait(for: "O nacrto si garavdo")

        try terminal.type("note \(code)")
        try terminal.wait(for: "Ramolpe i beleška")
        try terminal.type("Tajno dopaš ramosardo")
        try terminal.wait(for: "Tajno")
        try terminal.waitForHistory("the lock to wipe the half-typed note", timeout: 30) { !$0.contains("Tajno") && $0.contains("Phandlo.") }
        try terminal.type(passphrase)
        try terminal.wait(for: "So ramosardan na garavdilo")
        try terminal.wait(for: "Ramolpe i beleška")
        try terminal.type("Nevi beleška")
        try terminal.type(".")
        try terminal.wait(for: "I beleška si dindi")
        try terminal.type("exit")
        XCTAssertTrue(try terminal.wait(for: "EXIT-STATUS=").contains("EXIT-STATUS=0"))
        let stored = try caseStrings(cli, code)
        XCTAssertTrue(stored.contains("Nevi beleška"))
        XCTAssertFalse(stored.contains { $0.contains("Tajno") }, "the half-typed note was dropped, not stored")
    }

    func testLeavingAPassphrasePromptEndsTheShellWithItsStatus() throws {
        let cli = try CLIHarness()
        _ = try vaultWithACase(cli)
        let cases: [(prompt: String, key: String, status: String, message: String)] = [
            ("first", "C-c", "130", "Not unlocked. The shell ends."),
            ("first", "C-d", "1", "Not unlocked. The shell ends."),
            ("lock", "C-c", "130", "The session stays locked. The shell ends."),
            ("lock", "C-d", "1", "The session stays locked. The shell ends."),
        ]
        for item in cases {
            let terminal = try TmuxSession(command: shellCommand(cli, ["--lang", "en"]))
            try terminal.wait(for: "Passphrase for maja:")
            if item.prompt == "lock" {
                try terminal.type(passphrase)
                try terminal.waitForLines(startingWith: "maja (", atLeast: 1)
                try terminal.type("lock")
                try terminal.wait(for: "Locked.")
                try terminal.wait(for: "Passphrase for maja:")
            }
            try terminal.key(item.key)
            let screen = try terminal.wait(for: "EXIT-STATUS=")
            let what = "\(item.key) at the \(item.prompt) prompt"
            XCTAssertTrue(screen.contains("EXIT-STATUS=\(item.status)\n") || screen.hasSuffix("EXIT-STATUS=\(item.status)"), "\(what): \(screen)")
            XCTAssertTrue(screen.contains(item.message), "\(what): \(screen)")
            XCTAssertFalse(screen.contains("Error") || screen.contains("error:") || screen.contains("EndOfInput"), "\(what): \(screen)")
        }
    }

    func testTheIdleLockCoversAPassphrasePromptInsideACommand() throws {
        let cli = try CLIHarness()
        _ = try vaultWithACase(cli)
        let command = [CLIProcess.binary.path, "shell", "--lang", "en", "--vault", cli.vault, "--user", "ana", "--idle-lock", "3"]
            .map { "'\($0)'" }.joined(separator: " ") + "; echo EXIT-STATUS=$?; sleep 60"
        let terminal = try TmuxSession(command: command)
        try terminal.wait(for: "Passphrase for ana:")
        try terminal.type("ana has a long passphrase")
        try terminal.waitForLines(startingWith: "ana (", atLeast: 1)
        try terminal.type("user add bob --role caseworker")
        try terminal.wait(for: "New passphrase for bob:")
        try terminal.wait(for: "Locked.", timeout: 30)
        XCTAssertFalse(try terminal.history().contains("user add bob"), "the lock cleared the screen")
        try terminal.type("ana has a long passphrase")
        try terminal.wait(for: "New passphrase for bob:")
        try terminal.key("C-c")
        try terminal.wait(for: "Cancelled.")
        try terminal.key("C-d")
        XCTAssertTrue(try terminal.wait(for: "EXIT-STATUS=").contains("EXIT-STATUS=0"))
    }

    func testControlCInAnIntakeOnItsOwnKeepsTheDraft() throws {
        let cli = try CLIHarness()
        _ = try vaultWithACase(cli)
        let command = [CLIProcess.binary.path, "intake", "--lang", "en", "--vault", cli.vault, "--user", "maja",
                       "--passphrase-file", try cli.passphraseFile("maja")].map { "'\($0)'" }.joined(separator: " ")
        let terminal = try TmuxSession(command: command + "; echo EXIT-STATUS=$?; sleep 60")
        try terminal.waitForLines(startingWith: ">", atLeast: 1)
        try terminal.type("yes")
        try terminal.waitForLines(startingWith: ">", atLeast: 2)
        try terminal.key("C-c")
        let screen = try terminal.wait(for: "EXIT-STATUS=")
        XCTAssertTrue(screen.contains("EXIT-STATUS=130"), screen)
        XCTAssertEqual(screen.components(separatedBy: "Cancelled.").count - 1, 1, screen)
        XCTAssertTrue(screen.contains("Your draft is kept"), screen)
        XCTAssertFalse(screen.contains("error:"), screen)
        let again = try CLIProcess.run(["intake", "--lang", "en", "--vault", cli.vault, "--user", "maja", "--passphrase-file", cli.passphraseFile("maja")])
        XCTAssertTrue(again.err.contains("You have a saved draft"), "the draft was kept: \(again.err)")
    }

    func testASignalTurnsBracketedPasteOffAgain() throws {
        let cli = try CLIHarness()
        _ = try vaultWithACase(cli)
        // After the program ends, `cat -v` shows what a paste sends: with bracketed paste left
        // on it would arrive as ^[[200~…^[[201~.
        let command = ([CLIProcess.binary.path, "shell", "--lang", "en", "--vault", cli.vault, "--user", "maja"]).map { "'\($0)'" }
            .joined(separator: " ") + "; echo EXIT-STATUS=$?; cat -v"
        let terminal = try TmuxSession(command: command)
        try terminal.wait(for: "Passphrase for maja:")
        let deadline = Date().addingTimeInterval(10)
        while try terminal.localModes() & tcflag_t(ICANON) != 0, Date() < deadline { usleep(20_000) }
        let shellPID = try terminal.panePID()
        let children = try String(contentsOfFile: "/proc/\(shellPID)/task/\(shellPID)/children", encoding: .utf8)
        let program = try XCTUnwrap(children.split(separator: " ").first.flatMap { Int32($0) }, "no program running")
        kill(program, SIGTERM)
        try terminal.wait(for: "EXIT-STATUS=143")
        try terminal.paste("pasted-after-exit")
        try terminal.type("")
        let screen = try terminal.wait(for: "pasted-after-exit")
        XCTAssertFalse(screen.contains("[200~"), "bracketed paste was left on: \(screen.suffix(300))")
    }

    func testInsideTheShellAnotherVaultOrUserIsRefusedAndAPipedNoteIsKeptWhole() throws {
        let cli = try CLIHarness()
        let code = try vaultWithACase(cli)
        let script = "cases --user ana\ncases --vault /tmp/elsewhere.casevault\nnote \(code)\nprvi red\n\ndrugi red\n.\ncases\n"
        let result = try CLIProcess.run(["shell", "--lang", "en", "--vault", cli.vault, "--user", "maja", "--passphrase-file", cli.passphraseFile("maja")],
                                        stdin: script)
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertTrue(result.err.contains("inside the shell you are already logged in as maja"), result.err)
        XCTAssertTrue(result.err.contains("leave the shell (`exit`) to use another vault"), result.err)
        XCTAssertTrue(result.out.contains("Note added to \(code)"), result.out)
        XCTAssertEqual(result.out.components(separatedBy: code).count - 1, 2, "the case is listed once, by the last command: \(result.out)")
        XCTAssertTrue(try caseStrings(cli, code).contains("prvi red\n\ndrugi red"))
    }
}

extension TmuxSession {
    /// Pastes `text` as a terminal does: tmux wraps it in ESC [200~ … ESC [201~ when the
    /// program asked for bracketed paste, and sends its line breaks as CR.
    func paste(_ text: String) throws {
        // Through a file: a tmux command line is limited to a few kilobytes.
        let buffer = "paste-\(name)"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(buffer)
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        try Self.tmux(["load-buffer", "-b", buffer, file.path])
        try Self.tmux(["paste-buffer", "-p", "-d", "-b", buffer, "-t", name])
    }

    /// Types `text` literally, without Enter.
    func tmuxSendLiteral(_ text: String) throws {
        try Self.tmux(["send-keys", "-t", name, "-l", text])
    }

    /// Waits until the whole pane, scrollback included, satisfies `condition`.
    func waitForHistory(_ what: String, timeout: TimeInterval = 20, _ condition: (String) -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try history()
            if condition(last) { return }
            usleep(50_000)
        }
        XCTFail("timed out waiting for \(what); pane:\n\(last.suffix(1500))")
        throw TmuxFailure(arguments: ["wait", what])
    }

    /// The whole pane, all of its scrollback included.
    func history() throws -> String {
        try Self.tmux(["capture-pane", "-p", "-J", "-t", name, "-S", "-"])
    }
}
