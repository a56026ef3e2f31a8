import ArgumentParser
import CaseStore
import Foundation

/// `casevault demo --shell`: recognises a demo vault it may reuse and opens the ordinary shell
/// on it as the demo caseworker, through the same command tree as `casevault shell`.
enum DemoShell {
    /// Whether `path` looks like a vault `casevault demo` made: exactly the demo's five users.
    /// Read without unlocking, so a real vault named by mistake gets no failed login in its
    /// trail; the shell's own login then checks the passphrase as always.
    static func isDemoVault(_ path: String) -> Bool {
        guard let vault = try? Vault(path: path), let status = try? vault.status(), status.users == DemoUsers.all.count else { return false }
        return DemoUsers.all.allSatisfy { (try? vault.hasKeySlot(for: $0.name)) == true }
    }

    /// Opens the shell on the demo vault as demo-maja (she types the demo passphrase printed
    /// above). Without a terminal: an error saying so, after the vault was made.
    static func open(path: String, console: Console) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDERR_FILENO) == 1 else {
            throw CLIError(id: "cli.error.demo_shell_needs_terminal", hintID: "cli.hint.demo_shell_later",
                           hintArguments: ["path": DemoVaultPath.shellWord(path), "user": DemoUsers.maja])
        }
        console.output("")
        let status = CaseVaultCommand.execute(["shell", "--vault", path, "--user", DemoUsers.maja], console: console)
        if status != 0 { throw ExitCode(status) }
    }
}
