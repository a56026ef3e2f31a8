/// `help` and `help COMMAND` inside the shell: the commands with a one-line description, or one
/// command's help page, in the user's language and as typed in the shell (no `casevault`).
enum ShellHelp {
    static let commands = [
        "intake", "cases", "case show", "case list", "case find", "note", "followup", "refer", "plan", "close", "reopen",
        "case assign", "case access-log", "audit log", "audit verify", "audit checkpoint", "user add", "user list",
        "user disable", "user enable", "user role", "passwd", "rekey", "backup", "verify-backup", "status",
        "help", "lang", "lock", "exit",
    ]

    /// `help` (`words` empty) or `help case show`.
    static func show(_ words: ArraySlice<String>, console: Console) {
        var console = console
        console.messages.invocation = ""
        let messages = console.messages
        if let first = words.first {
            guard !["shell", "init", "demo"].contains(first) else {
                console.error(messages("cli.shell.not_here", ["command": TerminalSafeText.escaped(first)]))
                return
            }
            _ = HelpRenderer.answer(Array(words), console: console)
            return
        }
        let width = commands.map(\.count).max() ?? 0
        for command in commands {
            let id = "cli.shell.help." + command.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
            console.output("  " + command.padding(toLength: width + 2, withPad: " ", startingAt: 0) + messages(id))
        }
        console.output("")
        console.output(messages("cli.shell.help_command"))
    }
}
