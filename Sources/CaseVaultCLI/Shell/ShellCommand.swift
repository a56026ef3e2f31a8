import Access
import ArgumentParser
import CaseStore
import Foundation
import Intake
import VaultCrypto

/// `casevault shell`: log in once, then run commands line by line with the same command tree as
/// one-off commands, each handed the shell's `ShellSession`. The prompt shows user, role and
/// language (shorter on a narrow terminal); `help`, `lang L`, `lock` and `exit` are the shell's
/// own. It locks itself after an idle time at any prompt, a command's included; Ctrl-C cancels the
/// line or the running command, Ctrl-D leaves. Leaving a passphrase prompt ends the shell with
/// `ShellExitStatus`. History lives in memory only.
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
        let passphrase: SecretBytes
        switch try askPassphrase(editor, console: console, user: user) {
        case .passphrase(let typed): passphrase = typed
        case .left(let status):
            console.progress(console.messages("cli.shell.not_unlocked") + "\n")
            try Self.end(status)
        }
        let session = AccessSession(try vault.unlock(user: user, passphrase: passphrase))
        try StatisticsPreparation.run(session, console: console)
        let idle = TimeInterval(idleLock ?? ProcessInfo.processInfo.environment["CASEVAULT_IDLE_LOCK"].flatMap(Int.init) ?? 300)
        let command = self
        let shell = ShellSession(session: session, vaultPath: location.path, user: user, passphraseFile: passphraseFile, editor: editor,
                                 idleTimeout: idle > 0 ? idle : nil) { console in
            try command.lock(console: console, editor: editor, vault: vault, user: user)
        }
        console.shell = shell
        console.progress(console.messages("cli.shell.welcome", ["user": user]) + "\n")
        if let notice = console.messages.reviewNotice { console.progress("(" + notice + ")\n") }
        while true {
            let gender = (try? session.grammaticalGenders()[user]) ?? .default
            let role = console.messages.label(session.actor.role, gender)
            let prompt = ShellPrompt.text(user: user, role: role, language: console.messages.language.rawValue,
                                          width: editor.isInteractive ? TerminalWidth.of(STDERR_FILENO) : nil)
            let result: LineEditorResult
            do {
                result = try editor.readLine(prompt: prompt, idleTimeout: shell.idleTimeout)
            } catch {
                throw CLIError(message: console.messages("cli.shell.terminal_failed"))
            }
            switch result {
            case .line(let line):
                if try !handle(line, console: &console, shell: shell) { return }
            case .interrupted:
                console.progress("\n")
            case .clearScreen:
                console.progress(Self.clearScreen)
            case .endOfInput:
                console.progress("\n" + console.messages("cli.shell.goodbye") + "\n")
                return
            case .timedOut:
                console.progress("\n" + console.messages("cli.shell.idle_locked") + "\n")
                try lockOrEnd(shell, console: console)
            case .secret:
                continue
            }
        }
    }

    /// Clears the screen, scrollback included, and moves the cursor home.
    static let clearScreen = "\u{1B}[2J\u{1B}[3J\u{1B}[H"

    /// Runs one line; false when the shell should end.
    private func handle(_ line: String, console: inout Console, shell: ShellSession) throws -> Bool {
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
            if let notice = console.messages.reviewNotice { console.progress("(" + notice + ")\n") }
        case "lock":
            try lockOrEnd(shell, console: console)
        case "shell", "init", "demo":
            console.error(console.messages("cli.shell.not_here", ["command": first]))
        default:
            let environment = ProcessInfo.processInfo.environment.merging(["CASEVAULT_LANG": console.messages.language.rawValue]) { $1 }
            shell.cancellationReported = false
            let status = InterruptibleCommand.run { [console] in CaseVaultCommand.run(arguments: words, console: console, environment: environment) }
            if let ended = shell.endStatus {
                console.progress(console.messages("cli.shell.ended_locked") + "\n")
                try Self.end(ended)
            }
            if status == InterruptibleCommand.interrupted && !shell.cancellationReported {
                console.progress("\n" + console.messages("cli.shell.cancelled") + "\n")
            }
        }
        return true
    }

    /// Locks the session; when the lock prompt is left without the passphrase, ends the shell.
    private func lockOrEnd(_ shell: ShellSession, console: Console) throws {
        do {
            try shell.lock(console: console)
        } catch let error as ShellLockAbandoned {
            console.progress(console.messages("cli.shell.ended_locked") + "\n")
            try Self.end(error.status)
        }
    }

    /// Ends the shell with `status` (`ShellExitStatus`) and no further message.
    private static func end(_ status: Int32) throws -> Never {
        if status == ShellExitStatus.interrupted { throw CommandInterrupted() }
        throw AlreadyReported()
    }

    /// Hides the screen and asks for the passphrase until it is right; throws
    /// `ShellLockAbandoned` when the user leaves the prompt (Ctrl-C, Ctrl-D, end of input).
    private func lock(console: Console, editor: LineEditor, vault: Vault, user: String) throws {
        if editor.isInteractive { console.progress(Self.clearScreen) }
        editor.clearHistory()
        while true {
            console.progress(console.messages("cli.shell.locked", ["user": user]) + "\n")
            switch try askPassphrase(editor, console: console, user: user) {
            case .left(let status):
                throw ShellLockAbandoned(status: status)
            case .passphrase(let passphrase):
                do {
                    _ = try vault.unlock(user: user, passphrase: passphrase)
                    return
                } catch let error as CaseStoreError {
                    console.error(ErrorMessages.text(for: error, messages: console.messages))
                }
            }
        }
    }

    private var passphraseFile: String? {
        login.passphraseFile ?? ProcessInfo.processInfo.environment["CASEVAULT_PASSPHRASE_FILE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// What a passphrase prompt gave.
    private enum PassphraseAnswer {
        case passphrase(SecretBytes)
        /// The user left the prompt: Ctrl-C (`ShellExitStatus.interrupted`) or Ctrl-D or the
        /// end of the input (`ShellExitStatus.inputEnded`).
        case left(status: Int32)
    }

    /// The passphrase from --passphrase-file, else typed without echo.
    private func askPassphrase(_ editor: LineEditor, console: Console, user: String) throws -> PassphraseAnswer {
        if let file = passphraseFile { return .passphrase(try PassphraseSource.fromFile(file, console: console)) }
        while true {
            let result: LineEditorResult
            do {
                result = try editor.readSecret(prompt: console.messages("cli.prompt.passphrase", ["user": user]))
            } catch {
                throw CLIError(message: console.messages("cli.shell.terminal_failed"))
            }
            switch result {
            case .secret(var bytes):
                defer { SecretBytes.cleanse(&bytes) }
                return .passphrase(SecretBytes(bytes))
            case .interrupted:
                return .left(status: ShellExitStatus.interrupted)
            case .endOfInput:
                return .left(status: ShellExitStatus.inputEnded)
            default:
                continue
            }
        }
    }
}

/// How `casevault shell` ends when its passphrase prompt (the first or the lock's) is left
/// without the passphrase (docs/cli.md, "Exit status").
enum ShellExitStatus {
    /// Ctrl-C at the prompt, as for an interrupted command.
    static let interrupted = InterruptibleCommand.interrupted
    /// Ctrl-D at the prompt, or the input ended.
    static let inputEnded = ExitStatus.failure
}
