@testable import CaseVaultCLI
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The line editor: key decoding, editing, history and secrets as a pure state machine driven
/// by bytes, then the real descriptor paths on a pseudo-terminal and on a pipe.
final class LineEditorTests: XCTestCase {
    private let up = "\u{1B}[A", down = "\u{1B}[B", right = "\u{1B}[C", left = "\u{1B}[D"
    private let home = "\u{1B}[H", end = "\u{1B}[F", delete = "\u{1B}[3~"
    private let ctrlA = "\u{01}", ctrlC = "\u{03}", ctrlD = "\u{04}", ctrlE = "\u{05}", ctrlK = "\u{0B}"
    private let ctrlL = "\u{0C}", ctrlU = "\u{15}", ctrlW = "\u{17}", backspace = "\u{7F}"

    // MARK: Decoding

    func testDecodesEveryKey() {
        let table: [(bytes: [UInt8], keys: [Key])] = [
            (Array("a Z~".utf8), [.character("a"), .character(" "), .character("Z"), .character("~")]),
            ([0x7F], [.backspace]),
            ([0x08], [.backspace]),
            (Array("\u{1B}[3~".utf8), [.delete]),
            (Array("\u{1B}[3;5~".utf8), [.delete]),
            (Array("\u{1B}[D\u{1B}[C".utf8), [.left, .right]),
            (Array("\u{1B}[1;5D\u{1B}OD\u{1B}OC".utf8), [.left, .left, .right]),
            (Array("\u{1B}[A\u{1B}[B\u{1B}OA\u{1B}OB".utf8), [.up, .down, .up, .down]),
            (Array("\u{1B}[H\u{1B}OH\u{1B}[1~\u{1B}[7~".utf8), [.home, .home, .home, .home]),
            (Array("\u{1B}[F\u{1B}OF\u{1B}[4~\u{1B}[8~".utf8), [.end, .end, .end, .end]),
            ([0x01, 0x05], [.home, .end]),
            ([0x15, 0x0B, 0x17], [.killToStart, .killToEnd, .deleteWordBack]),
            ([0x03, 0x04, 0x0C], [.interrupt, .endOfFile, .clearScreen]),
            ([0x0D], [.enter]),
            ([0x0A], [.enter]),
            ([0x0D, 0x0A], [.enter]),
            ([0x0D, 0x0D, 0x0A, 0x0A], [.enter, .enter, .enter]),
            (Array("ж".utf8), [.character("ж")]),
            (Array("Ђ€😀".utf8), [.character("Ђ"), .character("€"), .character("😀")]),
            (Array("e\u{301}".utf8), [.character("e"), .character("\u{301}")]),
        ]
        for (bytes, expected) in table {
            XCTAssertEqual(decode(bytes), expected, "bytes: \(bytes)")
        }
    }

    func testDropsUnknownSequencesAndInvalidUTF8() {
        let table: [(bytes: [UInt8], keys: [Key])] = [
            (Array("\u{1B}[Z\u{1B}[2~\u{1B}[15~\u{1B}Ox".utf8), []),
            ([0x09, 0x00, 0x1A, 0x1F], []),
            ([0x1B, UInt8(ascii: "x")], [.character("x")]),
            ([0x1B, 0x1B, UInt8(ascii: "["), UInt8(ascii: "D")], [.left]),
            ([0xFF, 0xFE, 0x80, 0xBF], []),
            ([0xC2, 0x80, 0xC2, 0x9B], []),
            ([0xC0, 0xAF, 0xE0, 0x80, 0xAF, 0xF0, 0x80, 0x80, 0xAF], []),
            ([0xED, 0xA0, 0x80], []),
            ([0xD0, UInt8(ascii: "a")], [.character("a")]),
            ([0xE2, 0x82, 0x0D], [.enter]),
        ]
        for (bytes, expected) in table {
            XCTAssertEqual(decode(bytes), expected, "bytes: \(bytes)")
        }
    }

    // MARK: Editing

