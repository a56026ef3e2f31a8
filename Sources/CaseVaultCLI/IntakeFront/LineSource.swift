import Foundation

/// Where the intake reads typed lines: raw bytes (so invalid UTF-8 is reported, not replaced),
/// at most `limit` bytes kept per line, nil at end of input.
struct LineSource {
    let next: () -> [UInt8]?

    /// Lines beyond this length are cut here and refused by the engine as too long.
    static let limit = 2_000_000

    /// stdin, one byte per read, so nothing after the line is taken from a shell's input.
    static var standardInput: LineSource {
        let reader = BufferedReader(descriptor: STDIN_FILENO)
        return LineSource { reader.readLine() }
    }

    /// Fixed lines, for tests.
    static func lines(_ lines: [String]) -> LineSource {
        var remaining = lines[...]
        return LineSource {
            guard let line = remaining.popFirst() else { return nil }
            return Array(line.utf8)
        }
    }
}

/// Reads lines from a file descriptor without reading past the end of each line (a command
/// inside `casevault shell` must leave the shell's next line where it is).
final class BufferedReader {
    let descriptor: Int32
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false

    init(descriptor: Int32) { self.descriptor = descriptor }

    func readLine() -> [UInt8]? {
        var line: [UInt8] = []
        while true {
            if position == buffer.count {
                guard !finished, refill() else { return line.isEmpty ? nil : line }
            }
            let byte = buffer[position]
            position += 1
            if byte == 0x0A {
                if line.last == 0x0D { line.removeLast() }
                return line
            }
            if line.count < LineSource.limit { line.append(byte) }
        }
    }

    private func refill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 1)
        var count = read(descriptor, &chunk, chunk.count)
        while count < 0, errno == EINTR, InterruptibleCommand.wasInterrupted == 0 { count = read(descriptor, &chunk, chunk.count) }
        guard count > 0 else {
            finished = true
            return false
        }
        buffer = Array(chunk[0..<count])
        position = 0
        return true
    }
}
