import Access
import ArgumentParser
import CaseStore

/// `casevault export pending`: the export requests waiting for a supervisor, with who asked,
/// for which case, profile and service, and why.
struct ExportPendingCommand: VaultCommand {
    static let configuration = CommandConfiguration(commandName: "pending", abstract: "List export requests waiting for approval.")

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    mutating func run(console: Console) throws {
        let session = try login.session(location.open(for: console), console: console)
        let pending = try session.exportRequests().filter { $0.status == .pending }
        guard !pending.isEmpty else { return console.output(console.messages("cli.export.pending.none")) }
        for request in pending {
            console.output(ExportRequestText.line(request, console.messages))
        }
    }
}

/// `casevault export approve ID`: a supervisor approves a request (signed with her key).
struct ExportApproveCommand: VaultCommand {
    static let configuration = CommandConfiguration(commandName: "approve", abstract: "Approve an export request.")

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Argument(help: ArgumentHelp("Request id (E-XXXX-XXXX).", valueName: "id"))
    var id: String

    mutating func run(console: Console) throws {
        let request = try login.session(location.open(for: console), console: console).decideExportRequest(id, approve: true, reason: nil)
        console.output(console.messages("cli.export.approved", ["id": request.id, "user": TerminalSafeText.escaped(request.requester)]))
    }
}

/// `casevault export deny ID --reason R`: a supervisor denies a request, saying why.
struct ExportDenyCommand: VaultCommand {
    static let configuration = CommandConfiguration(commandName: "deny", abstract: "Deny an export request, with a reason.")

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Argument(help: ArgumentHelp("Request id (E-XXXX-XXXX).", valueName: "id"))
    var id: String

    @Option(name: .long, help: ArgumentHelp("Why it is denied (the requester reads it).", valueName: "reason"))
    var reason: String

    mutating func run(console: Console) throws {
        let request = try login.session(location.open(for: console), console: console).decideExportRequest(id, approve: false, reason: reason)
        console.output(console.messages("cli.export.denied", ["id": request.id]))
    }
}

/// `casevault export rules [--require-approval P,P | --no-approval]`: shows or (administrators)
/// sets which export profiles need a supervisor's approval.
struct ExportRulesCommand: VaultCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "Show or set which exports need a supervisor's approval.")

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Profiles that need approval from now on.", valueName: "profile"))
    var requireApproval: [ExportProfile] = []

    @Flag(name: .long, help: ArgumentHelp("No export needs approval."))
    var noApproval = false

    func validate() throws {
        if noApproval && !requireApproval.isEmpty { throw ValidationError(ActiveMessages.current("cli.export.error.rules_conflict")) }
    }

    mutating func run(console: Console) throws {
        let session = try login.session(location.open(for: console), console: console)
        if noApproval || !requireApproval.isEmpty {
            try session.setExportRules(ExportRules(approvalRequired: Set(requireApproval)))
        }
        let required = ExportProfile.allCases.filter(try session.exportRules().approvalRequired.contains)
        console.output(required.isEmpty ? console.messages("cli.export.rules.none")
                                        : console.messages("cli.export.rules", ["profiles": required.map(\.rawValue).joined(separator: ", ")]))
    }
}

/// One request as a line of `export pending`.
enum ExportRequestText {
    static func line(_ request: ExportRequest, _ messages: Messages) -> String {
        let what = request.service.map { "\(request.profile.rawValue) (\(messages.label($0)))" } ?? request.profile.rawValue
        return messages("cli.export.pending.line", [
            "id": request.id, "code": request.caseCode ?? "-", "profile": what, "user": TerminalSafeText.escaped(request.requester),
            "day": messages.day(request.day), "reason": TerminalSafeText.escaped(request.reason ?? "-"),
        ])
    }
}
