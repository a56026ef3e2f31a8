import Foundation
import TestSupport

/// Runs the positions in worker processes (`jobs` at a time, in chunks), so that a crash or a
/// hang is caught and its position named: the first position of a chunk its worker did not
/// report is the culprit, and the rest of the chunk goes to a new worker.
final class SweepCoordinator: @unchecked Sendable {
    struct Settings {
        var vault: String
        var seed: UInt64
        var jobs: Int
        var chunk: Int
        /// Seconds a worker may take per position (plus its start) before it counts as hung.
        var secondsPerPosition: Double
        var scratch: String
        /// A file every reported line is appended to as it comes (`summarize` reads it).
        var log: String?
    }

    private let settings: Settings
    private let lock = NSLock()
    private var queue: [[Int]]
    private(set) var lines: [Int: String] = [:]
    private(set) var failures: [String] = []

    init(settings: Settings, positions: [Int]) {
        self.settings = settings
        // Chunks in a seeded random order, so that a run stopped early has tried a sample of the
        // whole file, not its first part.
        var generator = SeededGenerator(seed: settings.seed)
        queue = stride(from: 0, to: positions.count, by: settings.chunk).map { Array(positions[$0..<min($0 + settings.chunk, positions.count)]) }
        queue.shuffle(using: &generator)
    }

    func run() {
        let group = DispatchGroup()
        for lane in 0..<settings.jobs {
            group.enter()
            Thread.detachNewThread { [self] in
                runLane(lane)
                group.leave()
            }
        }
        group.wait()
    }

    /// Appends `lines` to the log (called under the lock).
    private func append(_ lines: [String]) {
        guard let log = settings.log, !lines.isEmpty else { return }
        if !FileManager.default.fileExists(atPath: log) { FileManager.default.createFile(atPath: log, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: log) else { return }
        handle.seekToEndOfFile()
        handle.write(Data(lines.map { $0 + "\n" }.joined().utf8))
        handle.closeFile()
    }

    private func take() -> [Int]? {
        lock.withLock { queue.popLast() }
    }

    private func runLane(_ lane: Int) {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        while let chunk = take() {
            let directory = (settings.scratch as NSString).appendingPathComponent("casevault-tamper-\(getpid())-\(lane)")
            let timeout = 30 + Double(chunk.count) * settings.secondsPerPosition
            let arguments = ["work", settings.vault, String(settings.seed), directory] + chunk.map(String.init)
            let child: ChildProcess
            do {
                child = try ChildProcess(executable: executable, arguments: arguments, environment: ProcessInfo.processInfo.environment,
                                         timeout: timeout)
            } catch {
                lock.withLock { failures.append("could not start a worker: \(error)") }
                return
            }
            let ending = child.wait()
            var reported: [Int: String] = [:]
            for line in child.outputText.split(separator: "\n") {
                if let position = Int(line.prefix { $0 != " " }) { reported[position] = String(line) }
            }
            lock.withLock {
                lines.merge(reported) { $1 }
                append(reported.values.sorted())
            }
            if ending == .exited(0) { continue }
            guard let culprit = chunk.first(where: { reported[$0] == nil }) else { continue }
            if case .exited(let status) = ending, reported.isEmpty {
                // It never got to a position: the sweep itself failed (e.g. the reference).
                lock.withLock { failures.append("worker exited \(status) before any position: \(child.errorText.prefix(2000))") }
                return
            }
            let what: String
            switch ending {
            case .timedOut: what = "HANG"
            case .signalled(let signal): what = "CRASH:signal_\(signal)"
            case .exited(let status): what = "CRASH:exit_\(status)"
            }
            let mask = Mask.at(culprit, seed: settings.seed)
            FileHandle.standardError.write(Data("position \(culprit) mask \(mask): \(what) \(child.errorText.suffix(500))\n".utf8))
            lock.withLock {
                lines[culprit] = "\(culprit) \(mask) " + SweepOperations.names.map { "\($0)=\(what)" }.joined(separator: " ")
                append([lines[culprit]!])
                let rest = chunk.drop { $0 != culprit }.dropFirst().filter { reported[$0] == nil }
                if !rest.isEmpty { queue.append(Array(rest)) }
            }
        }
    }
}
