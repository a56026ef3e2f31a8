import ArgumentParser

/// What went wrong while ArgumentParser read a command line, in our own terms, so that the
/// message can be ours and in the user's language. ArgumentParser's error values are internal;
/// their shape (a command stack and one `ParserError` case) is read through `Mirror`, and
/// `ParseFailureTests` runs every kind below, so a change in a new ArgumentParser version fails
/// a test instead of showing English.
enum ParseFailure: Equatable {
    /// A word where a command was expected (`casevault foo`, `case foo`).
    case unknownCommand(word: String, path: [String])
    /// An option the command does not have.
    case unknownOption(word: String, path: [String])
    /// A value the option's or argument's type does not read; `name` is the option
    /// (`--due`) or the argument's key (`code`).
    case badValue(value: String, name: String, path: [String])
    /// A required argument or option that was not given; `name` as for `badValue`.
    case missing(name: String, path: [String])
    /// An option given without its value.
    case missingOptionValue(name: String, path: [String])
    /// More words than the command takes.
    case tooManyArguments(words: [String], path: [String])
    /// `--help`, `-h` or `help [COMMAND]`.
    case help(path: [String])
    /// `--version`.
    case version
    /// A `ValidationError` of ours (its text is already in the user's language), thrown while
    /// parsing the command at `path`, or while running (`path` nil).
    case validation(message: String, path: [String]?)
    /// Anything else (completion scripts, our own `ValidationError`s): ArgumentParser or the
    /// thrower already has the text.
    case other

    /// Reads `error` (what `parseAsRoot` threw).
    static func classify(_ error: any Error) -> ParseFailure {
        if let error = error as? ValidationError { return .validation(message: error.message, path: nil) }
        if error is CleanExit { return cleanExit(error) }
        let mirror = Mirror(reflecting: error)
        guard let stack = mirror.descendant("commandStack") as? [any ParsableCommand.Type],
              let parserError = mirror.descendant("parserError") else {
            return .other
        }
        let path = stack.dropFirst().map { $0._commandName }
        let caseMirror = Mirror(reflecting: parserError)
        guard let payload = caseMirror.children.first else {
            // A case without associated values: its name is the whole description.
            return "\(parserError)" == "versionRequested" ? .version : .other
        }
        let fields = Mirror(reflecting: payload.value).children.map(\.value)
        switch payload.label {
        case "helpRequested":
            return .help(path: path)
        case "versionRequested":
            return .version
        case "unknownOption":
            return fields.count == 2 ? .unknownOption(word: optionText(fields[1]), path: path) : .other
        case "invalidOption", "nonAlphanumericShortOption":
            return .unknownOption(word: "\(payload.value)", path: path)
        case "missingValueForOption", "missingValueOrUnknownCompositeOption":
            return fields.count >= 2 ? .missingOptionValue(name: optionText(fields[1]), path: path) : .other
        case "unexpectedValueForOption":
            return fields.count == 3 ? .badValue(value: "\(fields[2])", name: optionText(fields[1]), path: path) : .other
        case "unexpectedExtraValues":
            let words = Mirror(reflecting: payload.value).children.compactMap { Mirror(reflecting: $0.value).children.dropFirst().first?.value as? String }
            guard let first = words.first else { return .other }
            let isGroup = !(stack.last?.configuration.subcommands.isEmpty ?? true)
            return isGroup ? .unknownCommand(word: first, path: path) : .tooManyArguments(words: words, path: path)
        case "noValue":
            return .missing(name: keyName(payload.value), path: path)
        case "unableToParseValue":
            guard fields.count == 5, let value = fields[2] as? String else { return .other }
            let name = optionalOptionText(fields[1]) ?? keyName(fields[3])
            return .badValue(value: value, name: name, path: path)
        case "missingSubcommand":
            return .help(path: path)
        case "userValidationError":
            if let error = payload.value as? ValidationError { return .validation(message: error.message, path: path) }
            return payload.value is CleanExit ? cleanExit(payload.value) : .other
        default:
            return .other
        }
    }

    /// `help COMMAND`, or a command group run without a subcommand: a help request naming a
    /// command type, found in the tree by identity.
    private static func cleanExit(_ exit: Any) -> ParseFailure {
        guard let base = Mirror(reflecting: exit).descendant("base"), let request = Mirror(reflecting: base).children.first,
              request.label == "helpRequest" else { return .other }
        let command = Mirror(reflecting: request.value).children.first?.value as? any ParsableCommand.Type
        guard let command else { return .help(path: []) }
        return .help(path: path(of: command) ?? [])
    }

    /// The path of `command` below `casevault`.
    static func path(of command: any ParsableCommand.Type, in root: any ParsableCommand.Type = CaseVaultCommand.self,
                     prefix: [String] = []) -> [String]? {
        if command == root { return prefix }
        for sub in root.configuration.subcommands {
            if let found = path(of: command, in: sub, prefix: prefix + [sub._commandName]) { return found }
        }
        return nil
    }

    /// `--due`, `-h` or `-due` for an ArgumentParser `Name`.
    private static func optionText(_ name: Any) -> String {
        guard let child = Mirror(reflecting: name).children.first else { return "\(name)" }
        let value = Mirror(reflecting: child.value).children.first?.value ?? child.value
        switch child.label {
        case "long": return "--\(value)"
        case "short": return "-\(value)"
        default: return "-\(value)"
        }
    }

    private static func optionalOptionText(_ name: Any) -> String? {
        let mirror = Mirror(reflecting: name)
        guard mirror.displayStyle == .optional else { return optionText(name) }
        return mirror.children.first.map { optionText($0.value) }
    }

    /// The property name of an `InputKey`: `code`, `due`.
    private static func keyName(_ key: Any) -> String {
        let mirror = Mirror(reflecting: key)
        if let name = mirror.descendant("name") as? String { return name }
        return mirror.children.first.flatMap { Mirror(reflecting: $0.value).descendant("name") as? String } ?? ""
    }
}
