import Access
import ArgumentParser
import CaseStore
import Export

/// `casevault partner [list | add NAME KEY | remove NAME]`: the partner organisations' age keys
/// an export can be encrypted to by name; administrators change them (each change signed and
/// audited), anyone logged in lists them.
struct PartnerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partner",
        abstract: "Partner organisations' age keys for exports.",
        subcommands: [List.self, Add.self, Remove.self]
    )

    struct List: VaultCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List partner organisations and their keys.")

        @OptionGroup var location: VaultLocation
        @OptionGroup var login: LoginOptions

        mutating func run(console: Console) throws {
            let partners = try login.session(location.open(for: console), console: console).partnerDirectory().partners
            guard !partners.isEmpty else { return console.output(console.messages("cli.partner.none")) }
            for (name, key) in partners.sorted(by: { $0.key < $1.key }) {
                console.output("\(name)\t\(try AgeRecipient(publicKey: key))")
            }
        }
    }

    struct Add: VaultCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add or replace a partner organisation's age key.")

        @OptionGroup var location: VaultLocation
        @OptionGroup var login: LoginOptions

        @Argument(help: ArgumentHelp("Partner name (letters, digits, . _ -).", valueName: "name"))
        var name: String

        @Argument(help: ArgumentHelp("Its age public key (age1...).", valueName: "recipient"))
        var recipient: String

        func validate() throws {
            guard (try? AgeRecipient(parsing: recipient)) != nil else {
                throw ValidationError(ActiveMessages.current("cli.export.error.not_a_recipient"))
            }
        }

        mutating func run(console: Console) throws {
            guard let key = try? AgeRecipient(parsing: recipient) else { throw CLIError(id: "cli.export.error.not_a_recipient") }
            try login.session(location.open(for: console), console: console).setPartner(name, key: key.publicKey)
            console.output(console.messages("cli.partner.added", ["name": TerminalSafeText.escaped(name)]))
        }
    }

    struct Remove: VaultCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a partner organisation's key.")

        @OptionGroup var location: VaultLocation
        @OptionGroup var login: LoginOptions

        @Argument(help: ArgumentHelp("Partner name.", valueName: "name"))
        var name: String

        mutating func run(console: Console) throws {
            try login.session(location.open(for: console), console: console).setPartner(name, key: nil)
            console.output(console.messages("cli.partner.removed", ["name": TerminalSafeText.escaped(name)]))
        }
    }
}