    func testEditingOperations() {
        let table: [(typed: String, line: String)] = [
            ("abc\r", "abc"),
            ("abc" + backspace + "\r", "ab"),
            ("abc\u{08}\u{08}\r", "a"),
            (backspace + "a\r", "a"),
            ("abc" + left + left + "x\r", "axbc"),
            ("ab" + left + left + left + "x\r", "xab"),
            ("ab" + right + "x\r", "abx"),
            ("abc" + ctrlA + "x" + ctrlE + "y\r", "xabcy"),
            ("abc" + home + "x" + end + "y\r", "xabcy"),
            ("abc" + "\u{1B}OH" + "x" + "\u{1B}OF" + "y\r", "xabcy"),
            ("abc" + home + delete + "\r", "bc"),
            ("abc" + delete + "\r", "abc"),
            ("abc" + left + left + ctrlK + "\r", "a"),
            ("abc" + left + ctrlU + "\r", "c"),
            ("abc" + ctrlU + "\r", ""),
            ("find ana  " + ctrlW + "\r", "find "),
            ("find ana" + ctrlW + ctrlW + "\r", ""),
            ("case show AB12" + left + left + left + left + ctrlW + "x\r", "case xAB12"),
            ("abc" + ctrlA + ctrlD + "\r", "bc"),
            ("abc" + ctrlD + "\r", "abc"),
        ]
        for (typed, line) in table {
            XCTAssertEqual(edit(typed).result, .line(line), "typed: \(typed.debugDescription)")
        }
    }

    func testMultiByteCharactersAreInsertedAndDeletedWhole() {
        var (state, result) = edit("Ђорђе")
        XCTAssertNil(result)
        XCTAssertEqual(state.buffer.characters.count, 5)
        XCTAssertEqual(state.buffer.cursor, 5)
        for key in decode(Array((backspace + left + left + "ш" + delete).utf8)) { _ = state.handle(key) }
        XCTAssertEqual(state.buffer.text, "Ђошђ")
        XCTAssertEqual(state.buffer.cursor, 3)

        (state, result) = edit("ǩamlipe" + home + delete + "ç\r")
        XCTAssertEqual(result, .line("çamlipe"))

        (state, _) = edit("Ane\u{301}")
        XCTAssertEqual(state.buffer.characters, ["A", "n", "e\u{301}"])
        XCTAssertEqual(edit("Ane\u{301}" + backspace + "\r").result, .line("An"))
        XCTAssertEqual(edit("😀🇷🇸" + backspace + "\r").result, .line("😀"))
    }

    func testRedrawMovesTheCursorByColumns() {
        var buffer = LineBuffer("abc")
        buffer.moveLeft()
        buffer.moveLeft()
        XCTAssertEqual(LineRenderer.redraw(prompt: "> ", buffer: buffer), "\r> abc\u{1B}[K\u{1B}[2D")
        buffer.moveToEnd()
        XCTAssertEqual(LineRenderer.redraw(prompt: "> ", buffer: buffer), "\r> abc\u{1B}[K")

        var cyrillic = LineBuffer("Жена ће\u{301}")
        cyrillic.moveToStart()
        cyrillic.moveRight()
        XCTAssertEqual(LineRenderer.redraw(prompt: "", buffer: cyrillic), "\rЖена ће\u{301}\u{1B}[K\u{1B}[6D")
        XCTAssertEqual(LineRenderer.columns(of: "\u{301}"), 0)
        XCTAssertEqual(LineRenderer.columns(of: "\u{200D}"), 0)
        XCTAssertEqual(LineRenderer.columns(of: "е\u{301}"), 1)
    }

    func testALineTooLongForTheTerminalScrollsSidewaysAroundTheCursor() {
        let text = "refer 7K3M-QX9D --service legal --to Centar"
        var buffer = LineBuffer(text)
        // 20 columns, prompt "> ": 17 columns of text, the last column left free.
        let atEnd = LineRenderer.redraw(prompt: "> ", buffer: buffer, width: 20)
        XCTAssertEqual(atEnd, "\r> " + String(text.suffix(16)) + "\u{1B}[K", "the end of the line, the cursor after it")
        buffer.moveToStart()
        let atStart = LineRenderer.redraw(prompt: "> ", buffer: buffer, width: 20)
        XCTAssertEqual(atStart, "\r> " + String(text.prefix(17)) + "\u{1B}[K\u{1B}[17D")
        for position in 0...text.count {
            var moved = LineBuffer(text)
            moved.moveToStart()
            for _ in 0..<position { moved.moveRight() }
            let window = LineRenderer.visibleRange(moved.characters, cursor: moved.cursor, room: 17)
            XCTAssertTrue(window.contains(moved.cursor) || window.upperBound == moved.cursor, "cursor \(position) outside \(window)")
            XCTAssertLessThanOrEqual(LineRenderer.columns(of: moved.characters[window]), 17)
        }
        XCTAssertEqual(LineRenderer.redraw(prompt: "> ", buffer: LineBuffer("short"), width: 20), "\r> short\u{1B}[K", "a line that fits is drawn whole")
        XCTAssertEqual(LineRenderer.redraw(prompt: "a long prompt > ", buffer: LineBuffer("xyz"), width: 10), "\ra long prompt > \u{1B}[K",
                       "a prompt wider than the terminal leaves one column, for the cursor")
    }

