import Foundation

/// Where the intake and the text commands (`note`, `plan`) read what is typed: on a terminal
/// the line editor (raw mode, so no line limit; bracketed paste, so a paste is taken whole into
/// the answer it was pasted at; inside the shell its idle lock), from a pipe plain lines read
/// whole, and fixed lines in tests. Answers come back as raw bytes, so invalid UTF-8 is
/// reported, not replaced.
struct LineSource {
    /// What is being read.
    enum Shape {
        /// One line: Enter ends it.
        case line
        /// Several lines, ended by a line holding only `TextEntry.endMarker` (from a pipe, also
        /// by the end of the input).
        case text
    }

    /// What a read gave.
    enum Input: Equatable {
        case typed([UInt8])
        /// Ctrl-C: the caller cancels; nothing of the unfinished input is kept.
        case interrupted
        case endOfInput
        /// The session locked meanwhile and was unlocked again; what was being typed was
        /// dropped (the screen was cleared), so the caller asks again.
        case relocked
    }

    /// Whether a person types at a terminal (prompts and confirmations are then shown).
    let isInteractive: Bool
    /// Reads after `prompt`, the last row of the question (drawn by the editor on a terminal,
    /// written to stderr otherwise).
    let read: (_ shape: Shape, _ prompt: String, _ console: Console) throws -> Input

    /// stdin: inside the shell through the shell's editor and idle lock; on a terminal
    /// through an editor of its own; otherwise plain lines.
    static func standard(console: Console) -> LineSource {
        if let shell = console.shell {
            return editor(shell.editor, idleTimeout: shell.idleTimeout, lock: shell.lock)
        }
        if isatty(STDIN_FILENO) == 1 { return editor(LineEditor(), idleTimeout: nil, lock: nil) }
        return piped(BufferedReader(descriptor: STDIN_FILENO))
    }

    /// Lines from `editor`; `lock` is called when no key came for `idleTimeout` seconds.
    static func editor(_ editor: LineEditor, idleTimeout: TimeInterval?,
                       lock: ((Console) throws -> Void)?) -> LineSource {
        LineSource(isInteractive: editor.isInteractive) { shape, prompt, console in
            while true {
                let result: LineEditorResult
                do {
                    switch shape {
                    case .line: result = try editor.readLine(prompt: prompt, idleTimeout: idleTimeout, remember: false)
                    case .text: result = try editor.readText(prompt: prompt, continuation: Self.continuation, idleTimeout: idleTimeout)
                    }
                } catch {
                    throw CLIError(message: console.messages("cli.shell.terminal_failed"))
                }
                switch result {
                case .line(let text):
                    if shape == .text && editor.isInteractive { console.progress(TextTaken.confirmation(of: text, messages: console.messages) + "\n") }
                    return .typed(Array(text.utf8))
                case .interrupted: return .interrupted
                case .endOfInput: return .endOfInput
                case .clearScreen: console.progress(ShellCommand.clearScreen)
                case .timedOut:
                    guard let lock else { continue }
                    console.progress("\n" + console.messages("cli.shell.idle_locked") + "\n")
                    try lock(console)
                    console.progress(console.messages("cli.text.dropped_at_lock") + "\n")
                    return .relocked
                case .secret: continue
                }
            }
        }
    }

    /// The prompt of the rows after the first of a text.
    static let continuation = "  "

    /// Lines from a pipe, each read whole; a text runs to a line holding only the end marker
    /// or to the end of the input.
    static func piped(_ reader: BufferedReader) -> LineSource {
        LineSource(isInteractive: false) { shape, prompt, console in
            if !prompt.isEmpty { console.progress(prompt) }
            switch shape {
            case .line:
                guard let line = reader.readLine() else { return reader.wasInterrupted ? .interrupted : .endOfInput }
                return .typed(line)
            case .text:
                var rows: [[UInt8]] = []
                while let row = reader.readLine(), row != Array(TextEntry.endMarker.utf8) { rows.append(row) }
                if reader.wasInterrupted { return .interrupted }
                return rows.isEmpty ? .endOfInput : .typed(Array(rows.joined(separator: [0x0A])))
            }
        }
    }

    /// Fixed lines, for tests (a text is one of them); prompts are shown as from a pipe.
    static func lines(_ lines: [String]) -> LineSource {
        var remaining = lines[...]
        return LineSource(isInteractive: false) { _, prompt, console in
            if !prompt.isEmpty { console.progress(prompt) }
            guard let line = remaining.popFirst() else { return .endOfInput }
            return .typed(Array(line.utf8))
        }
    }
}

/// Reads lines from a file descriptor without reading past the end of each line (a command
/// inside `casevault shell` must leave the shell's next line where it is). A line is read
/// whole, however long.
final class BufferedReader {
    let descriptor: Int32
    private var finished = false
    /// Whether Ctrl-C (SIGINT, inside the shell) stopped the reading.
    private(set) var wasInterrupted = false

    init(descriptor: Int32) { self.descriptor = descriptor }

    func readLine() -> [UInt8]? {
        var line: [UInt8] = []
        while let byte = nextByte() {
            if byte == 0x0A {
                if line.last == 0x0D { line.removeLast() }
                return line
            }
            line.append(byte)
        }
        return line.isEmpty ? nil : line
    }

    /// One byte per read, so nothing after the line is taken from a shell's input.
    private func nextByte() -> UInt8? {
        guard !finished else { return nil }
        var byte: UInt8 = 0
        var count = read(descriptor, &byte, 1)
        while count < 0, errno == EINTR, InterruptibleCommand.wasInterrupted == 0 { count = read(descriptor, &byte, 1) }
        guard count == 1 else {
            finished = true
            wasInterrupted = InterruptibleCommand.wasInterrupted != 0
            return nil
        }
        return byte
    }
}
