import Foundation

// casevault-tamper-sweep: the tamper sweep of issue 14 (scripts/tamper-sweep runs it in release,
// TamperSweepTests a sample in debug). Written by hand: a test driver, not part of the program.
//   make VAULT [CASES]                     writes the sweep's vault (default 50 cases)
//   sweep VAULT SEED all|sample:N [JOBS]   flips positions in worker processes, prints the summary,
//                                          exits 1 on any WRONG, crash or hang
//   work VAULT SEED DIR POSITION...        a worker (started by sweep)
//   summarize LOG SIZE                     the summary of the lines a sweep appended to LOG
//                                          ($CASEVAULT_SWEEP_LOG), e.g. of a run stopped early
// The mask XORed into position p is a non-zero byte drawn from SEED and p (Mask.at).
let arguments = Array(CommandLine.arguments.dropFirst())

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("casevault-tamper-sweep: \(message)\n".utf8))
    exit(2)
}

do {
    switch arguments.first {
    case "make" where arguments.count >= 2:
        try SweepVault.make(at: arguments[1], cases: arguments.count > 2 ? Int(arguments[2]) ?? 50 : 50)
    case "work" where arguments.count >= 4:
        guard let seed = UInt64(arguments[2]) else { fail("bad seed") }
        try SweepWorker.run(vault: arguments[1], seed: seed, directory: arguments[3], positions: arguments.dropFirst(4).compactMap { Int($0) })
    case "sweep" where arguments.count >= 4:
        guard let seed = UInt64(arguments[2]) else { fail("bad seed") }
        let size = try FileManager.default.attributesOfItem(atPath: arguments[1])[.size] as? Int ?? 0
        let positions = try SweepPositions.choose(arguments[3], vault: arguments[1], size: size, seed: seed)
        let jobs = arguments.count > 4 ? Int(arguments[4]) ?? 2 : 2
        let scratch = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let started = Date()
        let coordinator = SweepCoordinator(settings: .init(vault: arguments[1], seed: seed, jobs: jobs, chunk: 100,
                                                           secondsPerPosition: 5, scratch: scratch,
                                                           log: ProcessInfo.processInfo.environment["CASEVAULT_SWEEP_LOG"]),
                                            positions: positions)
        coordinator.run()
        let summary = SweepSummary(lines: coordinator.lines)
        print(summary.text(fileSize: size, seconds: Date().timeIntervalSince(started), note: "\(arguments[3]), seed \(seed), \(jobs) workers"))
        if !coordinator.failures.isEmpty { fail(coordinator.failures.joined(separator: "\n")) }
        if summary.positions != positions.count { fail("only \(summary.positions) of \(positions.count) positions reported") }
        exit(summary.isClean ? 0 : 1)
    case "summarize" where arguments.count == 3:
        var lines: [Int: String] = [:]
        for line in try String(contentsOfFile: arguments[1], encoding: .utf8).split(separator: "\n") {
            if let position = Int(line.prefix { $0 != " " }) { lines[position] = String(line) }
        }
        let summary = SweepSummary(lines: lines)
        print(summary.text(fileSize: Int(arguments[2]) ?? 0, seconds: 0, note: "from \(arguments[1])"))
        exit(summary.isClean ? 0 : 1)
    default:
        fail("usage: casevault-tamper-sweep make VAULT [CASES] | sweep VAULT SEED all|sample:N [JOBS] | work VAULT SEED DIR POSITION... | summarize LOG SIZE")
    }
} catch {
    fail("\(error)")
}