    // MARK: Ending keys

    func testControlCAndControlD() {
        XCTAssertEqual(edit("find ana" + ctrlC).result, .interrupted)
        XCTAssertEqual(edit(ctrlC).result, .interrupted)
        XCTAssertEqual(edit(ctrlD).result, .endOfInput)
        XCTAssertEqual(edit("a" + backspace + ctrlD).result, .endOfInput)
        XCTAssertNil(edit("a" + ctrlD).result)
        XCTAssertNil(edit("ab" + left + ctrlD + ctrlD + ctrlD).result)
        XCTAssertEqual(edit("ab" + ctrlL).result, .clearScreen)
    }

    func testUnchangedKeysNeedNoRedraw() {
        var state = EditState(history: [])
        XCTAssertEqual(state.handle(.left), .unchanged)
        XCTAssertEqual(state.handle(.backspace), .unchanged)
        XCTAssertEqual(state.handle(.character("a")), .changed)
        XCTAssertEqual(state.handle(.left), .changed)
        XCTAssertEqual(state.handle(.up), .unchanged)
    }

    // MARK: History

    func testHistoryNavigation() {
        let history = ["cases", "case show AB12-CD34", "find Ана"]
        XCTAssertEqual(edit(up + "\r", history: history).result, .line("find Ана"))
        XCTAssertEqual(edit(up + up + up + up + up + "\r", history: history).result, .line("cases"))
        XCTAssertEqual(edit(up + up + down + "\r", history: history).result, .line("find Ана"))
        XCTAssertEqual(edit("dra" + up + up + down + down + down + "\r", history: history).result, .line("dra"))
        XCTAssertEqual(edit(down + "x\r", history: history).result, .line("x"))
        XCTAssertEqual(edit(up + "\r", history: []).result, .line(""))
    }

    func testEditedRecalledLinesSurviveGoingDownAndUp() {
        let history = ["cases", "case show AB12-CD34"]
        var (state, result) = edit("draft" + up + ctrlW + "EF56-GH78" + up, history: history)
        XCTAssertNil(result)
        XCTAssertEqual(state.buffer.text, "cases")
        XCTAssertEqual(state.buffer.cursor, 5)
        for key in decode(Array(down.utf8)) { _ = state.handle(key) }
        XCTAssertEqual(state.buffer.text, "case show EF56-GH78")
        for key in decode(Array(down.utf8)) { _ = state.handle(key) }
        XCTAssertEqual(state.buffer.text, "draft")
        for key in decode(Array((up + "\r").utf8)) { result = finished(state.handle(key)) ?? result }
        XCTAssertEqual(result, .line("case show EF56-GH78"))
        XCTAssertEqual(edit(up + "\r", history: history).result, .line("case show AB12-CD34"))
    }

    func testHistoryKeepsNonBlankLinesWithoutRepeatsUpToItsLimit() {
        var history = History(limit: 3)
        for line in ["a", "a", "", "  ", "b", "a", "c", "c", "d"] { history.add(line) }
        XCTAssertEqual(history.entries, ["a", "c", "d"])
        history.removeAll()
        XCTAssertEqual(history.entries, [])
        var none = History(limit: 0)
        none.add("a")
        XCTAssertEqual(none.entries, [])
    }

    // MARK: Secrets

