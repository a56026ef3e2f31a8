#if canImport(Glibc)
import Glibc
#endif

/// The width of the terminal the line editor draws on, read afresh at each redraw so a window
/// resized meanwhile is drawn right at the next key.
enum TerminalWidth {
    /// Columns of the terminal on `descriptor`; nil when it is not a terminal or does not say.
    static func of(_ descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
