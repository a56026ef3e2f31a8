import Access
import ArgumentParser
import CaseStore
import Foundation
import Intake
import VaultCrypto

/// `casevault shell`: log in once, then run commands line by line with the same command tree as
/// one-off commands. The prompt shows user, role and language; `help`, `lang L`, `lock` and
/// `exit` are the shell's own. It locks itself after an idle time; Ctrl-C cancels the line or the
/// running command, Ctrl-D leaves. History lives in memory only.
struct ShellCommand: VaultCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "Log in once and work in an interactive session.",
        discussion: "Inside: any casevault command without the word casevault, plus help, lang L, lock and exit."
    )

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Option(name: .long, help: ArgumentHelp("Lock after this many idle seconds (default: $CASEVAULT_IDLE_LOCK, else 300).", valueName: "seconds"))
    var idleLock: Int?

    mutating func run(console: Console) throws {
        var console = console
        console.messages.invocation = ""
        let editor = LineEditor()
        let user = try login.userName()
        let vault = try location.open()
        try LoginOptions.refuseUnknownUser(user, in: vault)
        let session = AccessSession(try vault.unlock(user: user, passphrase: try askPassphrase(editor, console: console, user: user)))
        ShellContext.current = ShellContext.Current(session: session, vaultPath: location.path, user: user,
                                                    passphraseFile: passphraseFile)
        defer { ShellContext.current = nil }
        let idle = TimeInterval(idleLock ?? ProcessInfo.processInfo.environment["CASEVAULT_IDLE_LOCK"].flatMap(Int.init) ?? 300)
        console.progress(console.messages("cli.shell.welcome", ["user": user]) + "\n")
        while true {
            let role = console.messages("cli.role.\(session.actor.role.rawValue)")
            let prompt = "\(user) (\(role)) [\(console.messages.language.rawValue)]> "
            let result: LineEditorResult
            do {
                result = try editor.readLine(prompt: prompt, idleTimeout: idle > 0 ? idle : nil)
            } catch {
                throw CLIError(message: console.messages("cli.shell.terminal_failed"))
            }
            switch result {
            case .line(let line):
                if try !handle(line, console: &console, editor: editor, vault: vault, user: user) { return }
            case .interrupted:
                console.progress("\n")
            case .clearScreen:
                console.progress(Self.clearScreen)
            case .endOfInput:
                console.progress("\n" + console.messages("cli.shell.goodbye") + "\n")
                return
            case .timedOut:
                console.progress("\n" + console.messages("cli.shell.idle_locked") + "\n")
                if try !lock(console: console, editor: editor, vault: vault, user: user) { return }
            case .secret:
                continue
            }
        }
    }

    static let clearScreen = "\u{1B}[2J\u{1B}[3J\u{1B}[H"

    /// Runs one line; false when the shell should end.
    private func handle(_ line: String, console: inout Console, editor: LineEditor, vault: Vault, user: String) throws -> Bool {
        let words: [String]
        do {
            words = try ShellTokenizer.words(in: line)
        } catch {
            console.error(console.messages("cli.shell.bad_quotes"))
            return true
        }
        guard let first = words.first else { return true }
        switch first {
        case "exit", "quit":
            console.progress(console.messages("cli.shell.goodbye") + "\n")
            return false
        case "help":
            ShellHelp.show(words.dropFirst(), console: console)
        case "lang":
            guard words.count == 2, let language = LanguageResolver.language(forTag: words[1]) else {
                console.error(console.messages("cli.shell.lang_usage"))
                return true
            }
            console.messages = Messages.load(language)
            console.messages.invocation = ""
        case "lock":
            return try lock(console: console, editor: editor, vault: vault, user: user)
        case "shell", "init", "demo":
            console.error(console.messages("cli.shell.not_here", ["command": first]))
        default:
            let environment = ProcessInfo.processInfo.environment.merging(["CASEVAULT_LANG": console.messages.language.rawValue]) { $1 }
            let status = InterruptibleCommand.run { CaseVaultCommand.run(arguments: words, console: console, environment: environment) }
            if status == InterruptibleCommand.interrupted { console.progress("\n" + console.messages("cli.shell.cancelled") + "\n") }
        }
        return true
    }

    /// Hides the screen and asks for the passphrase until it is right; false on end of input.
    private func lock(console: Console, editor: LineEditor, vault: Vault, user: String) throws -> Bool {
        if editor.isInteractive { console.progress(Self.clearScreen) }
        editor.clearHistory()
        while true {
            console.progress(console.messages("cli.shell.locked", ["user": user]) + "\n")
            let passphrase: SecretBytes
            do {
                passphrase = try askPassphrase(editor, console: console, user: user)
            } catch is EndOfInput {
                return false
            }
            do {
                _ = try vault.unlock(user: user, passphrase: passphrase)
                return true
            } catch let error as CaseStoreError {
                console.error(ErrorMessages.text(for: error, messages: console.messages))
            }
        }
    }

    struct EndOfInput: Error {}

    private var passphraseFile: String? {
        login.passphraseFile ?? ProcessInfo.processInfo.environment["CASEVAULT_PASSPHRASE_FILE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The passphrase from --passphrase-file, else typed without echo.
    private func askPassphrase(_ editor: LineEditor, console: Console, user: String) throws -> SecretBytes {
        if let file = passphraseFile { return try PassphraseSource.fromFile(file, console: console) }
        let result: LineEditorResult
        do {
            result = try editor.readSecret(prompt: console.messages("cli.prompt.passphrase", ["user": user]))
        } catch {
            throw CLIError(message: console.messages("cli.shell.terminal_failed"))
        }
        guard case .secret(var bytes) = result else { throw EndOfInput() }
        defer { SecretBytes.cleanse(&bytes) }
        return SecretBytes(bytes)
    }
}
