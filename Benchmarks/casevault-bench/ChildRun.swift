import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One child process timed from spawn to exit, with its own peak RSS, which Foundation's
/// `Process` does not report. The anchor programs and the `casevault` import run through it:
/// their figures are whole processes measured from outside. The peak is the child's VmHWM, read
/// from /proc every 5 ms while it runs: `wait4`'s ru_maxrss would not do, because after exec it
/// still counts the peak of the process that spawned the child (this one).
struct ChildRun {
    var seconds: Double
    var maxRSSBytes: Int
    var status: Int32

    /// Runs `executable` with stdin from /dev/null, stdout into the file `output`, stderr inherited.
    static func run(_ executable: String, _ arguments: [String], output: String,
                    environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ChildRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        let clock = ContinuousClock()
        let start = clock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var peakKiB = 0
        while true {
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { break }
            guard waited == 0 || errno == EINTR else { throw BenchError("waiting for \(executable) failed") }
            peakKiB = max(peakKiB, highWaterKiB(pid))
            usleep(5_000)
        }
        let seconds = Measure.seconds(clock.now - start)
        // WIFEXITED / WEXITSTATUS, which Swift does not import as macros.
        let exitStatus: Int32 = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildRun(seconds: seconds, maxRSSBytes: peakKiB * 1024, status: exitStatus)
    }

    /// VmHWM of a running process, KiB (0 once it is gone). Read with stdio: /proc files report
    /// a size of 0, which Foundation's whole-file readers take at its word.
    private static func highWaterKiB(_ pid: pid_t) -> Int {
        guard let file = fopen("/proc/\(pid)/status", "r") else { return 0 }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(cString: line)
            if text.hasPrefix("VmHWM:") { return Int(text.dropFirst("VmHWM:".count).split(whereSeparator: \.isWhitespace).first ?? "") ?? 0 }
        }
        return 0
    }

    /// The peak RSS of this process so far.
    static func selfMaxRSSBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}
