/// `--help`, `help` and `help COMMAND` (one-off and in the shell), written from the catalogs in
/// the user's language, with the command tree's own arguments (`CommandTree`). Usage lines begin
/// with `messages.invocation`, so inside the shell they read as typed there.
enum HelpRenderer {
    /// The help page of the command at `path`.
    static func page(_ path: [String], _ messages: Messages, tree: CommandTree = .casevault) -> String {
        guard let command = tree.command(at: path) else { return "" }
        var lines = [sentence(messages(HelpTexts.abstractID(path))), "", messages("cli.help.usage") + " " + usage(path, command, messages)]
        let positionals = command.shown.filter(\.isPositional)
        let options = command.shown.filter { !$0.isPositional }
        if !positionals.isEmpty {
            lines += ["", messages("cli.help.arguments")]
            lines += table(positionals.map { (term($0, messages), messages(HelpTexts.argumentID(path, $0))) })
        }
        lines += ["", messages("cli.help.options")]
        var rows = options.map { (term($0, messages), messages(HelpTexts.argumentID(path, $0)) + choices($0, messages)) }
        if path.isEmpty { rows.append(("--version", messages("cli.help.arg.version"))) }
        rows.append(("-h, --help", messages("cli.help.arg.help")))
        lines += table(rows)
        if !command.children.isEmpty {
            lines += ["", messages("cli.help.subcommands")]
            lines += table(command.children.map { ($0.commandName, messages(HelpTexts.abstractID(path + [$0.commandName]))) })
            lines += ["", messages("cli.help.more", ["command": messages.invocation + (["help"] + path).joined(separator: " ")])]
        }
        if let discussion = HelpTexts.discussionID(path) { lines += ["", messages(discussion)] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `help [COMMAND ...]`: the page of that command (status 0), or our message for a word that
    /// names no command (status 64).
    static func answer(_ words: [String], console: Console, tree: CommandTree = .casevault) -> Int32 {
        var known: [String] = []
        for word in words {
            guard tree.command(at: known + [word]) != nil else {
                if let error = ParseFailureMessage.render(.unknownCommand(word: word, path: known), console.messages, tree: tree) {
                    console.report(error)
                }
                return 64
            }
            known.append(word)
        }
        console.say(page(known, console.messages, tree: tree))
        return 0
    }

    /// `casevault case show <code> [--format <format>] ...`, as typed where it is shown.
    /// With `requiredOnly`, the short form for a hint: what must be written, nothing optional.
    static func usage(_ path: [String], _ command: CommandTree.Command, _ messages: Messages, requiredOnly: Bool = false) -> String {
        var words = [(messages.invocation + path.joined(separator: " ")).trimmingCharacters(in: .whitespaces)]
        if !command.children.isEmpty { words.append("<\(messages(HelpTexts.valueID("command")))>") }
        let shown = command.shown.filter(\.isPositional) + command.shown.filter { !$0.isPositional }
        for argument in shown where !(requiredOnly && argument.isOptional) {
            let text = term(argument, messages, synopsis: true)
            words.append(argument.isOptional ? "[\(text)]" : text)
        }
        return words.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// `--due <day>` or `<code>`, value names in the user's language.
    static func term(_ argument: CommandTree.Argument, _ messages: Messages, synopsis: Bool = false) -> String {
        let value = argument.valueName.map { "<" + messages(HelpTexts.valueID($0)) + ">" } ?? ""
        if argument.isPositional { return value + (argument.isRepeating ? " …" : "") }
        let names = synopsis ? [argument.flag] : (argument.names ?? []).map(\.flag)
        let flags = names.joined(separator: ", ")
        return argument.isFlag ? flags : flags + " " + value
    }

    /// `: text, json` after an option with a fixed set of values: the words as typed, each with
    /// its meaning where it has one (`ChoiceWords`).
    static func choices(_ argument: CommandTree.Argument, _ messages: Messages) -> String {
        guard let values = argument.allValues, !values.isEmpty else { return "" }
        return ": " + ChoiceWords.list(argument, messages)
    }

    /// The one-line description as the page's first sentence: capital first letter, final stop.
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst() + (text.hasSuffix(".") ? "" : ".")
    }

    /// Two columns, the second aligned.
    static func table(_ rows: [(String, String)]) -> [String] {
        let width = min(rows.map(\.0.count).max() ?? 0, 32)
        return rows.map { term, text in
            term.count > width ? "  \(term)\n  \(String(repeating: " ", count: width + 2))\(text)"
                : "  " + term.padding(toLength: width + 2, withPad: " ", startingAt: 0) + text
        }
    }
}
