import Access
import ArgumentParser
import Intake
import CaseStore
import Foundation

/// The root of the `casevault` command tree. Both fronts (one-off commands now, the shell
/// later) parse into this same tree.
public struct CaseVaultCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "casevault",
        abstract: "Encrypted case management for services supporting survivors of gender-based violence.",
        discussion: """
            Every case is sealed at rest. Passphrases are read from the terminal without echo, or \
            from a file for scripts (--passphrase-file); never from the command line. \
            --lang en|sr-Cyrl|sr-Latn|rom (before or after the command) chooses the language; \
            otherwise CASEVAULT_LANG, then LC_ALL, LC_MESSAGES or LANG (sr_RS@latin is sr-Latn).
            """,
        version: CaseVaultVersion.current,
        subcommands: [InitCommand.self, StatusCommand.self, IntakeCommand.self, ShellCommand.self, DemoCommand.self, CasesCommand.self, CaseCommand.self, NoteCommand.self,
                      FollowUpCommand.self, ReferCommand.self, PlanCommand.self, CloseCommand.self, ReopenCommand.self,
                      UserCommand.self, PasswdCommand.self, ProfileCommand.self, AuditCommand.self, RekeyCommand.self, BackupCommand.self,
                      VerifyBackupCommand.self, StatsCommand.self, ExportCommand.self, VerifyExportCommand.self, PubkeyCommand.self,
                      PartnerCommand.self, RetentionCommand.self, VaultGroupCommand.self]
    )

    /// `--lang L` is taken out of the arguments before parsing (`LanguageOption`, so it may stand
    /// anywhere); it is declared here so that help and the shell completion scripts offer it.
    @Option(name: .long, help: ArgumentHelp("Language.", valueName: "language"),
            completion: .list(Language.allCases.map(\.rawValue)))
    var lang: String?

    public init() {}

    /// Parses `arguments`, runs the command and returns the process exit code. Errors are
    /// written to stderr as `casevault: error: ...`; survivor data is never part of them.
    public static func run(arguments: [String], console: Console = .standard,
                           environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32 {
        umask(0o077)
        var console = console
        let invocation = console.messages.invocation
        let remaining: [String]
        do {
            let (explicit, rest) = try LanguageOption.extract(from: arguments)
            console.messages = Messages.load(try LanguageResolver.resolve(explicit: explicit, environment: environment))
            console.messages.invocation = invocation
            remaining = rest
        } catch let error as LanguageError {
            // No language could be chosen: the source language says why.
            console.messages = .english
            console.error(console.messages("cli.error.unknown_language", ["value": error.value, "source": error.source]))
            return ExitCode.validationFailure.rawValue
        } catch {
            console.messages = .english
            console.error(console.messages("cli.error.lang_needs_value"))
            return ExitCode.validationFailure.rawValue
        }
        return ActiveMessages.$current.withValue(console.messages) {
            execute(remaining, console: console)
        }
    }

    /// Runs the parsed command, rendering every failure in the user's language. This is the
    /// last catch of every front (the shell runs each line through it too, its `ShellSession`
    /// in `console.shell`): an error is shown
    /// only as a message of ours (`ErrorMessages`), never by its own description.
    static func execute(_ arguments: [String], console: Console) -> Int32 {
        if arguments.first == "help" { return HelpRenderer.answer(Array(arguments.dropFirst()), console: console) }
        var vaultCommand: VaultCommand
        do {
            let command = try parseAsRoot(arguments)
            guard let parsed = command as? VaultCommand else {
                // A command group or ArgumentParser's own help command: its run only asks for help.
                var command = command
                try command.run()
                return 0
            }
            vaultCommand = parsed
            if let shell = console.shell, let refusal = ShellOptionCheck.refusal(of: parsed, in: shell, messages: console.messages) {
                console.error(refusal)
                return ExitCode.validationFailure.rawValue
            }
        } catch {
            return parserFailure(error, console: console)
        }
        do {
            try vaultCommand.run(console: console)
            return 0
        } catch let error as CLIError {
            console.report(error)
            return ExitStatus.failure
        } catch is CommandInterrupted {
            return InterruptibleCommand.interrupted
        } catch let error as ShellLockAbandoned {
            return error.status
        } catch is AlreadyReported {
            return ExitStatus.failure
        } catch let error where error is ValidationError || error is CleanExit || error is ExitCode {
            return parserFailure(error, console: console)
        } catch {
            console.error(ErrorMessages.text(for: error, messages: console.messages))
            if let hint = ErrorMessages.hint(for: error, messages: console.messages) { console.hint(hint) }
            return ExitStatus.failure
        }
    }

    /// Usage errors, help and version requests, in the user's language (`ParseFailure`); only
    /// what has no words of ours (a completion script, an exit request) is left to ArgumentParser.
    private static func parserFailure(_ error: any Error, console: Console) -> Int32 {
        let failure = ParseFailure.classify(error)
        switch failure {
        case .help(let path):
            console.output(HelpRenderer.page(path, console.messages))
            return 0
        case .version:
            console.output("casevault " + console.messages("cli.version", ["version": CaseVaultVersion.current]))
            return 0
        case .validation(let text, let path):
            console.error(text)
            if let path, let hint = ParseFailureMessage.usageHint(path, console.messages, .casevault) { console.hint(hint) }
            return ExitCode.validationFailure.rawValue
        default:
            if let message = ParseFailureMessage.render(failure, console.messages) {
                console.report(message)
                return ExitCode.validationFailure.rawValue
            }
        }
        let message = fullMessage(for: error)
        let code = exitCode(for: error).rawValue
        if code == 0 {
            console.output(message)
        } else if !message.isEmpty {
            // A kind of usage error we have no words for: ours, never ArgumentParser's English.
            console.report(CLIError(message: console.messages("cli.parse.unreadable"),
                                    hint: console.messages("cli.parse.hint.commands", ["command": ParseFailureMessage.helpCommand([], console.messages)])))
        }
        return code
    }
}

/// The program's version, shown by `--version` and in the man page.
public enum CaseVaultVersion {
    public static let current = "0.9.0"
}

/// Thrown by a command that has already written its diagnostics: exit with status 1, add nothing.
struct AlreadyReported: Error {}

/// Documented exit statuses (docs/cli.md).
public enum ExitStatus {
    /// A command failed; the message says why.
    public static let failure: Int32 = 1
}

/// A command that writes through a `Console`, so tests can capture what it prints.
protocol VaultCommand: ParsableCommand {
    mutating func run(console: Console) throws
}

extension VaultCommand {
    mutating func run() throws { try run(console: .standard) }
}
