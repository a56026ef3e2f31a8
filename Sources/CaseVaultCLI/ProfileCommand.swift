import Access
import ArgumentParser
import CaseStore

/// `casevault profile`: the account's own display settings. Serbian and Romani name a role in
/// the feminine or the masculine (саветница / саветник); each account chooses its own.
struct ProfileCommand: VaultCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Show or set how your role is named (--grammatical-gender feminine|masculine)."
    )

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Option(name: .long, help: ArgumentHelp("Name your role in this grammatical gender.", valueName: "gender"))
    var grammaticalGender: GrammaticalGender?

    mutating func run(console: Console) throws {
        let session = try login.session(location.open(for: console), console: console)
        let messages = console.messages
        if let grammaticalGender { try session.setGrammaticalGender(grammaticalGender) }
        let gender = try session.grammaticalGenders()[session.actor.name] ?? .default
        console.output(messages("cli.profile.role", ["role": messages.label(session.actor.role, gender)]))
    }
}

extension GrammaticalGender: ExpressibleByArgument {}
