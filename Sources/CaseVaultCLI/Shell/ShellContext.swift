import Access

/// The session of a running `casevault shell`: commands parsed inside the shell use it instead
/// of logging in again. Set and cleared by `ShellCommand` only; one shell per process.
enum ShellContext {
    struct Current {
        let session: AccessSession
        let vaultPath: String
        let user: String
        /// The passphrase file the shell was started with, if any (commands that need the
        /// passphrase again read it there, else ask on the terminal).
        let passphraseFile: String?
    }

    nonisolated(unsafe) static var current: Current?
}
