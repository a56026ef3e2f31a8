import Foundation

/// The peak resident memory of one figure: Linux keeps the process's high-water mark (VmHWM) and
/// lets it be reset (`5` written to `/proc/self/clear_refs`), so each phase's peak is its own
/// and not the largest of every phase before it.
enum PeakMemory {
    static func reset() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// VmHWM in bytes (0 where /proc is missing).
    static func bytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes * 1024
    }

    /// Runs `body` and returns its wall time with the peak memory it reached.
    static func measure(_ body: () throws -> Void) rethrows -> (seconds: Double, peakBytes: Int) {
        reset()
        let seconds = try Measure.time(body)
        return (seconds, bytes())
    }
}