    func testSecretEntryShowsNothingAndKeepsBytes() {
        XCTAssertEqual(secret("pässwort" + backspace + "\r"), .secret(Array("pässwor".utf8)))
        XCTAssertEqual(secret("жа" + backspace + backspace + "ђ\r"), .secret(Array("ђ".utf8)))
        XCTAssertEqual(secret("abc" + left + left + "x" + home + "y" + ctrlW + "\r"), .secret(Array("abcxy".utf8)))
        XCTAssertEqual(secret("old" + ctrlU + "new\r"), .secret(Array("new".utf8)))
        XCTAssertEqual(secret("\r"), .secret([]))
        XCTAssertEqual(secret("abc" + ctrlC), .interrupted)
        XCTAssertEqual(secret(ctrlD), .endOfInput)
        XCTAssertEqual(secret("ab" + ctrlD + ctrlL + up + "c\r"), .secret(Array("abc".utf8)))

        let entry = SecretEntry()
        XCTAssertNil(entry.echo)
        for key in decode(Array(("secret" + left + backspace + up).utf8)) {
            XCTAssertEqual(entry.handle(key), .unchanged)
        }
    }

    func testSecretBufferGrowsAndHandsOverItsBytes() {
        let buffer = SecretBuffer(capacity: 4)
        buffer.append(Array("пароль".utf8))
        buffer.append(Array("!".utf8))
        buffer.removeLastScalar()
        buffer.removeLastScalar()
        buffer.removeLastScalar()
        XCTAssertEqual(buffer.take(), Array("паро".utf8))
        XCTAssertTrue(buffer.isEmpty)
        buffer.append([0x61])
        buffer.removeAll()
        XCTAssertEqual(buffer.take(), [])
    }

    // MARK: A real terminal

    func testReadsAnEditedLineOnAPseudoTerminalAndRestoresTheMode() throws {
        let terminal = try PseudoTerminal()
        let before = terminal.mode()
        let editor = Shared(LineEditor(input: terminal.slave, output: terminal.slave))
        XCTAssertTrue(editor.value.isInteractive)

        let first = try terminal.run(typing: "case show AB12" + left + left + "x\r") {
            try editor.value.readLine(prompt: "maja> ")
        }
        XCTAssertEqual(first, .line("case show ABx12"))
        XCTAssertEqual(terminal.mode(), before)
        let drawn = terminal.output()
        XCTAssertTrue(drawn.hasPrefix("\u{1B}[?2004h\rmaja> \u{1B}[K"), "bracketed paste is on while a line is read: " + drawn.debugDescription)
        XCTAssertTrue(drawn.hasSuffix("\u{1B}[?2004l"), "and off again afterwards: " + drawn.debugDescription)
        XCTAssertTrue(drawn.contains("\r" + "maja> case show ABx12\u{1B}[K\u{1B}[2D"), drawn.debugDescription)

        let second = try terminal.run(typing: "find Јелена" + ctrlW + "Ђорђе\r") { try editor.value.readLine(prompt: "> ") }
        XCTAssertEqual(second, .line("find Ђорђе"))
        XCTAssertTrue(terminal.output().contains("find Ђорђе"))

        let passphrase = "correct horse батерија"
        let secret = try terminal.run(typing: passphrase + "\r") { try editor.value.readSecret(prompt: "Passphrase: ") }
        XCTAssertEqual(secret, .secret(Array(passphrase.utf8)))
        XCTAssertEqual(terminal.mode(), before)
        let secretScreen = terminal.output()
        XCTAssertEqual(secretScreen.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: ""),
                       "\u{1B}[?2004hPassphrase: \u{1B}[?2004l")

        let recalled = try terminal.run(typing: up + "\r") { try editor.value.readLine(prompt: "> ") }
        XCTAssertEqual(recalled, .line("find Ђорђе"))
        let older = try terminal.run(typing: up + up + up + "\r") { try editor.value.readLine(prompt: "> ") }
        XCTAssertEqual(older, .line("case show ABx12"))
        XCTAssertFalse(terminal.output().contains("батерија"))

