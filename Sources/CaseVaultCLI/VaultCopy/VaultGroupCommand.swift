import ArgumentParser

/// `casevault vault …`: operations on the vault as a whole.
struct VaultGroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vault",
        abstract: "Operations on the whole vault.",
        subcommands: [VaultCopyCommand.self]
    )
}
