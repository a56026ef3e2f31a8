import Foundation

/// Where the CLI writes: results to stdout, diagnostics to stderr as `casevault: error: ...`
/// and `casevault: hint: ...` (age's convention), so stdout can be piped. The two prefixes stay
/// English in every language: scripts match them.
public struct Console: Sendable {
    let writeOut: @Sendable (String) -> Void
    let writeErr: @Sendable (String) -> Void
    /// Columns of the terminal that stdout (`false`) or stderr (`true`) writes to; nil when it
    /// is not a terminal, and then text is written unwrapped (pipes and files keep whole lines).
    let columns: @Sendable (_ standardError: Bool) -> Int?
    /// The user's language: every text written here comes from it.
    public var messages: Messages
    /// The shell this command runs in, if any (`ShellSession`); nil for a one-off command.
    var shell: ShellSession?

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void, messages: Messages = .english,
                columns: @escaping @Sendable (_ standardError: Bool) -> Int? = { _ in nil }) {
        writeOut = out
        writeErr = err
        self.messages = messages
        self.columns = columns
    }

    /// The process's own stdout and stderr.
    public static let standard = Console(
        out: { FileHandle.standardOutput.write(Data($0.utf8)) },
        err: { FileHandle.standardError.write(Data($0.utf8)) },
        columns: { TerminalWidth.of($0 ? STDERR_FILENO : STDOUT_FILENO) }
    )

    /// Width to wrap results to (stdout): its terminal's, one column left free; nil when stdout
    /// is not a terminal.
    var outputWidth: Int? { columns(false).map(Self.wrapWidth) }
    /// Width to wrap prompts and messages to (stderr), likewise.
    var progressWidth: Int? { columns(true).map(Self.wrapWidth) }

    private static func wrapWidth(_ columns: Int) -> Int { max(columns - 1, 20) }

    func output(_ line: String) { writeOut(line.hasSuffix("\n") ? line : line + "\n") }
    /// Writes `text` to stdout exactly as it is (a CSV keeps its CRLF line ends).
    func outputExactly(_ text: String) { writeOut(text) }
    /// Prose for a person (not for scripts): on a terminal wrapped at word boundaries.
    func say(_ text: String) { output(TextWrapping.wrap(text, width: outputWidth)) }
    func error(_ message: String) { writeErr(TextWrapping.wrap("casevault: error: \(message)", width: progressWidth) + "\n") }
    func hint(_ message: String) { writeErr(TextWrapping.wrap("casevault: hint: \(message)", width: progressWidth) + "\n") }
    func progress(_ message: String) { writeErr(message) }

    /// Shows a CLI error and its hint in the user's language.
    func report(_ error: CLIError) {
        self.error(error.message(messages))
        if let text = error.hint(messages) { hint(text) }
    }
}

/// A CLI-level failure (bad input file, no terminal) with an optional hint. It carries either
/// message ids (`cli.error.*`, `cli.hint.*`) and their arguments, rendered in the user's language
/// by `CaseVaultCommand.run`, or a text already taken from the catalogs.
struct CLIError: Error {
    enum Text {
        /// Already in the user's language (looked up through `console.messages`).
        case localized(String)
        /// A message id, its arguments and, for a plural message, the count.
        case message(id: String, arguments: [String: String], count: Int?)
    }

    let text: Text
    var hintText: Text?

    /// An error whose texts are rendered in the user's language when shown.
    init(id: String, arguments: [String: String] = [:], count: Int? = nil, hintID: String? = nil, hintArguments: [String: String] = [:]) {
        text = .message(id: id, arguments: arguments, count: count)
        hintText = hintID.map { .message(id: $0, arguments: hintArguments, count: nil) }
    }

    /// An error whose texts already come from the catalogs (`console.messages(...)`).
    init(message: String, hint: String? = nil) {
        text = .localized(message)
        hintText = hint.map { .localized($0) }
    }

    func message(_ messages: Messages) -> String { Self.render(text, messages) }
    func hint(_ messages: Messages) -> String? { hintText.map { Self.render($0, messages) } }

    static func render(_ text: Text, _ messages: Messages) -> String {
        switch text {
        case .localized(let text): text
        case .message(let id, let arguments, let count?): messages.plural(id, count: count, arguments)
        case .message(let id, let arguments, nil): messages(id, arguments)
        }
    }
}

/// The language of the running command, for the few places that have no `Console` (the
/// commands' `validate()`, which ArgumentParser calls while parsing). `CaseVaultCommand.run`
/// binds it for the whole run.
enum ActiveMessages {
    @TaskLocal static var current: Messages = .english
}
