import Access
import ArgumentParser
import CaseStore

/// `casevault vault copy --to URL|FILE`: moves a vault between a file and a database server,
/// ciphertext as it is, and proves the copy before saying it is done.
struct VaultCopyCommand: VaultCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy the whole vault to a database server or a new file and verify the copy (administrators).",
        discussion: "The destination must be empty: a new file, or a PostgreSQL database without a vault. Its password comes from CASEVAULT_DB_PASSWORD or CASEVAULT_DB_PASSWORD_FILE."
    )

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Option(name: .long, help: ArgumentHelp("Where to copy the vault: a postgresql:// location or a new file.", valueName: "destination"))
    var to: String

    mutating func run(console: Console) throws {
        let destination = try VaultAddress(to)
        let session = try login.session(location.open(), console: console)
        let store = try destination.emptyStore()
        let progress = VaultCopyProgressBars(console: console)
        let report: VaultCopyReport
        do {
            report = try session.copyVault(to: store.storage, destinationKind: destination.kind, progress: progress.update)
            try store.publish()
        } catch {
            progress.finish()
            store.discard()
            throw error
        }
        progress.finish()
        console.output(console.messages("cli.vault_copy.done", [
            "destination": destination.display,
            "cases": console.messages.plural("cli.count.cases", count: report.cases),
            "entries": console.messages.plural("cli.count.audit_entries", count: report.auditEntries),
            "verified": console.messages.plural("cli.count.cases", count: report.casesVerified),
        ]))
    }
}

/// The three stages of a copy, each with its bar: copying rows, comparing them, opening cases.
final class VaultCopyProgressBars {
    private let copying: ProgressReporter
    private let comparing: ProgressReporter
    private let checking: ProgressReporter

    init(console: Console) {
        copying = ProgressReporter(console: console, label: console.messages("cli.progress.copying_vault"))
        comparing = ProgressReporter(console: console, label: console.messages("cli.progress.comparing_copy"))
        checking = ProgressReporter(console: console, label: console.messages("cli.progress.checking_copy"))
    }

    func update(_ progress: VaultCopyProgress) {
        switch progress {
        case .copying(let done, let total):
            copying.update(done, of: total)
        case .comparing(let done, let total):
            copying.finish()
            comparing.update(done, of: total)
        case .checking(let done, let total):
            comparing.finish()
            checking.update(done, of: total)
        }
    }

    func finish() {
        copying.finish()
        comparing.finish()
        checking.finish()
    }
}
