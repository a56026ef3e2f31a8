/// How a `LineEditor` read ended.
public enum LineEditorResult: Equatable, Sendable {
    /// A line ended by Enter (or, from a pipe, by a newline or the end of input), without the
    /// line ending.
    case line(String)
    /// A passphrase from `readSecret`. The caller should move it into zeroing storage
    /// (`SecretBytes`) and cleanse this array.
    case secret([UInt8])
    /// Ctrl-C: the caller cancels the current line or command.
    case interrupted
    /// Ctrl-D on an empty line, or the input ended.
    case endOfInput
    /// No key arrived within the idle timeout: the caller locks the session.
    case timedOut
    /// Ctrl-L: the caller clears the screen and calls `readLine` again, which resumes the
    /// unfinished line.
    case clearScreen
}

/// Why the terminal could not be used. No input is ever part of it.
public enum LineEditorError: String, Error, Equatable, Sendable {
    /// The terminal refused raw mode.
    case terminalModeFailed = "terminal_mode_failed"
    /// Reading or waiting for input failed.
    case readFailed = "read_failed"
}
