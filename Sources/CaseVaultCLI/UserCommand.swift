import ArgumentParser
import CaseStore

/// `casevault user ...`: user accounts and their key slots.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage users.",
        subcommands: [Add.self]
    )

    /// `casevault user add NAME --role ROLE`.
    struct Add: VaultCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user with their own key slot (administrators only).",
            discussion: "The new user's passphrase is asked twice on the terminal, or read from --new-passphrase-file."
        )

        @OptionGroup var location: VaultLocation
        @OptionGroup var login: LoginOptions

        @Argument(help: ArgumentHelp("User name of the new user.", valueName: "name"))
        var name: String

        @Option(name: .long, help: "Role: caseworker, supervisor, admin or auditor.")
        var role: Role

        @Option(name: .long, help: ArgumentHelp("Read the new user's passphrase from this file instead of the terminal.", valueName: "path"))
        var newPassphraseFile: String?

        mutating func run(console: Console) throws {
            let unlocked = try login.unlockAdministrator(location.open(), console: console, action: "add users")
            let passphrase = try PassphraseSource(file: newPassphraseFile).readNew(prompt: "New passphrase for \(name): ", console: console)
            try unlocked.addUser(name, role: role, passphrase: passphrase)
            console.output("Added \(role.rawValue) \(name).")
        }
    }
}

extension Role: ExpressibleByArgument {}
