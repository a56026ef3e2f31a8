import Access
import ArgumentParser
import CaseStore

/// `casevault user ...`: user accounts and their key slots (administrators).
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage users (administrators).",
        subcommands: [Add.self, List.self, Disable.self, Enable.self, SetRole.self]
    )

    /// `casevault user add NAME --role ROLE`.
    struct Add: VaultCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user with their own key slot.",
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
            let session = try login.session(location.open(), console: console)
            let passphrase = try PassphraseSource(file: newPassphraseFile).readNew(prompt: "New passphrase for \(name): ", console: console)
            try session.addUser(name, role: role, passphrase: passphrase)
            console.output("Added \(role.rawValue) \(name).")
        }
    }

    /// `casevault user list`.
    struct List: VaultCommand {
        static let configuration = CommandConfiguration(abstract: "List users, their roles and whether they are disabled.")

        @OptionGroup var location: VaultLocation
        @OptionGroup var login: LoginOptions

        @Option(name: .long, help: "Output format: text or json.")
        var format: OutputFormat = .text

        mutating func run(console: Console) throws {
            let users = try login.session(location.open(), console: console).users()
            switch format {
            case .json:
                console.output(try JSONRendering.string(users))
            case .text:
                console.output("USER                 ROLE        STATE     PENDING     FAILED LOGINS")
                for user in users {
                    let state = user.disabled ? "disabled" : "active"
                    console.output(user.name.padding(toLength: 20, withPad: " ", startingAt: 0) + " "
                        + user.role.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0) + " "
                        + state.padding(toLength: 9, withPad: " ", startingAt: 0) + " "
                        + (user.pendingGrant?.rawValue ?? "-").padding(toLength: 11, withPad: " ", startingAt: 0) + " "
                        + String(user.failedLogins))
                }
            }
        }
    }

    /// `casevault user disable NAME`.
    struct Disable: VaultCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable a user: they can no longer log in and get no keys at the next rekey.",
            discussion: "Run `casevault rekey` afterwards so that copies of their old key slot open nothing new."
        )

        @OptionGroup var location: VaultLocation
        @OptionGroup var login: LoginOptions

        @Argument(help: ArgumentHelp("User to disable.", valueName: "name"))
        var name: String

        mutating func run(console: Console) throws {
            try login.session(location.open(), console: console).setDisabled(name, true)
            console.output("Disabled \(name).")
            console.hint("run casevault rekey so that old copies of \(name)'s key slot open nothing new")
        }
    }

    /// `casevault user enable NAME`.
    struct Enable: VaultCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled user again.")

        @OptionGroup var location: VaultLocation
        @OptionGroup var login: LoginOptions

        @Argument(help: ArgumentHelp("User to enable.", valueName: "name"))
        var name: String

        mutating func run(console: Console) throws {
            try login.session(location.open(), console: console).setDisabled(name, false)
            console.output("Enabled \(name).")
        }
    }

    /// `casevault user role NAME --role ROLE`.
    struct SetRole: VaultCommand {
        static let configuration = CommandConfiguration(
            commandName: "role",
            abstract: "Change a user's role; it takes effect at their next login.",
            discussion: "Keys the old role held are cut off only by `casevault rekey`."
        )

        @OptionGroup var location: VaultLocation
        @OptionGroup var login: LoginOptions

        @Argument(help: ArgumentHelp("User whose role changes.", valueName: "name"))
        var name: String

        @Option(name: .long, help: "New role: caseworker, supervisor, admin or auditor.")
        var role: Role

        mutating func run(console: Console) throws {
            try login.session(location.open(), console: console).changeRole(name, to: role)
            console.output("\(name) becomes \(role.rawValue) at their next login.")
        }
    }
}

extension Role: ExpressibleByArgument {}

/// `casevault passwd`: a new passphrase for the logged-in user.
struct PasswdCommand: VaultCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd",
        abstract: "Change your own passphrase (re-seals only your key slot)."
    )

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Option(name: .long, help: ArgumentHelp("Read the new passphrase from this file instead of the terminal.", valueName: "path"))
    var newPassphraseFile: String?

    mutating func run(console: Console) throws {
        let session = try login.session(location.open(), console: console)
        let passphrase = try PassphraseSource(file: newPassphraseFile).readNew(prompt: "New passphrase: ", console: console)
        try session.changePassphrase(to: passphrase)
        console.output("Passphrase changed.")
    }
}

/// `casevault rekey`: rotates the root key (administrators).
struct RekeyCommand: VaultCommand {
    static let configuration = CommandConfiguration(
        commandName: "rekey",
        abstract: "Rotate the root key, re-wrap every case key and hand the new keys to enabled users.",
        discussion: """
            One transaction: if interrupted it rolls back and the vault stays as it was. Disabled users \
            receive no new keys, so their old key slots open nothing written afterwards.
            """
    )

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    mutating func run(console: Console) throws {
        let (session, passphrase) = try login.login(location.open(), console: console)
        let progress = ProgressReporter(total: 0, console: console, label: "Re-wrapping case keys")
        let report = try session.rekey(passphrase: passphrase) { done, total in progress.update(done, of: total) }
        progress.finish()
        console.output("Key version \(report.keyVersion): \(report.casesRewrapped) cases re-wrapped, \(report.usersGranted) users get new keys at their next login, \(report.usersLeftOut) disabled users left out.")
    }
}
