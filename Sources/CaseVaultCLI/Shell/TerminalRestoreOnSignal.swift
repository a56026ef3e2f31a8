#if canImport(Glibc)
import Glibc
#endif

/// Puts a terminal's saved mode back when a signal ends the program while raw or no-echo mode is
/// on (SIGTERM from `kill`, SIGHUP when the window closes, SIGINT where Ctrl-C still raises it),
/// so the user's terminal is never left without echo or line editing. The handler restores the
/// mode, then lets the signal end the program as it would have.
enum TerminalRestoreOnSignal {
    /// The signals that end the program while the terminal is in a special mode.
    static let endingSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT]

    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var descriptor: Int32 = -1
    nonisolated(unsafe) private static var previous: [Int32: sigaction] = [:]

    /// From now until `disarm()`, the ending signals restore `mode` on `terminal` before they
    /// end the program.
    static func arm(terminal: Int32, mode: termios) {
        saved = mode
        descriptor = terminal
        for signalNumber in endingSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signalNumber in
                if TerminalRestoreOnSignal.descriptor >= 0 {
                    tcsetattr(TerminalRestoreOnSignal.descriptor, TCSANOW, &TerminalRestoreOnSignal.saved)
                }
                signal(signalNumber, SIG_DFL)
                raise(signalNumber)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            var old = sigaction()
            sigaction(signalNumber, &action, &old)
            previous[signalNumber] = old
        }
    }

    /// Puts back the handlers that were there before `arm`.
    static func disarm() {
        descriptor = -1
        for (signalNumber, old) in previous {
            var action = old
            sigaction(signalNumber, &action, nil)
        }
        previous = [:]
    }
}
