import Foundation

/// Where the CLI writes: results to stdout, diagnostics to stderr as `casevault: error: ...`
/// and `casevault: hint: ...` (age's convention), so stdout can be piped.
public struct Console: Sendable {
    let writeOut: @Sendable (String) -> Void
    let writeErr: @Sendable (String) -> Void
    /// The user's language: every text written here comes from it.
    public var messages: Messages

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void, messages: Messages = .english) {
        writeOut = out
        writeErr = err
        self.messages = messages
    }

    /// The process's own stdout and stderr.
    public static let standard = Console(
        out: { FileHandle.standardOutput.write(Data($0.utf8)) },
        err: { FileHandle.standardError.write(Data($0.utf8)) }
    )

    func output(_ line: String) { writeOut(line.hasSuffix("\n") ? line : line + "\n") }
    func error(_ message: String) { writeErr("casevault: error: \(message)\n") }
    func hint(_ message: String) { writeErr("casevault: hint: \(message)\n") }
    func progress(_ message: String) { writeErr(message) }
    func errorRaw(_ message: String) { writeErr(message.hasSuffix("\n") ? message : message + "\n") }
}

/// A CLI-level failure (bad input file, no terminal) with an optional hint.
struct CLIError: Error {
    let message: String
    var hint: String? = nil
}
