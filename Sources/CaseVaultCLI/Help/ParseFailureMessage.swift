/// Our own sentence and hint for each `ParseFailure`, in the user's language: it names the
/// offending word (escaped, it may hold anything) and gives a hint that works where it is shown
/// (`messages.invocation` is empty inside the shell).
enum ParseFailureMessage {
    static func render(_ failure: ParseFailure, _ messages: Messages, tree: CommandTree = .casevault) -> CLIError? {
        let safe = TerminalSafeText.escaped
        switch failure {
        case .unknownCommand(let word, let path):
            return CLIError(message: messages("cli.parse.unknown_command", ["word": safe(word)]),
                            hint: messages("cli.parse.hint.commands", ["command": helpCommand(path, messages)]))
        case .unknownOption(let word, let path):
            return CLIError(message: messages("cli.parse.unknown_option", ["word": safe(word)]),
                            hint: messages("cli.parse.hint.options", ["command": helpCommand(path, messages)]))
        case .badValue(let value, let name, let path):
            let argument = tree.command(at: path)?.argument(named: name)
            let hint = argument?.valueName == "code" ? messages("cli.hint.case_code") : usageHint(path, messages, tree)
            return CLIError(message: badValue(safe(value), argument, name: name, messages), hint: hint)
        case .missing(let name, let path):
            let argument = tree.command(at: path)?.argument(named: name)
            let term = argument.map { HelpRenderer.term($0, messages, synopsis: true) } ?? safe(name)
            return CLIError(message: messages("cli.parse.missing", ["name": term]), hint: usageHint(path, messages, tree))
        case .missingOptionValue(let name, let path):
            let argument = tree.command(at: path)?.argument(named: name)
            let term = argument.map { HelpRenderer.term($0, messages, synopsis: true) } ?? safe(name)
            return CLIError(message: messages("cli.parse.missing_value", ["name": safe(name), "usage": term]), hint: usageHint(path, messages, tree))
        case .tooManyArguments(let words, let path):
            return CLIError(message: messages("cli.parse.too_many", ["words": words.map(safe).joined(separator: " ")]),
                            hint: usageHint(path, messages, tree))
        case .help, .version, .validation, .other:
            return nil
        }
    }

    /// The sentence for a value the argument's type did not read, by what the argument takes.
    static func badValue(_ value: String, _ argument: CommandTree.Argument?, name: String, _ messages: Messages) -> String {
        if let argument, let values = argument.allValues, !values.isEmpty {
            return messages("cli.parse.bad_choice", ["value": value, "choices": ChoiceWords.list(argument, messages)])
        }
        switch argument?.valueName {
        case "day": return messages("cli.error.not_a_day", ["day": value])
        case "code": return messages("cli.error.not_a_case_code", ["code": value])
        case "seconds": return messages("cli.parse.not_a_number", ["value": value])
        default:
            let term = argument.map { HelpRenderer.term($0, messages, synopsis: true) } ?? TerminalSafeText.escaped(name)
            return messages("cli.parse.bad_value", ["value": value, "name": term])
        }
    }

    /// `casevault case show --help` (`case show --help` in the shell).
    static func helpCommand(_ path: [String], _ messages: Messages) -> String {
        messages.invocation.isEmpty ? (["help"] + path).joined(separator: " ") : messages.invocation + (path + ["--help"]).joined(separator: " ")
    }

    static func usageHint(_ path: [String], _ messages: Messages, _ tree: CommandTree) -> String? {
        guard let command = tree.command(at: path) else { return nil }
        return messages("cli.parse.hint.usage", ["usage": HelpRenderer.usage(path, command, messages, requiredOnly: true), "command": helpCommand(path, messages)])
    }
}
