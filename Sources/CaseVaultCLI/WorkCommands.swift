import Access
import ArgumentParser
import CaseStore
import Foundation

/// `casevault cases`: my open cases, newest activity first.
struct CasesCommand: VaultCommand {
    static let configuration = CommandConfiguration(commandName: "cases", abstract: "List your open cases, newest activity first.")

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @OptionGroup var output: OutputOptions

    mutating func run(console: Console) throws {
        try CaseRendering.summaries(login.session(location.open(), console: console).myOpenCases(), format: output.format, console: console)
    }
}

/// `casevault note CODE`: a timestamped, sealed note; its text comes from the terminal or stdin.
struct NoteCommand: VaultCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Add a note to a case (the text is typed or piped in, never given as an argument)."
    )

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Argument(help: ArgumentHelp("Case code.", valueName: "code"))
    var code: CaseCodeArgument

    mutating func run(console: Console) throws {
        try TextInput.apply(.note, to: code, location: location, login: login, console: console, doneID: "cli.note.added") {
            try $0.addNote($1, text: $2)
        }
    }
}

/// `casevault plan CODE`: replaces the case action plan; text from the terminal or stdin.
struct PlanCommand: VaultCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Write the case action plan (typed or piped in)."
    )

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Argument(help: ArgumentHelp("Case code.", valueName: "code"))
    var code: CaseCodeArgument

    mutating func run(console: Console) throws {
        try TextInput.apply(.plan, to: code, location: location, login: login, console: console, doneID: "cli.plan.saved") {
            try $0.setPlan($1, text: $2)
        }
    }
}

/// `casevault followup CODE --due DATE`.
struct FollowUpCommand: VaultCommand {
    static let configuration = CommandConfiguration(commandName: "followup", abstract: "Schedule a follow-up on a case.")

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Argument(help: ArgumentHelp("Case code.", valueName: "code"))
    var code: CaseCodeArgument

    @Option(name: .long, help: ArgumentHelp("Due day, 2026-12-15 or 15.12.2026.", valueName: "day"))
    var due: DayArgument

    mutating func run(console: Console) throws {
        let caseCode = code.code
        let session = try login.session(location.open(), console: console)
        try code.lookUp { try session.addFollowUp($0, due: due.iso, note: nil) }
        console.output(console.messages("cli.followup.added", ["code": caseCode.rawValue, "day": console.messages.day(due.iso)]))
    }
}

/// `casevault refer CODE --service S --to ORG`.
struct ReferCommand: VaultCommand {
    static let configuration = CommandConfiguration(
        commandName: "refer",
        abstract: "Refer a case to another service; refused unless the survivor consented to sharing with it."
    )

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Argument(help: ArgumentHelp("Case code.", valueName: "code"))
    var code: CaseCodeArgument

    @Option(name: .long, help: "Service: psychosocial, legal, health, safety, police, social_welfare or livelihood.")
    var service: ReferralService

    @Option(name: .long, help: ArgumentHelp("The organisation referred to.", valueName: "org"))
    var to: String

    mutating func run(console: Console) throws {
        let caseCode = code.code
        let session = try login.session(location.open(), console: console)
        try code.lookUp { try session.refer($0, service: service, organisation: to) }
        console.output(console.messages("cli.refer.done", ["code": caseCode.rawValue, "organisation": to, "service": console.messages.label(service)]))
    }
}

/// `casevault close CODE --reason R`.
struct CloseCommand: VaultCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a case with a reason.")

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Argument(help: ArgumentHelp("Case code.", valueName: "code"))
    var code: CaseCodeArgument

    @Option(name: .long, help: "Reason: needs_met, survivor_request, no_contact, referred_on, relocated or other.")
    var reason: ClosureReason

    mutating func run(console: Console) throws {
        let caseCode = code.code
        let session = try login.session(location.open(), console: console)
        try code.lookUp { try session.close($0, reason: reason) }
        console.output(console.messages("cli.close.done", ["code": caseCode.rawValue, "reason": console.messages.label(reason)]))
    }
}

/// `casevault reopen CODE`.
struct ReopenCommand: VaultCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen a closed case.")

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Argument(help: ArgumentHelp("Case code.", valueName: "code"))
    var code: CaseCodeArgument

    mutating func run(console: Console) throws {
        let caseCode = code.code
        let session = try login.session(location.open(), console: console)
        try code.lookUp { try session.reopen($0) }
        console.output(console.messages("cli.reopen.done", ["code": caseCode.rawValue]))
    }
}

extension ReferralService: ExpressibleByArgument {}
extension ClosureReason: ExpressibleByArgument {}

/// Multi-line text typed on the terminal (ended by a line holding only a dot, or Ctrl-D on an
/// empty line; a paste is taken whole, see `TextEntry`) or piped on stdin. Never from argv,
/// never echoed to a log. Ctrl-C stores nothing and says so once; inside the shell the idle
/// lock drops the unfinished text (the screen is cleared) and the typing starts again.
enum TextInput {
    static let maximumLength = 100_000

    /// What is being typed: each has its own sentences, so every language can phrase them.
    enum Kind {
        case note, plan

        var promptID: String { self == .note ? "cli.input.note.prompt" : "cli.input.plan.prompt" }
        var tooLongID: String { self == .note ? "cli.error.note_too_long" : "cli.error.plan_too_long" }
        var emptyID: String { self == .note ? "cli.error.note_empty" : "cli.error.plan_empty" }
        var cancelledID: String { self == .note ? "cli.input.note.cancelled" : "cli.input.plan.cancelled" }
    }

    /// The shared flow of `note` and `plan`: log in, ask the policy (before anything is typed),
    /// read the text, store it with `store`, confirm with message `doneID`.
    static func apply(_ kind: Kind, to code: CaseCodeArgument, location: VaultLocation, login: LoginOptions, console: Console, doneID: String,
                      store: (AccessSession, CaseCode, String) throws -> Void) throws {
        let caseCode = code.code
        let session = try login.session(location.open(), console: console)
        try code.lookUp { try session.precheck(kind == .note ? .note($0) : .plan($0)) }
        try store(session, caseCode, try read(kind, console: console))
        console.output(console.messages(doneID, ["code": caseCode.rawValue]))
    }

    static func read(_ kind: Kind, console: Console) throws -> String {
        let source = LineSource.standard(console: console)
        while true {
            if source.isInteractive { console.progress(console.messages(kind.promptID) + "\n") }
            switch try source.read(.text, source.isInteractive ? "> " : "", console) {
            case .typed(let bytes):
                let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                guard text.count <= maximumLength else { throw CLIError(id: kind.tooLongID, count: maximumLength) }
                guard !text.isEmpty else { throw CLIError(id: kind.emptyID) }
                return text
            case .endOfInput:
                throw CLIError(id: kind.emptyID)
            case .interrupted:
                console.progress(console.messages(kind.cancelledID) + "\n")
                console.shell?.cancellationReported = true
                throw CommandInterrupted()
            case .relocked:
                continue
            }
        }
    }
}
