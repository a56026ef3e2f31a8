import ArgumentParser

/// Inside the shell the vault and the user are the shell's own, so a command given another
/// `--vault` or `--user` there is refused with a message of ours instead of silently working
/// on the shell's. The same vault or user again is harmless and passes.
enum ShellOptionCheck {
    /// Why `command` may not run in `shell`, in the user's language; nil when it may.
    static func refusal(of command: any ParsableCommand, in shell: ShellSession, messages: Messages) -> String? {
        for child in Mirror(reflecting: command).children {
            if let location = (child.value as? OptionGroup<VaultLocation>)?.wrappedValue,
               let vault = location.vault, vault != shell.vaultPath {
                return messages("cli.shell.other_vault", ["user": shell.user])
            }
            if let login = (child.value as? OptionGroup<LoginOptions>)?.wrappedValue,
               let user = login.user, user != shell.user {
                return messages("cli.shell.other_user", ["user": shell.user])
            }
        }
        return nil
    }
}
