import ArgumentParser
import CaseStore
import Foundation

/// `casevault init --admin NAME`: creates the vault file and its first admin.
struct InitCommand: VaultCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new vault with a first administrator.",
        discussion: "The passphrase is asked twice on the terminal, or read once from --passphrase-file."
    )

    @OptionGroup var location: VaultLocation

    @Option(name: .long, help: ArgumentHelp("User name of the first administrator.", valueName: "name"))
    var admin: String

    @Option(name: .long, help: ArgumentHelp("Read the administrator's passphrase from this file instead of the terminal.", valueName: "path"))
    var passphraseFile: String?

    mutating func run(console: Console) throws {
        let path = location.path
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        guard !FileManager.default.fileExists(atPath: path) else { throw CaseStoreError.fileExists(path) }
        let passphrase = try PassphraseSource(file: passphraseFile).readNew(prompt: console.messages("cli.prompt.new_passphrase_for", ["user": admin]), console: console)
        _ = try Vault.create(path: path, admin: admin, passphrase: passphrase)
        console.output(console.messages("cli.init.created", ["path": path, "admin": admin]))
    }
}
