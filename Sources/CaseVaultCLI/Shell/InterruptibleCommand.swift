#if canImport(Glibc)
import Glibc
#endif

/// Runs one command of the shell so that Ctrl-C (SIGINT) stops that command, not the shell: the
/// handler is installed without SA_RESTART, so a blocking read returns and the command ends as
/// at the end of its input (an intake then keeps its draft). Restored afterwards. A command that
/// still finished is reported as it finished.
enum InterruptibleCommand {
    /// The status reported when the command was interrupted.
    static let interrupted: Int32 = 130
    nonisolated(unsafe) static var wasInterrupted: sig_atomic_t = 0

    static func run(_ body: () -> Int32) -> Int32 {
        wasInterrupted = 0
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in InterruptibleCommand.wasInterrupted = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        var previous = sigaction()
        sigaction(SIGINT, &action, &previous)
        defer { sigaction(SIGINT, &previous, nil) }
        let status = body()
        // A command that finished did its work (a Ctrl-C after a note was stored cancels
        // nothing); one that failed after a Ctrl-C was interrupted.
        return status != 0 && wasInterrupted != 0 ? interrupted : status
    }
}

/// Thrown where a command notices that Ctrl-C interrupted it inside the shell (a passphrase
/// prompt); it ends the command with the interrupted status and no error message, and the shell
/// says "Cancelled.".
struct CommandInterrupted: Error {}
