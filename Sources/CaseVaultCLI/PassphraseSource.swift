import Access
import CaseStore
import Foundation
import VaultCrypto

/// Where a passphrase comes from: a file (first line, for scripts) or the controlling terminal
/// with echo off; inside the shell its line editor, so the idle lock covers these prompts too.
/// Never argv, never the environment itself.
struct PassphraseSource {
    let file: String?

    /// Reads one passphrase.
    func read(prompt: String, console: Console) throws -> SecretBytes {
        if let file { return try Self.fromFile(file, console: console) }
        return try Self.typed(prompt: prompt, console: console)
    }

    /// Reads a new passphrase: from the file once, or from the terminal twice (must match).
    func readNew(prompt: String, console: Console) throws -> SecretBytes {
        let passphrase = try read(prompt: prompt, console: console)
        if file == nil {
            let again = try Self.typed(prompt: console.messages("cli.prompt.repeat_passphrase"), console: console)
            guard passphrase.isEqual(to: again) else { throw CLIError(id: "cli.error.passphrases_differ") }
        }
        try PassphraseRule.check(passphrase)
        return passphrase
    }

    /// Typed without echo: in the shell through its editor (Ctrl-C cancels the command; the
    /// idle lock locks and then asks again), else on the controlling terminal.
    private static func typed(prompt: String, console: Console) throws -> SecretBytes {
        guard let shell = console.shell, shell.editor.isInteractive else { return try TerminalPrompt.readSecret(prompt: prompt) }
        while true {
            let result: LineEditorResult
            do {
                result = try shell.editor.readSecret(prompt: prompt, idleTimeout: shell.idleTimeout)
            } catch {
                throw CLIError(message: console.messages("cli.shell.terminal_failed"))
            }
            switch result {
            case .secret(var bytes):
                defer { SecretBytes.cleanse(&bytes) }
                guard !bytes.isEmpty else { throw CLIError(id: "cli.error.no_passphrase") }
                return SecretBytes(bytes)
            case .interrupted:
                throw CommandInterrupted()
            case .endOfInput:
                throw CLIError(id: "cli.error.no_passphrase")
            case .timedOut:
                console.progress("\n" + console.messages("cli.shell.idle_locked") + "\n")
                try shell.lock(console: console)
            case .line, .clearScreen:
                continue
            }
        }
    }

    static func fromFile(_ path: String, console: Console) throws -> SecretBytes {
        guard var bytes = FileManager.default.contents(atPath: path).map({ Array($0) }) else {
            throw CLIError(id: "cli.error.cannot_read_passphrase_file", arguments: ["path": path])
        }
        defer { SecretBytes.cleanse(&bytes) }
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 {
            console.hint(console.messages("cli.hint.passphrase_file_readable", ["path": path]))
        }
        if let end = bytes.firstIndex(of: 0x0A) {
            bytes.removeSubrange(end...)
        }
        if bytes.last == 0x0D { bytes.removeLast() }
        guard !bytes.isEmpty else { throw CLIError(id: "cli.error.passphrase_file_empty", arguments: ["path": path]) }
        return SecretBytes(bytes)
    }
}