        editor.value.clearHistory()
        let forgotten = try terminal.run(typing: up + "\r") { try editor.value.readLine(prompt: "> ") }
        XCTAssertEqual(forgotten, .line(""))
    }

    func testControlKeysOnAPseudoTerminal() throws {
        let terminal = try PseudoTerminal()
        let before = terminal.mode()
        let editor = Shared(LineEditor(input: terminal.slave, output: terminal.slave))
        XCTAssertEqual(try terminal.run(typing: "note AB" + ctrlC) { try editor.value.readLine(prompt: "> ") }, .interrupted)
        XCTAssertTrue(terminal.output().contains("note AB\u{1B}[K^C"))
        XCTAssertEqual(try terminal.run(typing: "lo" + ctrlL) { try editor.value.readLine(prompt: "> ") }, .clearScreen)
        XCTAssertEqual(try terminal.run(typing: "ck\r") { try editor.value.readLine(prompt: "> ") }, .line("lock"))
        XCTAssertEqual(try terminal.run(typing: ctrlD) { try editor.value.readLine(prompt: "> ") }, .endOfInput)
        XCTAssertEqual(terminal.mode(), before)

        // A hung-up terminal ends input (its mode can no longer be read back).
        XCTAssertEqual(try terminal.run(hangingUp: true) { try editor.value.readLine(prompt: "> ") }, .endOfInput)
    }

    func testIdleTimeoutOnAPseudoTerminal() throws {
        let terminal = try PseudoTerminal()
        let before = terminal.mode()
        let editor = LineEditor(input: terminal.slave, output: terminal.slave)
        let start = ContinuousClock.now
        XCTAssertEqual(try editor.readLine(prompt: "> ", idleTimeout: 0.2), .timedOut)
        let elapsed = ContinuousClock.now - start
        XCTAssertGreaterThanOrEqual(elapsed, .milliseconds(200))
        XCTAssertLessThan(elapsed, .seconds(2))
        XCTAssertEqual(try editor.readSecret(prompt: "Passphrase: ", idleTimeout: 0.05), .timedOut)
        XCTAssertEqual(terminal.mode(), before)
    }

    func testRawModeIsRestoredWhenItsOwnerGoesAway() throws {
        let terminal = try PseudoTerminal()
        let before = terminal.mode()
        do {
            let mode = try RawTerminalMode(descriptor: terminal.slave)
            withExtendedLifetime(mode) {
                XCTAssertEqual(terminal.mode().localFlags & tcflag_t(ICANON | ECHO | ISIG), 0)
            }
        }
        XCTAssertEqual(terminal.mode(), before)
    }

    // MARK: Not a terminal

    func testReadsPlainLinesFromAPipe() throws {
        let input = try TestPipe(), output = try TestPipe()
        input.send("case show AB12\r\nfind 'Ана \u{1B}[D'\n\na\rb\r\r\nsecret\nlast")
        input.closeWriting()
        let editor = LineEditor(input: input.reading, output: output.writing)
        XCTAssertFalse(editor.isInteractive)
        XCTAssertEqual(try editor.readLine(prompt: "> "), .line("case show AB12"))
        XCTAssertEqual(try editor.readLine(prompt: "> "), .line("find 'Ана \u{1B}[D'"))
        XCTAssertEqual(try editor.readLine(prompt: "> "), .line(""))
        XCTAssertEqual(try editor.readLine(prompt: "> "), .line("a\rb\r"))
        XCTAssertEqual(try editor.readSecret(prompt: "Passphrase: "), .secret(Array("secret".utf8)))
        XCTAssertEqual(try editor.readLine(prompt: "> "), .line("last"))
        XCTAssertEqual(try editor.readLine(prompt: "> "), .endOfInput)
        XCTAssertEqual(try editor.readSecret(prompt: "> "), .endOfInput)
        output.closeWriting()
        XCTAssertEqual(output.receive(), "")
    }

    func testPipeReadingStopsAtTheLineEnd() throws {
        let input = try TestPipe()
        input.send("cases\nrest for the next reader")
        input.closeWriting()
        let editor = LineEditor(input: input.reading, output: input.reading)
        XCTAssertEqual(try editor.readLine(prompt: ""), .line("cases"))
        XCTAssertEqual(input.receive(), "rest for the next reader")
    }

    func testIdleTimeoutOnAPipe() throws {
        let input = try TestPipe()
        let editor = LineEditor(input: input.reading, output: input.writing)
        XCTAssertEqual(try editor.readLine(prompt: "", idleTimeout: 0.2), .timedOut)
        input.send("status\n")
        XCTAssertEqual(try editor.readLine(prompt: "", idleTimeout: 0.2), .line("status"))
        XCTAssertThrowsError(try RawTerminalMode(descriptor: input.reading)) { error in
            XCTAssertEqual(error as? LineEditorError, .terminalModeFailed)
        }
    }

    // MARK: Helpers

    private func decode(_ bytes: [UInt8]) -> [Key] {
        var decoder = KeyDecoder()
        return bytes.compactMap { decoder.feed($0) }
    }

    /// Types `typed` into a fresh line; the result is nil while the line is still open.
    private func edit(_ typed: String, history: [String] = []) -> (state: EditState, result: LineEditorResult?) {
        var state = EditState(history: history)
        for key in decode(Array(typed.utf8)) {
            if let result = finished(state.handle(key)) { return (state, result) }
        }
        return (state, nil)
    }

    private func secret(_ typed: String) -> LineEditorResult? {
        let entry = SecretEntry()
        for key in decode(Array(typed.utf8)) {
            if let result = finished(entry.handle(key)) { return result }
        }
        return nil
    }

    private func finished(_ step: EditStep) -> LineEditorResult? {
        if case .finished(let result) = step { return result }
        return nil
    }
}

