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
        let address = try location.address
        if case .file(let path) = address, FileManager.default.fileExists(atPath: path) { throw CaseStoreError.fileExists(path) }
        let passphrase = try PassphraseSource(file: passphraseFile).readNew(prompt: console.messages("cli.prompt.new_passphrase_for", ["user": admin]), console: console)
        _ = try address.create(admin: admin, passphrase: passphrase)
        console.output(console.messages("cli.init.created", ["path": address.display, "admin": admin]))
    }
}
