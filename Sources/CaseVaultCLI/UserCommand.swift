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
            try session.precheck(.manageUsers)
            let passphrase = try PassphraseSource(file: newPassphraseFile).readNew(prompt: console.messages("cli.prompt.new_passphrase_for", ["user": name]), console: console)
            try session.addUser(name, role: role, passphrase: passphrase)
            console.output(console.messages("cli.user.added", ["role": console.messages.label(role), "name": name]))
        }
    }

    /// `casevault user list`.
    struct List: VaultCommand {
        static let configuration = CommandConfiguration(abstract: "List users, their roles and whether they are disabled.")

        @OptionGroup var location: VaultLocation
        @OptionGroup var login: LoginOptions

        @OptionGroup var output: OutputOptions

        mutating func run(console: Console) throws {
            let session = try login.session(location.open(), console: console)
            let users = try session.users()
            let genders = try session.grammaticalGenders()
            switch output.format {
            case .json:
                console.output(try JSONRendering.string(users))
            case .text:
                let messages = console.messages
                let header = [messages("cli.user.column.user"), messages("cli.user.column.role"), messages("cli.user.column.state"),
                              messages("cli.user.column.pending"), messages("cli.user.column.failed_logins")]
                let rows = users.map { user in
                    [TerminalSafeText.escaped(user.name), messages.label(user.role, genders[user.name] ?? .default),
                     user.disabled ? messages("cli.user.state.disabled") : messages("cli.user.state.active"),
                     user.pendingGrant.map(messages.label) ?? "-", messages.number(user.failedLogins)]
                }
                for line in TextLayout.table(header: header, rows: rows) { console.output(line) }
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
            console.output(console.messages("cli.user.disabled", ["name": name]))
            console.hint(console.messages("cli.hint.rekey_after_disable", ["name": name]))
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
            console.output(console.messages("cli.user.enabled", ["name": name]))
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
            console.output(console.messages("cli.user.role_changed", ["name": name, "role": console.messages.label(role)]))
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
        let passphrase = try PassphraseSource(file: newPassphraseFile).readNew(prompt: console.messages("cli.prompt.new_passphrase"), console: console)
        try session.changePassphrase(to: passphrase)
        console.output(console.messages("cli.passwd.changed"))
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
        let progress = ProgressReporter(total: 0, console: console, label: console.messages("cli.progress.rewrapping_keys"))
        let report = try session.rekey(passphrase: passphrase) { done, total in progress.update(done, of: total) }
        progress.finish()
        let messages = console.messages
        console.output(messages("cli.rekey.done", [
            "version": String(report.keyVersion),
            "cases": messages.plural("cli.rekey.cases_rewrapped", count: report.casesRewrapped),
            "granted": messages.plural("cli.rekey.users_granted", count: report.usersGranted),
            "left_out": messages.plural("cli.rekey.users_left_out", count: report.usersLeftOut),
        ]))
    }
}
