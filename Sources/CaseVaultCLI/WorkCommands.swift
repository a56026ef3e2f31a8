import Access
import ArgumentParser
import CaseStore
import Foundation

/// `casevault cases`: my open cases, newest activity first.
struct CasesCommand: VaultCommand {
    static let configuration = CommandConfiguration(commandName: "cases", abstract: "List your open cases, newest activity first.")

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    mutating func run(console: Console) throws {
        try CaseRendering.summaries(login.session(location.open(), console: console).myOpenCases(), format: format, console: console)
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
    var code: String

    mutating func run(console: Console) throws {
        let caseCode = try CaseCodeArgument.parse(code)
        let session = try login.session(location.open(), console: console)
        let text = try TextInput.read(what: "the note", console: console)
        try session.addNote(caseCode, text: text)
        console.output("Note added to \(caseCode.rawValue).")
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
    var code: String

    mutating func run(console: Console) throws {
        let caseCode = try CaseCodeArgument.parse(code)
        let session = try login.session(location.open(), console: console)
        let text = try TextInput.read(what: "the plan", console: console)
        try session.setPlan(caseCode, text: text)
        console.output("Plan saved for \(caseCode.rawValue).")
    }
}

/// `casevault followup CODE --due DATE`.
struct FollowUpCommand: VaultCommand {
    static let configuration = CommandConfiguration(commandName: "followup", abstract: "Schedule a follow-up on a case.")

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Argument(help: ArgumentHelp("Case code.", valueName: "code"))
    var code: String

    @Option(name: .long, help: ArgumentHelp("Due day, YYYY-MM-DD.", valueName: "day"))
    var due: String

    func validate() throws {
        guard ISODay.parse(due) != nil else { throw ValidationError("“\(due)” is not a day; use YYYY-MM-DD") }
    }

    mutating func run(console: Console) throws {
        let caseCode = try CaseCodeArgument.parse(code)
        try login.session(location.open(), console: console).addFollowUp(caseCode, due: due, note: nil)
        console.output("Follow-up on \(caseCode.rawValue) due \(due).")
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
    var code: String

    @Option(name: .long, help: "Service: psychosocial, legal, health, safety, police, social_welfare or livelihood.")
    var service: ReferralService

    @Option(name: .long, help: ArgumentHelp("The organisation referred to.", valueName: "org"))
    var to: String

    mutating func run(console: Console) throws {
        let caseCode = try CaseCodeArgument.parse(code)
        try login.session(location.open(), console: console).refer(caseCode, service: service, organisation: to)
        console.output("Case \(caseCode.rawValue) referred to \(to) (\(service.rawValue)).")
    }
}

/// `casevault close CODE --reason R`.
struct CloseCommand: VaultCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a case with a reason.")

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Argument(help: ArgumentHelp("Case code.", valueName: "code"))
    var code: String

    @Option(name: .long, help: "Reason: needs_met, survivor_request, no_contact, referred_on, relocated or other.")
    var reason: ClosureReason

    mutating func run(console: Console) throws {
        let caseCode = try CaseCodeArgument.parse(code)
        try login.session(location.open(), console: console).close(caseCode, reason: reason)
        console.output("Case \(caseCode.rawValue) closed.")
    }
}

/// `casevault reopen CODE`.
struct ReopenCommand: VaultCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen a closed case.")

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Argument(help: ArgumentHelp("Case code.", valueName: "code"))
    var code: String

    mutating func run(console: Console) throws {
        let caseCode = try CaseCodeArgument.parse(code)
        try login.session(location.open(), console: console).reopen(caseCode)
        console.output("Case \(caseCode.rawValue) reopened.")
    }
}

extension ReferralService: ExpressibleByArgument {}
extension ClosureReason: ExpressibleByArgument {}

/// Multi-line text typed on the terminal (ended by a line with a single dot or Ctrl-D) or piped
/// on stdin. Never from argv, never echoed to a log.
enum TextInput {
    static let maximumLength = 100_000

    static func read(what: String, console: Console) throws -> String {
        if isatty(STDIN_FILENO) == 1 {
            console.progress("Type \(what); end with a line holding a single dot (.) or Ctrl-D.\n")
        }
        var lines: [String] = []
        while let line = readLine(strippingNewline: true) {
            if line == "." && isatty(STDIN_FILENO) == 1 { break }
            lines.append(line)
            if lines.reduce(0, { $0 + $1.count }) > maximumLength { throw CLIError(message: "\(what) is too long") }
        }
        let text = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw CLIError(message: "\(what) is empty; nothing was saved") }
        return text
    }
}
