import Access
import ArgumentParser
import Export
import Foundation

/// `casevault verify-export FILE [--public-key PEM]`: checks `FILE.sig` against the file. With
/// `--public-key` (the key the receiver pinned) no vault is needed; without it, the vault's own
/// export-signing key is used after logging in.
struct VerifyExportCommand: VaultCommand {
    static let configuration = CommandConfiguration(commandName: "verify-export", abstract: "Check an export's signature (FILE.sig).")

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Argument(help: ArgumentHelp("The export file.", valueName: "path"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("The vault's public key as printed by casevault pubkey (PEM file).", valueName: "path"))
    var publicKey: String?

    mutating func run(console: Console) throws {
        let signaturePath = file + ExportSignature.fileSuffix
        guard let bytes = FileManager.default.contents(atPath: file).map(Array.init) else {
            throw CLIError(id: "cli.error.cannot_read_file", arguments: ["path": TerminalSafeText.escaped(file)])
        }
        guard let signature = FileManager.default.contents(atPath: signaturePath).map(Array.init) else {
            throw CLIError(id: "cli.error.cannot_read_file", arguments: ["path": TerminalSafeText.escaped(signaturePath)])
        }
        let key: [UInt8]
        if let publicKey {
            guard let text = FileManager.default.contents(atPath: publicKey).flatMap({ String(data: $0, encoding: .utf8) }),
                  let parsed = ExportSignature.publicKey(fromPEM: text) else {
                throw CLIError(id: "cli.export.error.not_a_public_key", arguments: ["path": TerminalSafeText.escaped(publicKey)])
            }
            key = parsed
        } else {
            key = try login.session(location.open(for: console), console: console).exportSigningPublicKey()
        }
        guard ExportSignature.isValid(signature, for: bytes, publicKey: key) else {
            throw CLIError(id: "cli.export.error.bad_signature", arguments: ["path": TerminalSafeText.escaped(file)])
        }
        console.output(console.messages("cli.export.signature_valid", ["path": TerminalSafeText.escaped(file),
                                                                        "fingerprint": try ExportSignature.fingerprint(key)]))
    }
}

/// `casevault pubkey [--age]`: prints the vault's export-signing public key as PEM (to pin it
/// at the receiver, or give to `verify-export --public-key`), or with `--age` this user's own
/// age recipient, to which others can encrypt files she reads.
struct PubkeyCommand: VaultCommand {
    static let configuration = CommandConfiguration(commandName: "pubkey", abstract: "Print the vault's export-signing public key (PEM), or your age recipient.")

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Flag(name: .long, help: ArgumentHelp("Print your own age recipient (age1...) instead."))
    var age = false

    mutating func run(console: Console) throws {
        let session = try login.session(location.open(for: console), console: console)
        if age {
            console.output(try AgeRecipient(publicKey: session.ageIdentity().publicKey).description)
        } else {
            let key = try session.exportSigningPublicKey()
            console.outputExactly(ExportSignature.publicKeyPEM(key))
            console.progress(console.messages("cli.export.fingerprint", ["fingerprint": try ExportSignature.fingerprint(key)]) + "\n")
        }
    }
}
