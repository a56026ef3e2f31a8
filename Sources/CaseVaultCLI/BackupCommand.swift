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
        let report = try session.backup(to: output)
        try BackupReportRendering.check(report, path: output)
        console.output("Backup written to \(output) and verified: \(report.casesVerified) cases, \(report.versionsVerified) versions.")
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
        let report = try session.verifyBackup(at: file)
        try BackupReportRendering.check(report, path: file)
        console.output("Backup \(file) is sound: \(report.casesVerified) cases, \(report.versionsVerified) versions verified.")
    }
}

/// Turns a failed backup report into an error.
enum BackupReportRendering {
    static func check(_ report: BackupReport, path: String) throws {
        guard report.integrityOK else { throw CLIError(message: "the backup \(path) failed the database integrity check") }
        guard report.sameVault else { throw CLIError(message: "the backup \(path) belongs to a different vault") }
    }
}
