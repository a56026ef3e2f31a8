#if canImport(Glibc)
import Glibc
#endif

/// Puts a terminal's saved mode back when a signal ends the program while raw or no-echo mode is
/// on (SIGTERM from `kill`, SIGHUP when the window closes, SIGINT or SIGQUIT where the keyboard
/// still raises them), so the user's terminal is never left without echo or line editing. The
/// handler restores the mode, then lets the signal end the program as it would have. Bracketed
/// paste, which the line editor turns on, is turned off on the same way out, so the user's own
/// shell does not receive pastes wrapped in ESC [200~. Only signals that would end the program
/// are taken: one it ignores (SIGHUP under `nohup`) or handles itself
/// (the shell's Ctrl-C, which cancels the running command) is left alone.
enum TerminalRestoreOnSignal {
    /// The signals that end the program while the terminal is in a special mode.
    static let endingSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT]

    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var descriptor: Int32 = -1
    nonisolated(unsafe) private static var output: Int32 = -1
    nonisolated(unsafe) private static var depth = 0
    nonisolated(unsafe) private static var previous: [Int32: sigaction] = [:]

    /// From now until the matching `disarm()`, the ending signals restore `mode` on `terminal`
    /// before they end the program. Nested calls keep the outermost mode and handlers.
    /// `output`, when given, is where bracketed paste is turned off.
    static func arm(terminal: Int32, mode: termios, output: Int32? = nil) {
        withEndingSignalsBlocked {
            depth += 1
            guard depth == 1 else { return }
            saved = mode
            descriptor = terminal
            Self.output = output ?? -1
            for signalNumber in endingSignals {
                var current = sigaction()
                sigaction(signalNumber, nil, &current)
                guard isDefault(current) else { continue }
                var action = sigaction()
                action.__sigaction_handler.sa_handler = { signalNumber in
                    if TerminalRestoreOnSignal.descriptor >= 0 {
                        tcsetattr(TerminalRestoreOnSignal.descriptor, TCSANOW, &TerminalRestoreOnSignal.saved)
                    }
                    if TerminalRestoreOnSignal.output >= 0 {
                        var off: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0x1B, 0x5B, 0x3F, 0x32, 0x30, 0x30, 0x34, 0x6C)
                        _ = withUnsafeBytes(of: &off) { write(TerminalRestoreOnSignal.output, $0.baseAddress, $0.count) }
                    }
                    signal(signalNumber, SIG_DFL)
                    raise(signalNumber)
                }
                sigemptyset(&action.sa_mask)
                action.sa_flags = 0
                sigaction(signalNumber, &action, nil)
                previous[signalNumber] = current
            }
        }
    }

    /// Ends the matching `arm()`; the outermost one puts back the handlers that were there before.
    static func disarm() {
        withEndingSignalsBlocked {
            guard depth > 0 else { return }
            depth -= 1
            guard depth == 0 else { return }
            descriptor = -1
            output = -1
            for (signalNumber, old) in previous {
                var action = old
                sigaction(signalNumber, &action, nil)
            }
            previous = [:]
        }
    }

    /// Whether `action` is SIG_DFL (a null handler; nothing else is).
    private static func isDefault(_ action: sigaction) -> Bool {
        action.__sigaction_handler.sa_handler == nil
    }

    /// Runs `body` with the ending signals held back, so a handler never sees its state half
    /// changed; a signal that arrives meanwhile is delivered right after.
    private static func withEndingSignalsBlocked(_ body: () -> Void) {
        var blocked = sigset_t()
        sigemptyset(&blocked)
        for signalNumber in endingSignals { sigaddset(&blocked, signalNumber) }
        var before = sigset_t()
        pthread_sigmask(SIG_BLOCK, &blocked, &before)
        body()
        pthread_sigmask(SIG_SETMASK, &before, nil)
    }
}
