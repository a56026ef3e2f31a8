#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A terminal in raw mode for as long as this object is active: no line buffering (ICANON),
/// no echo (ECHO), no signals from Ctrl-C or Ctrl-Z (ISIG, so Ctrl-C arrives as byte 0x03),
/// no Ctrl-V/Ctrl-O handling (IEXTEN), no Ctrl-S/Ctrl-Q flow control (IXON) and no CR/LF
/// translation of input. Output processing is left alone. The saved mode is restored by
/// `restore()`, should that be missed by `deinit`, and if a signal ends the program meanwhile
/// by its handler (`TerminalRestoreOnSignal`).
final class RawTerminalMode {
    private let descriptor: Int32
    private var saved: termios
    private var isActive = false

    /// Saves the mode of `descriptor` and switches it to raw mode; throws when it is not a
    /// terminal or refuses the change (the mode is then unchanged). `output` is where the
    /// editor draws: a signal handler turns bracketed paste off there.
    init(descriptor: Int32, output: Int32? = nil) throws(LineEditorError) {
        var attributes = termios()
        guard tcgetattr(descriptor, &attributes) == 0 else { throw .terminalModeFailed }
        self.descriptor = descriptor
        saved = attributes
        var raw = attributes
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL | INLCR | IGNCR | ISTRIP)
        withUnsafeMutableBytes(of: &raw.c_cc) { controlCharacters in
            controlCharacters[Int(VMIN)] = 1
            controlCharacters[Int(VTIME)] = 0
        }
        TerminalRestoreOnSignal.arm(terminal: descriptor, mode: attributes, output: output)
        guard tcsetattr(descriptor, TCSANOW, &raw) == 0 else {
            TerminalRestoreOnSignal.disarm()
            throw .terminalModeFailed
        }
        isActive = true
    }

    deinit { restore() }

    /// Puts back the mode saved at `init`; later calls do nothing. Pending input is kept, so
    /// keys typed ahead reach the next read.
    func restore() {
        guard isActive else { return }
        isActive = false
        tcsetattr(descriptor, TCSANOW, &saved)
        TerminalRestoreOnSignal.disarm()
    }
}
