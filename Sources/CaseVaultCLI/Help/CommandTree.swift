import ArgumentParser
import Foundation

/// The command tree as ArgumentParser itself describes it (`_dumpHelp()`, the public JSON of
/// `--experimental-dump-help`): every command's name, subcommands and arguments with their
/// names, value names and choices. Help and error messages are drawn from it, so they follow
/// the declarations and cannot drift from what the parser accepts.
struct CommandTree: Decodable, Sendable {
    /// One spelling of an option: its kind (`long`, `short`, `longWithSingleDash`) and name.
    struct Name: Decodable, Sendable, Equatable {
        let kind: String
        let name: String

        /// `--due`, `-h`.
        var flag: String { kind == "short" ? "-\(name)" : kind == "longWithSingleDash" ? "-\(name)" : "--\(name)" }
    }

    /// An option, flag or positional argument of a command, as the parser declares it.
    struct Argument: Decodable, Sendable {
        let kind: String
        let shouldDisplay: Bool
        let isOptional: Bool
        let isRepeating: Bool
        let names: [Name]?
        let preferredName: Name?
        let valueName: String?
        let allValues: [String]?

        var isPositional: Bool { kind == "positional" }
        var isFlag: Bool { kind == "flag" }
        /// The key the catalogs and the error classifier use: the long name of an option
        /// (`due`), the value name of a positional (`code`).
        var key: String { isPositional ? (valueName ?? preferredName?.name ?? "") : (preferredName?.name ?? valueName ?? "") }
        /// `--due` for an option, empty for a positional.
        var flag: String { isPositional ? "" : (preferredName?.flag ?? "") }
    }

    /// A command with its subcommands and arguments.
    struct Command: Decodable, Sendable {
        let commandName: String
        let subcommands: [Command]?
        let arguments: [Argument]?
        let shouldDisplay: Bool?

        var children: [Command] { subcommands ?? [] }
        /// The arguments shown in help (not ArgumentParser's own `--help`, `--version`).
        var shown: [Argument] {
            (arguments ?? []).filter { $0.shouldDisplay && !["help", "version"].contains($0.preferredName?.name ?? "") }
        }

        func command(at path: ArraySlice<String>) -> Command? {
            guard let first = path.first else { return self }
            return children.first { $0.commandName == first }?.command(at: path.dropFirst())
        }

        /// The argument a parse error names: `--due`, or the property key of a positional.
        func argument(named name: String) -> Argument? {
            let arguments = arguments ?? []
            if name.hasPrefix("-") { return arguments.first { ($0.names ?? []).contains { $0.flag == name } } }
            let kebab = name.reduce(into: "") { text, character in
                if character.isUppercase { text += "-" + character.lowercased() } else { text.append(character) }
            }
            return arguments.first { $0.key == kebab || $0.key == name || ($0.names ?? []).contains { $0.name == kebab } }
        }
    }

    /// The top level of the dumped JSON.
    private struct Dump: Decodable { let command: Command }

    let root: Command

    /// The tree of `casevault`.
    static let casevault: CommandTree = {
        let data = Data(CaseVaultCommand._dumpHelp().utf8)
        guard let dump = try? JSONDecoder().decode(Dump.self, from: data) else {
            return CommandTree(root: Command(commandName: "casevault", subcommands: nil, arguments: nil, shouldDisplay: true))
        }
        return CommandTree(root: dump.command)
    }()

    func command(at path: [String]) -> Command? { root.command(at: path[...]) }

    /// Every command path: [], ["case"], ["case", "show"], ...
    var paths: [[String]] {
        func walk(_ command: Command, _ prefix: [String]) -> [[String]] {
            [prefix] + command.children.flatMap { walk($0, prefix + [$0.commandName]) }
        }
        return walk(root, [])
    }
}
