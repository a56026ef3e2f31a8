// casevault-bench: times CaseVault's encrypted store against a plaintext SQLite baseline written
// through the same database layer, in the same run. Not part of `swift test`.
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
    }
}

do {
    try fileManager.createDirectory(atPath: workDirectory, withIntermediateDirectories: true,
                                    attributes: [.posixPermissions: 0o700])
    if options.auditTrail {
        defer { cleanUp() }
        print(try AuditTrailBenchmark(options: options, directory: workDirectory).run())
        exit(0)
    }
    let report: BenchReport
    do {
        report = try BenchmarkRun(options: options, directory: workDirectory).run()
    } catch {
        cleanUp()
        throw error
    }
    cleanUp()
    if options.json != "-" { print(report.text()) }
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
