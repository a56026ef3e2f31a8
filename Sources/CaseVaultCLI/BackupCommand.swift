import Access
import ArgumentParser
import CaseStore

/// `casevault backup OUT`: a consistent, still-encrypted copy, verified after writing.
struct BackupCommand: VaultCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write an encrypted backup of the vault to a new file and verify it (administrators)."
    )

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Argument(help: ArgumentHelp("Path of the backup file to create; it must not exist.", valueName: "out"))
    var output: String

    mutating func run(console: Console) throws {
        let session = try login.session(location.open(), console: console)
        let progress = BackupProgressBars(console: console)
        let report = try session.backup(to: output, progress: progress.update)
        progress.finish()
        try BackupReportRendering.check(report, path: output)
        console.output(console.messages("cli.backup.written", BackupReportRendering.counts(report, console.messages, path: output)))
    }
}

/// `casevault verify-backup FILE`: checks an existing backup against this vault.
struct VerifyBackupCommand: VaultCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-backup",
        abstract: "Check that a backup file is sound and belongs to this vault (administrators)."
    )

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Argument(help: ArgumentHelp("Backup file to check.", valueName: "file"))
    var file: String

    mutating func run(console: Console) throws {
        let session = try login.session(location.open(), console: console)
        let progress = BackupProgressBars(console: console)
        let report = try session.verifyBackup(at: file, progress: progress.update)
        progress.finish()
        try BackupReportRendering.check(report, path: file)
        console.output(console.messages("cli.backup.sound", BackupReportRendering.counts(report, console.messages, path: file)))
    }
}

/// Turns a failed backup report into an error, a sound one into counts.
enum BackupReportRendering {
    static func check(_ report: BackupReport, path: String) throws {
        guard report.integrityOK else { throw CLIError(id: "cli.error.backup_integrity", arguments: ["path": path]) }
        guard report.sameVault else { throw CLIError(id: "cli.error.backup_other_vault", arguments: ["path": path]) }
    }

    /// `{path}`, `{cases}` and `{versions}` for the backup messages.
    static func counts(_ report: BackupReport, _ messages: Messages, path: String) -> [String: String] {
        ["path": path,
         "cases": messages.plural("cli.count.cases", count: report.casesVerified),
         "versions": messages.plural("cli.count.versions", count: report.versionsVerified)]
    }
}

/// One progress bar for copying the vault, then one for checking the copy.
final class BackupProgressBars {
    private let copying: ProgressReporter
    private let checking: ProgressReporter

    init(console: Console) {
        copying = ProgressReporter(console: console, label: console.messages("cli.progress.copying_vault"), showsCounts: false)
        checking = ProgressReporter(console: console, label: console.messages("cli.progress.checking_backup"))
    }

    func update(_ progress: BackupProgress) {
        switch progress {
        case .copying(let done, let total):
            copying.update(done, of: total)
        case .checking(let done, let total):
            copying.finish()
            checking.update(done, of: total)
        }
    }

    func finish() {
        copying.finish()
        checking.finish()
    }
}
