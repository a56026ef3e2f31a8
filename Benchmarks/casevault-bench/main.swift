// casevault-bench: times CaseVault's encrypted store against a plaintext SQLite baseline written
// through the same database layer, in the same run. Not part of `swift test`.
// Modes: the store benchmark (default), `--audit-trail`, `--stats` (statistics over a whole vault:
// builds, then re-runs itself as `--stats-only DIR` so that peak RSS is the query's own), `--age-mb N`
// (age encryption against the age binary), `--backends` (the same vault on SQLite, PostgreSQL and in memory),
// `--scale` (one vault grown to a million cases: how each figure grows). The store benchmark also
// replays its rows and queries on SQLite and SQLCipher (Benchmarks/anchor/anchor.c, issue 13).
import Foundation

let options: BenchOptions
do {
    options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("casevault-bench: \(error)\n\n\(BenchOptions.usage)".utf8))
    exit(2)
}

let fileManager = FileManager.default
let workDirectory: String
let removeWholeDirectory: Bool
if let directory = options.directory {
    workDirectory = directory
    removeWholeDirectory = !fileManager.fileExists(atPath: directory)
} else {
    workDirectory = fileManager.temporaryDirectory.appendingPathComponent("casevault-bench-\(UUID().uuidString)").path
    removeWholeDirectory = true
}

func cleanUp() {
    guard !options.keep else {
        FileHandle.standardError.write(Data("[casevault-bench] kept files in \(workDirectory)\n".utf8))
        return
    }
    if removeWholeDirectory {
        try? fileManager.removeItem(atPath: workDirectory)
    } else {
        for name in ["encrypted.casevault", "baseline.sqlite"] {
            for suffix in ["", "-wal", "-shm"] { try? fileManager.removeItem(atPath: workDirectory + "/" + name + suffix) }
        }
        for library in AnchorProgram.Library.allCases.map(\.rawValue) {
            for suffix in ["", ".json", ".cc.log"] { try? fileManager.removeItem(atPath: workDirectory + "/anchor-" + library + suffix) }
        }
        try? fileManager.removeItem(atPath: workDirectory + "/anchor-schema.sql")
    }
}

/// Prints a statistics report as the options ask (text, or JSON on stdout or to a file).
func emit(_ stats: StatsReport) throws {
    if options.json != "-" { print(stats.text()) }
    if let json = options.json {
        let data = try stats.json()
        if json == "-" {
            FileHandle.standardOutput.write(data)
            print()
        } else {
            try data.write(to: URL(fileURLWithPath: json))
        }
    }
}

if let directory = options.statsOnly {
    do {
        let result = try StatisticsBenchmark.measure(directory, options: options)
        if options.json == "-" {
            // The parent reads one size's result.
            FileHandle.standardOutput.write(try StatsReport.encoder.encode(result))
        } else {
            var report = StatsReport.header(seed: result.manifest.seed)
            report.sizes = [result]
            report.notes = StatisticsBenchmark.notes(baselineAudit: result.manifest.baselineAudit)
            try emit(report)
        }
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("casevault-bench: \(error)\n".utf8))
        exit(1)
    }
}

do {
    try fileManager.createDirectory(atPath: workDirectory, withIntermediateDirectories: true,
                                    attributes: [.posixPermissions: 0o700])
    if let megabytes = options.ageMegabytes {
        defer { cleanUp() }
        print(try AgeBenchmark(megabytes: megabytes, directory: workDirectory).run())
        exit(0)
    }
    if options.backends {
        let report: BackendReport
        do {
            report = try StorageBackendBenchmark(options: options, directory: workDirectory).run()
        } catch {
            cleanUp()
            throw error
        }
        cleanUp()
        print(report.text())
        exit(0)
    }
    if !options.scaleSizes.isEmpty {
        let report = Result { try ScaleBenchmark(options: options, directory: workDirectory).run() }
        cleanUp()
        print(try report.get())
        exit(0)
    }
    if options.auditTrail {
        defer { cleanUp() }
        print(try AuditTrailBenchmark(options: options, directory: workDirectory).run())
        exit(0)
    }
    if options.stats {
        let stats: StatsReport
        do {
            stats = try StatisticsBenchmark(options: options, directory: workDirectory).run()
        } catch {
            cleanUp()
            throw error
        }
        cleanUp()
        try emit(stats)
        exit(0)
    }
    let report: BenchReport
    do {
        report = try BenchmarkRun(options: options, directory: workDirectory).run()
    } catch {
        cleanUp()
        throw error
    }
    if options.json != "-" { print(report.text()) }
    if options.quick, options.json != "-" {
        // The smoke run exercises the statistics benchmark too (text only).
        do {
            print(try StatisticsBenchmark(options: options, directory: workDirectory).run().text())
        } catch {
            cleanUp()
            throw error
        }
    }
    cleanUp()
    if let json = options.json {
        let data = try report.json()
        if json == "-" {
            FileHandle.standardOutput.write(data)
            print()
        } else {
            try data.write(to: URL(fileURLWithPath: json))
        }
    }
} catch {
    FileHandle.standardError.write(Data("casevault-bench: \(error)\n".utf8))
    exit(1)
}
