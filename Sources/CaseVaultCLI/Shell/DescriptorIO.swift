#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file descriptor one byte at a time, waiting for each byte at most an idle timeout
/// (poll(2)). One byte at a time on purpose: nothing after a line is consumed, so the next
/// line, or a command that reads stdin, still finds it.
struct ByteReader {
    enum Event {
        case byte(UInt8)
        case timedOut
        /// End of file, or a terminal that hung up (EIO).
        case endOfInput
    }

    let descriptor: Int32

    func next(idleTimeout: Double?) throws(LineEditorError) -> Event {
        let deadline = idleTimeout.map { ContinuousClock.now + .seconds(max($0, 0)) }
        while true {
            guard try waitForInput(until: deadline) else { return .timedOut }
            var byte: UInt8 = 0
            let count = read(descriptor, &byte, 1)
            if count == 1 { return .byte(byte) }
            if count == 0 { return .endOfInput }
            switch errno {
            case EINTR, EAGAIN, EWOULDBLOCK: continue
            case EIO: return .endOfInput
            default: throw .readFailed
            }
        }
    }

    /// Whether a byte (or end of file) can be read right now without waiting.
    func hasInputReady() -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, 0) > 0
    }

    /// Whether input (or end of file, or an error for `read` to report) is ready before
    /// `deadline`; with no deadline it waits as long as it takes.
    private func waitForInput(until deadline: ContinuousClock.Instant?) throws(LineEditorError) -> Bool {
        while true {
            let timeout = deadline.map { Self.milliseconds(until: $0) } ?? -1
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, timeout)
            if ready > 0 { return true }
            if ready == 0 {
                if timeout == 0 { return false }
                continue
            }
            guard errno == EINTR else { throw .readFailed }
        }
    }

    /// Milliseconds from now to `deadline`, rounded up, and 0 once it has passed.
    private static func milliseconds(until deadline: ContinuousClock.Instant) -> Int32 {
        let remaining = ContinuousClock.now.duration(to: deadline)
        guard remaining > .zero else { return 0 }
        let (seconds, attoseconds) = remaining.components
        let attosecondsPerMillisecond: Int64 = 1_000_000_000_000_000
        let milliseconds = seconds * 1000 + (attoseconds + attosecondsPerMillisecond - 1) / attosecondsPerMillisecond
        return Int32(clamping: milliseconds)
    }
}

/// Writes text to a file descriptor, completely and best effort: a terminal that went away
/// is noticed by the next read, not here.
struct DescriptorWriter {
    let descriptor: Int32

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { unwritten in
                write(descriptor, unwritten.baseAddress, unwritten.count)
            }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}