private enum TestFailure: Error {
    /// The editor thread did not return within five seconds; it is left behind.
    case editorDidNotFinish
    case noPipe
    case noPseudoTerminal
}

/// Hands a non-Sendable value to the thread that runs the editor; the test thread does not
/// touch it meanwhile.
private final class Shared<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// The termios fields the editor changes, comparable.
private struct TerminalMode: Equatable {
    let inputFlags: tcflag_t
    let outputFlags: tcflag_t
    let controlFlags: tcflag_t
    let localFlags: tcflag_t
    let controlCharacters: [UInt8]
}

/// A pseudo-terminal: the editor reads and draws on the slave side; the test types on the
/// master side and reads what was drawn.
private final class PseudoTerminal {
    let master: Int32
    let slave: Int32
    private var masterOpen = true

    init() throws {
        var master: Int32 = -1, slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, nil) == 0 else { throw TestFailure.noPseudoTerminal }
        self.master = master
        self.slave = slave
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if masterOpen { close(master) }
        close(slave)
    }

    func mode() -> TerminalMode {
        var attributes = termios()
        _ = tcgetattr(slave, &attributes)
        let characters = withUnsafeBytes(of: attributes.c_cc) { Array($0) }
        return TerminalMode(
            inputFlags: attributes.c_iflag, outputFlags: attributes.c_oflag, controlFlags: attributes.c_cflag,
            localFlags: attributes.c_lflag, controlCharacters: characters
        )
    }

    /// Runs `read` on another thread, types `typing` (or hangs up) once the slave is in raw
    /// mode, and returns what `read` returned.
    func run(
        typing: String = "", hangingUp: Bool = false, thenAfter pause: TimeInterval = 0, typing later: String = "",
        _ read: @escaping @Sendable () throws -> LineEditorResult
    ) throws -> LineEditorResult {
        let outcome = Outcome()
        let finished = DispatchSemaphore(value: 0)
        Thread {
            outcome.result = Result { try read() }
            finished.signal()
        }.start()
        let deadline = ContinuousClock.now + .seconds(5)
        while mode().localFlags & tcflag_t(ICANON) != 0 && ContinuousClock.now < deadline { usleep(1000) }
        if hangingUp {
            close(master)
            masterOpen = false
        } else {
            let bytes = Array(typing.utf8)
            XCTAssertEqual(bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }, bytes.count)
            if !later.isEmpty {
                usleep(UInt32(pause * 1_000_000))
                let more = Array(later.utf8)
                XCTAssertEqual(more.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }, more.count)
            }
        }
        guard finished.wait(timeout: .now() + 5) == .success, let result = outcome.result else {
            throw TestFailure.editorDidNotFinish
        }
        return try result.get()
    }

    /// Everything drawn on the terminal since the last call.
    func output() -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private final class Outcome: @unchecked Sendable {
        var result: Result<LineEditorResult, Error>?
    }
}

/// A pipe whose ends close with it.
private final class TestPipe {
    let reading: Int32
    let writing: Int32
    private var writingOpen = true

