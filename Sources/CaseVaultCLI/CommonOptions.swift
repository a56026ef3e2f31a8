import Access
import ArgumentParser
import CaseStore
import VaultCrypto
import Foundation

/// `--vault PATH|URL` (or `CASEVAULT_VAULT`), shared by every command that opens a vault: a
/// file, or a `postgresql://` location of a vault on a database server.
struct VaultLocation: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Vault file or postgresql:// location (default: $CASEVAULT_VAULT, else $XDG_DATA_HOME/casevault/vault.casevault).", valueName: "path"))
    var vault: String?

    /// The vault named by `--vault`, `CASEVAULT_VAULT` or the default place: a path or a URL.
    var path: String {
        if let vault { return vault }
        let environment = ProcessInfo.processInfo.environment
        if let fromEnvironment = environment["CASEVAULT_VAULT"], !fromEnvironment.isEmpty { return fromEnvironment }
        return Self.defaultDirectory(environment).appendingPathComponent("vault.casevault").path
    }

    static func defaultDirectory(_ environment: [String: String]) -> URL {
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
            return URL(fileURLWithPath: data).appendingPathComponent("casevault")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/casevault")
    }

    /// The vault a command works on: inside the shell the shell's own (a different `--vault`
    /// is refused before the command runs), else `path`.
    func path(for console: Console) -> String {
        console.shell?.vaultPath ?? path
    }

    /// Where `path` points: a file or a server.
    var address: VaultAddress {
        get throws { try VaultAddress(path) }
    }

    /// Opens the vault at `path`.
    func open() throws -> Vault {
        try address.open()
    }

    /// Opens the vault at `path(for:)`.
    func open(for console: Console) throws -> Vault {
        try VaultAddress(path(for: console)).open()
    }
}

/// `--user NAME` and `--passphrase-file PATH` (or their environment variables): who unlocks.
struct LoginOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("User to unlock the vault as (default: $CASEVAULT_USER).", valueName: "name"))
    var user: String?

    @Option(name: .long, help: ArgumentHelp("Read the passphrase from this file instead of the terminal (default: $CASEVAULT_PASSPHRASE_FILE).", valueName: "path"))
    var passphraseFile: String?

    func userName() throws -> String {
        if let user { return user }
        if let fromEnvironment = ProcessInfo.processInfo.environment["CASEVAULT_USER"], !fromEnvironment.isEmpty { return fromEnvironment }
        throw CLIError(id: "cli.error.no_user", hintID: "cli.hint.no_user")
    }

    /// Logs in to `vault` as the chosen user; returns the session and the passphrase (for the
    /// commands that re-seal the user's own slot). Inside `casevault shell` the shell's session
    /// is used (the vault is then not opened again) and the passphrase asked again.
    func login(_ vault: @autoclosure () throws -> Vault, console: Console) throws -> (AccessSession, SecretBytes) {
        if let shell = console.shell {
            let passphrase = try PassphraseSource(file: passphraseFile ?? shell.passphraseFile)
                .read(prompt: console.messages("cli.prompt.passphrase", ["user": shell.user]), console: console)
            return (shell.session, passphrase)
        }
        let name = try userName()
        let opened = try vault()
        try Self.refuseUnknownUser(name, in: opened)
        let file = passphraseFile ?? ProcessInfo.processInfo.environment["CASEVAULT_PASSPHRASE_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        let passphrase = try PassphraseSource(file: file).read(prompt: console.messages("cli.prompt.passphrase", ["user": name]), console: console)
        let session = AccessSession(try opened.unlock(user: name, passphrase: passphrase))
        try StatisticsPreparation.run(session, console: console)
        return (session, passphrase)
    }

    /// A user without a key slot is told so before being asked for a passphrase. The attempt
    /// still goes through `unlock`, which records it in the audit trail and throws `unknownUser`.
    static func refuseUnknownUser(_ name: String, in vault: Vault) throws {
        guard try !vault.hasKeySlot(for: name) else { return }
        _ = try vault.unlock(user: name, passphrase: SecretBytes([]))
    }

    /// Logs in and returns the session; inside the shell, the shell's.
    func session(_ vault: @autoclosure () throws -> Vault, console: Console) throws -> AccessSession {
        if let shell = console.shell { return shell.session }
        return try login(vault(), console: console).0
    }
}
