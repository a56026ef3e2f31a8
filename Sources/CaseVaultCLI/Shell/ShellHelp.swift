/// `help` inside the shell: the commands with a one-line description in the user's language.
enum ShellHelp {
    static let commands = [
        "intake", "cases", "case show", "case list", "case find", "note", "followup", "refer", "plan", "close", "reopen",
        "case assign", "case access-log", "audit log", "audit verify", "audit checkpoint", "user add", "user list",
        "user disable", "user enable", "user role", "passwd", "rekey", "backup", "verify-backup", "status",
        "help", "lang", "lock", "exit",
    ]

    static func show(console: Console) {
        let width = commands.map(\.count).max() ?? 0
        for command in commands {
            let id = "cli.shell.help." + command.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
            console.output("  " + command.padding(toLength: width + 2, withPad: " ", startingAt: 0) + console.messages(id))
        }
    }
}
