import Access
import Foundation

/// The running `casevault shell`, handed explicitly to every command it runs (inside the
/// `Console` each command gets): the logged-in session, so commands do not log in again; the
/// line editor, so texts and intake answers are typed with it; and the idle lock, so every
/// prompt of the shell locks, not only the shell's own. `@unchecked Sendable` because it only
/// travels with the `Console`: the shell and its commands run on one thread.
final class ShellSession: @unchecked Sendable {
    let session: AccessSession
    let vaultPath: String
    let user: String
    /// The passphrase file the shell was started with, if any (commands that need the
    /// passphrase again read it there, else ask on the terminal).
    let passphraseFile: String?
    let editor: LineEditor
    /// Seconds without a key before the session locks; nil never.
    let idleTimeout: TimeInterval?
    private let lockAction: (Console) throws -> Void

    init(session: AccessSession, vaultPath: String, user: String, passphraseFile: String?, editor: LineEditor,
         idleTimeout: TimeInterval?, lock: @escaping (Console) throws -> Void) {
        self.session = session
        self.vaultPath = vaultPath
        self.user = user
        self.passphraseFile = passphraseFile
        self.editor = editor
        self.idleTimeout = idleTimeout
        lockAction = lock
    }

    /// The status the shell ends with once its lock prompt was abandoned; nil while it runs.
    private(set) var endStatus: Int32?

    /// Whether the running command has already said that it was cancelled, so the shell does
    /// not say it again.
    var cancellationReported = false

    /// Clears the screen and asks for the passphrase until it is right. Throws
    /// `ShellLockAbandoned` when the user leaves the lock prompt instead (Ctrl-C, Ctrl-D): the
    /// running command and then the shell end.
    func lock(console: Console) throws {
        do {
            try lockAction(console)
        } catch let error as ShellLockAbandoned {
            endStatus = error.status
            throw error
        }
    }
}

/// The lock prompt was left without the passphrase: the command that was running ends, and
/// the shell with it, with `status` (`ShellExitStatus`).
struct ShellLockAbandoned: Error {
    let status: Int32
}
