import Access
import ArgumentParser
import CaseStore
import Foundation

extension PurgeableField: ExpressibleByArgument {}

/// `--reason R [--confirm CODE]` of the commands that destroy survivor data for good: why
/// (sealed in the audit trail; never empty) and, for scripts, the case code typed again.
struct ConfirmedReasonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Why (sealed in the audit trail).", valueName: "reason"))
    var reason: String

    @Option(name: .long, help: ArgumentHelp("The case code again, to confirm without a prompt.", valueName: "code"))
    var confirm: String?

    func validate() throws {
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError(ActiveMessages.current("cli.rights.error.reason_needed"))
        }
    }
}

/// `casevault case erase CODE --reason R [--confirm CODE]`: crypto-shreds a case (its key, every
/// version, its name index and statistics facts go; the audit trail keeps the code, the erasure
/// and the sealed reason). The supervisor or the assigned caseworker, after typing the code again.
struct CaseEraseCommand: VaultCommand {
    static let configuration = CommandConfiguration(commandName: "erase", abstract: "Erase a case for good (the survivor's right to erasure).")

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Argument(help: ArgumentHelp("Case code.", valueName: "code"))
    var code: CaseCodeArgument

    @OptionGroup var confirmed: ConfirmedReasonOptions

    mutating func run(console: Console) throws {
        let caseCode = code.code
        let session = try login.session(location.open(for: console), console: console)
        try Confirmation.requireCode(caseCode, given: confirmed.confirm, promptID: "cli.rights.confirm_erase", console: console)
        try code.lookUp { try session.eraseCase($0, reason: confirmed.reason) }
        console.output(console.messages("cli.rights.erased", ["code": caseCode.rawValue]))
    }
}

/// `casevault case purge CODE --field F --reason R [--confirm CODE]`: removes one field (the
/// narrative, the phone, the birth date, notes, the plan) from every version of a case and keeps
/// the rest.
struct CasePurgeCommand: VaultCommand {
    static let configuration = CommandConfiguration(commandName: "purge", abstract: "Remove one field from every version of a case, keeping the rest.")

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Argument(help: ArgumentHelp("Case code.", valueName: "code"))
    var code: CaseCodeArgument

    @Option(name: .long, help: ArgumentHelp("What to remove: narrative, phone, birth_date, notes or plan.", valueName: "field"))
    var field: PurgeableField

    @OptionGroup var confirmed: ConfirmedReasonOptions

    mutating func run(console: Console) throws {
        let caseCode = code.code
        let session = try login.session(location.open(for: console), console: console)
        try Confirmation.requireCode(caseCode, given: confirmed.confirm, promptID: "cli.rights.confirm_purge", console: console)
        let version = try code.lookUp { try session.purgeField($0, field: field, reason: confirmed.reason) }
        console.output(console.messages("cli.rights.purged", ["code": caseCode.rawValue, "field": field.rawValue, "version": String(version)]))
    }
}

/// `casevault case correct CODE --from FILE`: rectification. FILE holds only what changes, in
/// the shape of a case document (docs/case-document.md), e.g. `{"survivor": {"name": "…"}}`;
/// it is merged over the current version (JSON merge patch, RFC 7396: `null` removes a field),
/// the result checked like an import, and stored as a new version marked as a correction. The
/// earlier version stays sealed in the history. FILE may be `-` (stdin) or age-encrypted to you.
struct CaseCorrectCommand: VaultCommand {
    static let configuration = CommandConfiguration(commandName: "correct", abstract: "Correct a case (rectification); the earlier version stays in its history.")

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Argument(help: ArgumentHelp("Case code.", valueName: "code"))
    var code: CaseCodeArgument

    @Option(name: .long, help: ArgumentHelp("JSON with the corrected fields only; - reads stdin.", valueName: "file"))
    var from: String

    mutating func run(console: Console) throws {
        let caseCode = code.code
        let session = try login.session(location.open(for: console), console: console)
        let patch = try IncomingAgeFile.plaintext(of: CaseCommand.Create.read(from), session: session)
        let current = try code.lookUp { try session.readCase($0) }
        let corrected = try JSONMergePatch.apply(patch, to: current.document)
        let version = try session.correctCase(caseCode, document: corrected)
        console.output(console.messages(version == current.version ? "cli.rights.nothing_corrected" : "cli.rights.corrected",
                                        ["code": caseCode.rawValue, "version": String(version)]))
    }
}
