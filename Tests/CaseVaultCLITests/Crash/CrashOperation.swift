import Foundation

/// The writes the crash harness kills: each runs as the real `casevault` binary.
enum CrashOperation: String, CaseIterable {
    case intake, note, rekey, backup, export, erase, retention, copyToFile = "vault-copy-file", copyToPostgres = "vault-copy-postgresql"

    /// Who runs it.
    var user: String {
        switch self {
        case .intake, .note, .export, .erase: "vesna"
        case .rekey, .backup, .copyToFile, .copyToPostgres: "ana"
        case .retention: "sanja"
        }
    }
}

/// What happens to a command while it runs.
enum Disturbance {
    /// Nothing: it runs to its end.
    case none
    /// SIGKILL at a random moment within its measured duration.
    case kill
    /// The file system fails under it (`Fixtures/fault_injection.c`): these variables, with
    /// `LD_PRELOAD` naming the compiled library.
    case fault([String: String])
}

/// How one run ended.
enum CrashOutcome: Equatable {
    /// SIGKILL landed while the command ran.
    case killed
    /// The command finished (exit 0): its write is acknowledged.
    case acknowledged
    /// The command refused with a clear error (exit 1): nothing of it may be in the vault.
    case refused
}
