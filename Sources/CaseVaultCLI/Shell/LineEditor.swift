import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the shell's command lines, passphrases and texts of several lines. On a terminal it
/// edits the line in raw mode (arrows, Home/End, Ctrl-A/E/U/K/W, Up/Down history; see
/// `KeyDecoder`) with bracketed paste on (ESC [?2004h, so a paste is known as one), restoring
/// the terminal's mode and turning bracketed paste off before it returns or throws. Raw mode has
/// no line limit: a long account is read whole. On anything else (a pipe, a file) it reads
/// plain lines and writes nothing, so scripted sessions work. History lives in this object
/// only and is never written anywhere.
public final class LineEditor {
    private let input: Int32
    private let output: Int32
    /// Whether `output` is a descriptor this editor opened (the terminal) and closes.
    private let ownsOutput: Bool
    private var history: History
    private var decoder = KeyDecoder()
    /// A line interrupted by Ctrl-L, resumed by the next `readLine`.
    private var suspended: EditState?

    /// - Parameters:
    ///   - input: where keys come from (the terminal, or a pipe of commands).
    ///   - output: where the prompt and the edited line are drawn, only when `input` is a
    ///     terminal; stderr by default, so stdout carries only results. When `output` is not a
    ///     terminal (stderr sent to a file), the terminal itself (`/dev/tty`) is drawn on, so
    ///     what is typed never lands in that file.
    ///   - historyLimit: how many lines Up can recall; the oldest are forgotten first.
    public init(input: Int32 = STDIN_FILENO, output: Int32 = STDERR_FILENO, historyLimit: Int = 500) {
        self.input = input
        if isatty(input) == 1, isatty(output) != 1 {
            let terminal = open("/dev/tty", O_WRONLY | O_NOCTTY | O_CLOEXEC)
            self.output = terminal >= 0 ? terminal : input
            ownsOutput = terminal >= 0
        } else {
            self.output = output
            ownsOutput = false
        }
        history = History(limit: historyLimit)
    }

    deinit {
        if ownsOutput { close(output) }
    }

    /// Whether `input` is a terminal, so lines are edited; otherwise they are read plainly.
    public var isInteractive: Bool { isatty(input) == 1 }

    /// Reads one command line after `prompt`. Returns `.timedOut` when no key arrives for
    /// `idleTimeout` seconds; the unfinished line is then dropped. Lines ended by Enter join
    /// the history unless `remember` is false (an intake's answers are never recalled).
    public func readLine(prompt: String, idleTimeout: TimeInterval? = nil, remember: Bool = true) throws(LineEditorError) -> LineEditorResult {
        guard isInteractive else {
            return try PlainLineReader(reader: ByteReader(descriptor: input)).readLine(idleTimeout: idleTimeout)
        }
        var state = suspended ?? EditState(history: remember ? history.entries : [])
        suspended = nil
        let result = try edit(&state, prompt: prompt, idleTimeout: idleTimeout)
        switch result {
        case .line(let line): if remember { history.add(line) }
        case .clearScreen: suspended = state
        default: break
        }
        return result
    }

    /// Reads a passphrase after `prompt` without showing anything of it, not even asterisks,
    /// and without touching the history. Returns `.secret(bytes)` on Enter.
    public func readSecret(prompt: String, idleTimeout: TimeInterval? = nil) throws(LineEditorError) -> LineEditorResult {
        guard isInteractive else {
            return try PlainLineReader(reader: ByteReader(descriptor: input)).readSecret(idleTimeout: idleTimeout)
        }
        var entry = SecretEntry()
        return try edit(&entry, prompt: prompt, idleTimeout: idleTimeout)
    }

