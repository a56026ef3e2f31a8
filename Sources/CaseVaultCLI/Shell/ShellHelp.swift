/// `help` and `help COMMAND` inside the shell: the commands with a one-line description, or one
/// command's help page, in the user's language and as typed in the shell (no `casevault`).
enum ShellHelp {
    /// Every command of the tree that works inside the shell (the leaves, in declaration
    /// order), then the shell's own words.
    static var commands: [String] {
        let tree = CommandTree.casevault
        let leaves = tree.paths.filter { path in
            guard let first = path.first, !notHere.contains(first), first != "help" else { return false }
            return tree.command(at: path)?.children.isEmpty ?? false
        }
        return leaves.map { $0.joined(separator: " ") } + ["help", "lang", "lock", "exit"]
    }

    /// Commands that make no sense inside a running shell.
    static let notHere: Set<String> = ["shell", "init", "demo"]

    /// `help` (`words` empty) or `help case show`.
    static func show(_ words: ArraySlice<String>, console: Console) {
        var console = console
        console.messages.invocation = ""
        let messages = console.messages
        if let first = words.first {
            guard !notHere.contains(first) else {
                console.error(messages("cli.shell.not_here", ["command": TerminalSafeText.escaped(first)]))
                return
            }
            _ = HelpRenderer.answer(Array(words), console: console)
            return
        }
        let width = commands.map(\.count).max() ?? 0
        for command in commands {
            let id = "cli.shell.help." + command.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
            console.say("  " + command.padding(toLength: width + 2, withPad: " ", startingAt: 0) + messages(id))
        }
        console.say("")
        console.say(messages("cli.shell.help_command"))
    }
}
