import Foundation
import VaultCrypto
#if canImport(Glibc)
import Glibc
#endif

/// Asks on the controlling terminal (`/dev/tty`), so prompts and secrets never touch stdout or
/// stdin pipes. Secrets are read with echo off; echo is restored even when Ctrl-C, SIGTERM or
/// SIGHUP ends the program.
enum TerminalPrompt {
    /// Reads one line without echo. Throws when there is no terminal.
    static func readSecret(prompt: String) throws -> SecretBytes {
        let descriptor = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard descriptor >= 0 else {
            throw CLIError(id: "cli.error.no_terminal", hintID: "cli.hint.use_passphrase_file")
        }
        defer { close(descriptor) }
        write(descriptor, prompt, prompt.utf8.count)
        var attributes = termios()
        let isTerminal = tcgetattr(descriptor, &attributes) == 0
        if isTerminal {
            TerminalRestoreOnSignal.arm(terminal: descriptor, mode: attributes)
            var silent = attributes
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(descriptor, TCSAFLUSH, &silent)
        }
        defer {
            if isTerminal {
                tcsetattr(descriptor, TCSAFLUSH, &attributes)
                TerminalRestoreOnSignal.disarm()
                write(descriptor, "\n", 1)
            }
        }
        var line: [UInt8] = []
        defer { SecretBytes.cleanse(&line) }
        var byte: UInt8 = 0
        while read(descriptor, &byte, 1) == 1, byte != 0x0A {
            if line.count < 4096 { line.append(byte) }
        }
        if InterruptibleCommand.wasInterrupted != 0 { throw CommandInterrupted() }
        if line.last == 0x0D { line.removeLast() }
        guard !line.isEmpty else { throw CLIError(id: "cli.error.no_passphrase") }
        return SecretBytes(line)
    }
}
