import Access
import CaseStore
import Foundation
import VaultCrypto

/// Where a passphrase comes from: a file (first line, for scripts) or the controlling terminal
/// with echo off. Never argv, never the environment itself.
struct PassphraseSource {
    let file: String?

    /// Reads one passphrase.
    func read(prompt: String, console: Console) throws -> SecretBytes {
        if let file { return try Self.fromFile(file, console: console) }
        return try TerminalPrompt.readSecret(prompt: prompt)
    }

    /// Reads a new passphrase: from the file once, or from the terminal twice (must match).
    func readNew(prompt: String, console: Console) throws -> SecretBytes {
        let passphrase = try read(prompt: prompt, console: console)
        if file == nil {
            let again = try TerminalPrompt.readSecret(prompt: console.messages("cli.prompt.repeat_passphrase"))
            guard passphrase.isEqual(to: again) else { throw CLIError(id: "cli.error.passphrases_differ") }
        }
        try PassphraseRule.check(passphrase)
        return passphrase
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