    init() throws {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw TestFailure.noPipe }
        reading = ends[0]
        writing = ends[1]
    }

    deinit {
        close(reading)
        closeWriting()
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        XCTAssertEqual(bytes.withUnsafeBytes { write(writing, $0.baseAddress, $0.count) }, bytes.count)
    }

    func closeWriting() {
        guard writingOpen else { return }
        writingOpen = false
        close(writing)
    }

    /// Everything left to read, up to end of file.
    func receive() -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(reading, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

// MARK: Bracketed paste and texts of several lines

extension LineEditorTests {
    private static let pasteStart = "\u{1B}[200~", pasteEnd = "\u{1B}[201~"

    func testAPasteSplitAcrossReadsDecodesTheSame() {
        let bytes = Array((Self.pasteStart + "Прва\r\nдруга\n.\rтрећа" + Self.pasteEnd + "\r").utf8)
        let characters: (String) -> [Key] = { $0.map { Key.character($0) } }
        var expected: [Key] = [.pasteStart]
        expected += characters("Прва")
        expected += [.lineBreak]
        expected += characters("друга")
        expected += [.lineBreak, .character("."), .lineBreak]
        expected += characters("трећа")
        expected += [.pasteEnd, .enter]
        for split in 0...bytes.count {
            var decoder = KeyDecoder()
            let first = bytes[..<split].compactMap { decoder.feed($0) }
            let second = bytes[split...].compactMap { decoder.feed($0) }
            XCTAssertEqual(first + second, expected, "split at byte \(split)")
        }
    }

    func testInsideAPasteEscapesAndEditingKeysAreDroppedAndOnlyItsEndEndsIt() {
        var decoder = KeyDecoder()
        let keys = Array((Self.pasteStart + "a\u{1B}[Ab\u{1B}[3~\u{1B}OHc\u{1B}x\td\u{04}\u{7F}\u{1B}[201;2x").utf8).compactMap { decoder.feed($0) }
        XCTAssertEqual(keys, [.pasteStart, .character("a"), .character("b"), .character("c"), .character("x"), .character("\t"), .character("d")])
        XCTAssertTrue(decoder.isInPaste, "only ESC [201~ ends a paste")
        XCTAssertEqual(Array(("\u{03}" + Self.pasteEnd + "\r").utf8).compactMap { decoder.feed($0) }, [.interrupt, .pasteEnd, .enter],
                       "Ctrl-C still cancels during a paste; after its end Enter is Enter")
        XCTAssertEqual(Array((Self.pasteEnd + "\u{1B}[A").utf8).compactMap { decoder.feed($0) }, [.up], "an end without a start is dropped")
    }

    func testAPasteWhoseEndNeverComesIsGivenUp() {
        var decoder = KeyDecoder()
        XCTAssertEqual(Array((Self.pasteStart + "ab\r").utf8).compactMap { decoder.feed($0) }, [.pasteStart, .character("a"), .character("b"), .lineBreak])
        XCTAssertTrue(decoder.isInPaste)
        decoder.abandonPaste()
        XCTAssertEqual(Array("\r\u{1B}[A".utf8).compactMap { decoder.feed($0) }, [.enter, .up])
    }

    func testATextEndsOnlyAtATypedDotAndKeepsAPasteWhole() {
        var entry = TextEntry()
        var decoder = KeyDecoder()
        func type(_ text: String) -> [EditStep] { Array(text.utf8).compactMap { decoder.feed($0) }.map { entry.handle($0) } }
        _ = type("Прва линија\r")
        let pasted = type(Self.pasteStart + "ne\r.\rda" + Self.pasteEnd)
        XCTAssertFalse(pasted.contains { if case .finished = $0 { true } else { false } }, "a pasted lone dot does not end the text")
        XCTAssertEqual(entry.text, "Прва линија\nne\n.\nda")
        XCTAssertEqual(type("\r.\r").last, .finished(.line("Прва линија\nne\n.\nda")))

        var cancelled = TextEntry()
        XCTAssertEqual(cancelled.handle(.character("x")), .changed)
        XCTAssertEqual(cancelled.handle(.interrupt), .finished(.interrupted))

        var ended = TextEntry()
        XCTAssertEqual(ended.handle(.endOfFile), .finished(.line("")), "Ctrl-D on nothing typed is an empty text, not the end of the command")
        _ = ended.handle(.character("a"))
        XCTAssertEqual(ended.handle(.enter), .newRow(LineBuffer("a")))
        XCTAssertEqual(ended.handle(.endOfFile), .finished(.line("a")), "Ctrl-D on an empty row ends the text")
    }

    func testAPasteIntoOneLineNeverEndsIt() {
        var state = EditState(history: [])
        var decoder = KeyDecoder()
        let steps = Array((Self.pasteStart + "one\rtwo\r" + Self.pasteEnd).utf8).compactMap { decoder.feed($0) }.map { state.handle($0) }
        XCTAssertFalse(steps.contains { if case .finished = $0 { true } else { false } })
        XCTAssertEqual(state.buffer.text, "one two ")
    }

    func testReadsAPastedTextWholeOnAPseudoTerminal() throws {
        let terminal = try PseudoTerminal()
        let before = terminal.mode()
        let editor = Shared(LineEditor(input: terminal.slave, output: terminal.slave))
        let account = (1...40).map { "Ред \($0) исказа, са тачком на крају." }.joined(separator: "\r")
        let result = try terminal.run(typing: "Почетак\r" + Self.pasteStart + account + "\r.\r" + Self.pasteEnd + ".\r") {
            try editor.value.readText(prompt: "> ", continuation: "  ")
        }
        XCTAssertEqual(result, .line("Почетак\n" + account.replacingOccurrences(of: "\r", with: "\n") + "\n."))
        XCTAssertEqual(terminal.mode(), before)
        let drawn = terminal.output()
        XCTAssertTrue(drawn.hasPrefix("\u{1B}[?2004h"), drawn.debugDescription)
        XCTAssertTrue(drawn.hasSuffix("\u{1B}[?2004l"), drawn.debugDescription)
        XCTAssertTrue(drawn.contains("\r  Ред 40 исказа"), "later rows are drawn after the continuation prompt")
    }

    func testAPasteWhoseEndIsLostIsGivenUpWhenTheInputGoesQuiet() throws {
        let terminal = try PseudoTerminal()
        let editor = Shared(LineEditor(input: terminal.slave, output: terminal.slave))
        let result = try terminal.run(typing: Self.pasteStart + "ab\r", thenAfter: LineEditor.pasteQuiet + 0.5, typing: ".\r") {
            try editor.value.readText(prompt: "> ", continuation: "  ")
        }
        XCTAssertEqual(result, .line("ab"), "after the quiet the typed dot ends the text")
    }

    func testReadsATextFromAPipeWhole() throws {
        let input = try TestPipe()
        let long = String(repeating: "ж", count: 20_000)
        input.send("first\r\n\(long)\n.\nnext\n")
        input.closeWriting()
        let editor = LineEditor(input: input.reading, output: input.writing)
        XCTAssertEqual(try editor.readText(prompt: "> ", continuation: "  "), .line("first\n" + long))
        XCTAssertEqual(try editor.readLine(prompt: "> "), .line("next"), "nothing after the text is taken")
        XCTAssertEqual(try editor.readText(prompt: "> ", continuation: "  "), .endOfInput)
    }

    func testALongLineIsDrawnAroundTheCursorQuickly() {
        let characters = Array(String(repeating: "абв ", count: 5_000))
        let range = LineRenderer.visibleRange(characters, cursor: characters.count, room: 40)
        XCTAssertEqual(range.upperBound, characters.count)
        XCTAssertEqual(LineRenderer.columns(of: characters[range]), 39)
    }

    func testThePromptShrinksOnANarrowTerminal() {
        XCTAssertEqual(ShellPrompt.text(user: "maja", role: "support worker", language: "sr-Cyrl", width: nil), "maja (support worker) [sr-Cyrl]> ")
        XCTAssertEqual(ShellPrompt.text(user: "maja", role: "support worker", language: "sr-Cyrl", width: 100), "maja (support worker) [sr-Cyrl]> ")
        XCTAssertEqual(ShellPrompt.text(user: "maja", role: "support worker", language: "sr-Cyrl", width: 50), "maja> ")
        XCTAssertEqual(ShellPrompt.text(user: "aleksandra.petrović", role: "admin", language: "rom", width: 50), "> ")
        XCTAssertEqual(ShellPrompt.text(user: "maja", role: "x", language: "en", width: 4), "> ")
    }
}