    /// Reads a text of several lines (see `TextEntry`): the first row after `prompt`, the next
    /// ones after `continuation`. Returns `.line(text)` with the rows joined by LF, the ending
    /// dot left out; `.interrupted` on Ctrl-C (nothing of the text is kept); `.timedOut` after
    /// `idleTimeout` seconds without a key. From a pipe: lines up to one holding only the dot,
    /// or to the end of the input, each read whole.
    public func readText(prompt: String, continuation: String, idleTimeout: TimeInterval? = nil) throws(LineEditorError) -> LineEditorResult {
        guard isInteractive else {
            return try PlainLineReader(reader: ByteReader(descriptor: input)).readText(idleTimeout: idleTimeout)
        }
        var entry = TextEntry()
        return try edit(&entry, prompt: prompt, continuation: continuation, idleTimeout: idleTimeout)
    }

    /// Forgets every line entered so far (for example when the session locks).
    public func clearHistory() {
        history.removeAll()
        suspended = nil
    }

    /// How long a paste may pause before its missing ESC [201~ is given up (terminals send a
    /// paste in one burst; a quiet this long means the end was lost).
    static let pasteQuiet: TimeInterval = 2

    private static let bracketedPasteOn = "\u{1B}[?2004h"
    private static let bracketedPasteOff = "\u{1B}[?2004l"

    private func edit<Entry: LineEntry>(
        _ entry: inout Entry, prompt firstPrompt: String, continuation: String? = nil, idleTimeout: TimeInterval?
    ) throws(LineEditorError) -> LineEditorResult {
        let mode = try RawTerminalMode(descriptor: input, output: output)
        let writer = DescriptorWriter(descriptor: output)
        defer {
            writer.send(Self.bracketedPasteOff)
            mode.restore()
        }
        let reader = ByteReader(descriptor: input)
        var prompt = firstPrompt
        writer.send(Self.bracketedPasteOn)
        writer.send(entry.echo.map { LineRenderer.redraw(prompt: prompt, buffer: $0, width: TerminalWidth.of(output)) } ?? prompt)
        var needsRedraw = false
        func redrawIfNeeded() {
            if needsRedraw, let echo = entry.echo { writer.send(LineRenderer.redraw(prompt: prompt, buffer: echo, width: TerminalWidth.of(output))) }
            needsRedraw = false
        }
        while true {
            // Keys that arrive together (a paste, an escape sequence) are drawn once.
            if needsRedraw && !reader.hasInputReady() { redrawIfNeeded() }
            let result: LineEditorResult
            let pasting = decoder.isInPaste
            switch try reader.next(idleTimeout: pasting ? min(idleTimeout ?? Self.pasteQuiet, Self.pasteQuiet) : idleTimeout) {
            case .timedOut where pasting:
                decoder.abandonPaste()
                _ = entry.handle(.pasteEnd)
                continue
            case .timedOut:
                result = .timedOut
            case .endOfInput:
                result = .endOfInput
            case .byte(let byte):
                guard let key = decoder.feed(byte) else { continue }
                switch entry.handle(key) {
                case .unchanged:
                    continue
                case .changed:
                    needsRedraw = true
                    continue
                case .newRow(let finished):
                    writer.send(LineRenderer.redraw(prompt: prompt, buffer: finished, width: TerminalWidth.of(output)) + "\r\n")
                    prompt = continuation ?? prompt
                    needsRedraw = true
                    continue
                case .finished(let finished):
                    result = finished
                }
            }
            redrawIfNeeded()
            writer.send(Self.ending(of: result))
            if Self.abandons(result) { discardPendingInput() }
            return result
        }
    }

    /// Whether `result` leaves the entry before its end: then what was still coming (the rest
    /// of a paste, keys typed ahead) belongs to nothing and must not answer the next prompt.
    private static func abandons(_ result: LineEditorResult) -> Bool {
        switch result {
        case .interrupted, .endOfInput, .timedOut: true
        default: false
        }
    }

    /// Forgets a paste in progress and every byte the terminal holds that was not read yet.
    private func discardPendingInput() {
        decoder = KeyDecoder()
        tcflush(input, TCIFLUSH)
    }

    /// What is written when a line ends: a new row, marked `^C` after Ctrl-C; nothing before
    /// the caller clears the screen.
    private static func ending(of result: LineEditorResult) -> String {
        switch result {
        case .interrupted: "^C\r\n"
        case .clearScreen: ""
        default: "\r\n"
        }
    }
}
