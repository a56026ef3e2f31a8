import Access
import CaseStore
import Export
import Foundation
import VaultCrypto

/// Who can open an export, resolved: age recipients (typed keys, keys from a file, partners
/// stored in the vault and certified by an administrator) or one passphrase.
enum ExportRecipients {
    case keys([AgeRecipient])
    case passphrase(SecretBytes)

    /// What the audit entry records of them: the kind and how many, never a passphrase.
    var auditText: String {
        switch self {
        case .keys(let keys): "x25519:\(keys.count)"
        case .passphrase: "scrypt"
        }
    }

    static func resolve(_ options: ExportRecipientOptions, session: AccessSession, console: Console) throws -> ExportRecipients {
        if options.passphrase || options.exportPassphraseFile != nil {
            let passphrase = try PassphraseSource(file: options.exportPassphraseFile)
                .readNew(prompt: console.messages("cli.prompt.export_passphrase"), console: console)
            return .passphrase(passphrase)
        }
        var typed = options.recipient
        if let file = options.recipientsFile { typed += try lines(of: file) }
        var partners: PartnerDirectory?
        var keys: [AgeRecipient] = []
        for entry in typed {
            if let key = try? AgeRecipient(parsing: entry) {
                keys.append(key)
                continue
            }
            if partners == nil { partners = try session.partnerDirectory() }
            guard let raw = partners?.partners[entry] else {
                throw CLIError(id: "cli.export.error.unknown_recipient", arguments: ["recipient": TerminalSafeText.escaped(entry)])
            }
            keys.append(try AgeRecipient(publicKey: raw))
        }
        guard !keys.isEmpty else { throw CLIError(id: "cli.export.error.one_kind_of_recipient") }
        return .keys(keys)
    }

    /// The recipients of a recipients file: one per line, blank lines and `#` comments skipped.
    private static func lines(of path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw CLIError(id: "cli.error.cannot_read_file", arguments: ["path": TerminalSafeText.escaped(path)])
        }
        return lines(in: text)
    }

    /// The recipients written in a recipients file's text (also the fuzz target's entry).
    static func lines(in text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// `plaintext` as an age v1 file to these recipients.
    func encrypt(_ plaintext: [UInt8]) throws -> [UInt8] {
        switch self {
        case .keys(let keys): try AgeEncryptor.encrypt(plaintext, to: keys)
        case .passphrase(let passphrase): try AgeEncryptor.encrypt(plaintext, passphrase: passphrase)
        }
    }
}
