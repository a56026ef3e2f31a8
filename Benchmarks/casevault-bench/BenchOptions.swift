import Foundation

/// Command-line settings of one run, with the sample counts each mode uses.
struct BenchOptions {
    static let usage = """
        usage: casevault-bench [--sizes 10000,100000] [--quick] [--dir PATH] [--keep]
                               [--json [PATH]] [--migrations DIR] [--seed N] [--baseline-audit on|off]
                               [--no-anchor] [--anchor-source PATH] [--casevault PATH] [--import-cases N]
               casevault-bench --stats [--stats-sizes 100000,1000000] [--quick] [--dir PATH] [--keep] ...
               casevault-bench --stats-only DIR [--json [PATH]]
               casevault-bench --age-mb N [--dir PATH]
               casevault-bench --backends [--backend-cases N] [--postgres-url URL] [--writer-seconds S] [--dir PATH]
               casevault-bench --scale 10000,100000,1000000 [--dir PATH]
          --sizes       vault sizes to build and measure, ascending (default 10000,100000)
          --quick       smoke run: one 2000-case vault and few samples, then the statistics
                        benchmark on 2000 cases (with --stats: only the latter)
          --dir PATH    work directory (default: a fresh temporary directory)
          --keep        keep the vault files afterwards (default: delete them)
          --json [PATH] also write the results as JSON to PATH; without PATH, print JSON instead of tables
          --migrations  directory of the schema SQL files the baseline applies (default: the
                        repository's Migrations/, found from this source file or the working directory)
          --seed N      seed of the synthetic data (default 20251124)
          --no-anchor   leave out the columns of issue 13: the same rows and queries replayed by a C program
                        (Benchmarks/anchor/anchor.c, compiled with cc) on plain SQLite and on SQLCipher
          --anchor-source PATH
                        the anchor program's source (default: Benchmarks/anchor/anchor.c, found from this source file)
          --casevault PATH
                        the casevault executable whose `case create --from` import is timed (default: the one
                        next to this benchmark's executable)
          --import-cases N
                        cases of that whole-process import, JSON Lines with ~1 KiB narratives (default 50000;
                        2000 with --quick; 0: no import)
          --audit-trail only measure the audit trail: what an audit entry adds to a single durable
                        create, and `audit verify` of a 1,000,000-entry trail (--audit-entries N)
          --stats       only the statistics benchmark: build a vault of intake-like cases (~88% consenting,
                        report dates over 24 months) and its plaintext mirror per size, then, in a child
                        process that only opens them, time the facts scan, a 2-D table (incident-type ×
                        age-group, threshold 5) and the monthly standard report, with peak RSS
          --stats-sizes statistics vault sizes, ascending (default 100000,1000000); implies --stats.
                        With --dir PATH --keep, a size already built there (PATH/stats-N) is reused
          --stats-only DIR
                        measure the vault and baseline already built in DIR (a PATH/stats-N kept by --stats)
          --age-mb N    only the age benchmark: encrypt and decrypt N MiB of random bytes to one X25519
                        recipient with CaseVault's age implementation and with /usr/bin/age, MiB/s and ratio
          --backends    only the storage backend benchmark: the same vault operations on SQLite, PostgreSQL on
                        loopback and in memory, alternating, in one run: bulk create, single durable create, open by
                        code, find by full name, a statistics query, and 1, 2 and 4 concurrent writers
          --backend-cases N
                        cases of the backends benchmark's vaults (default 10000); implies --backends
          --postgres-url URL
                        the PostgreSQL server the backends benchmark uses, as a role that may create databases
                        (password from CASEVAULT_DB_PASSWORD or CASEVAULT_DB_PASSWORD_FILE); default: a throwaway
                        cluster started with scripts/postgres-test-cluster and made durable (fsync, synchronous_commit)
          --writer-seconds S
                        how long each concurrent-writers run lasts (default 10)
          --scale SIZES one vault grown through SIZES (ascending); at each: bulk create, open by code, find by full
                        name and surname, single durable create, statistics facts scan, audit verify of the whole trail
                        and a rekey, each with its per-case cost and its own peak RSS
          --baseline-audit on|off
                        whether the plaintext baseline writes the vault's audit entries too (default on:
                        the ratios then isolate encryption; off: they include the audit trail's cost)

        """

    var sizes = [10_000, 100_000]
    var quick = false
    var directory: String?
    var keep = false
    /// nil: no JSON; "-": JSON on stdout instead of the tables; else a file path.
    var json: String?
    var migrations: String?
    var seed: UInt64 = 20_251_124
    var baselineAudit = true
    /// Whether the store benchmark also runs the SQLite / SQLCipher anchor (issue 13).
    var anchor = true
    var anchorSource: String?
    var casevault: String?
    /// Cases of the whole-process `case create --from` import; 0: none.
    var importCases = 50_000
    var auditTrail = false
    var auditEntries = 1_000_000
    var stats = false
    var statsSizes = [100_000, 1_000_000]
    var statsOnly: String?
    /// MiB the age benchmark encrypts; nil: no age benchmark.
    var ageMegabytes: Int?
    /// Cases per `createCases` call when building a statistics vault.
    var statsBatch = 5000
    var backends = false
    var backendCases = 10_000
    /// The server for `--backends`; nil: a throwaway cluster of its own.
    var postgresURL: String?
    var writerSeconds = 10.0
    /// Sizes of the scale benchmark; empty: no scale benchmark.
    var scaleSizes: [Int] = []

    var batchSize = 1000
    var singleSamples = 200
    var openSamples = 2000
    var findSamples = 2000
    var unlockRuns = 5
    var warmup = 50

    static func parse(_ arguments: [String]) throws -> BenchOptions {
        var options = BenchOptions()
        var explicitSizes = false
        var explicitStatsSizes = false
        var explicitImportCases = false
        var index = 0
        func value(_ flag: String) throws -> String {
            index += 1
            guard index < arguments.count else { throw BenchError("\(flag) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--sizes":
                let list = try value(argument).split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")) }
                guard !list.isEmpty, list.allSatisfy({ ($0 ?? 0) > 0 }) else { throw BenchError("--sizes wants positive integers") }
                options.sizes = list.compactMap { $0 }.sorted()
                explicitSizes = true
            case "--quick": options.quick = true
            case "--stats": options.stats = true
            case "--stats-sizes":
                let list = try value(argument).split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")) }
                guard !list.isEmpty, list.allSatisfy({ ($0 ?? 0) > 0 }) else { throw BenchError("--stats-sizes wants positive integers") }
                options.statsSizes = list.compactMap { $0 }.sorted()
                options.stats = true
                explicitStatsSizes = true
            case "--stats-only": options.statsOnly = try value(argument)
            case "--scale":
                let list = try value(argument).split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")) }
                guard !list.isEmpty, list.allSatisfy({ ($0 ?? 0) >= 1000 }) else { throw BenchError("--scale wants integers of at least 1000") }
                options.scaleSizes = list.compactMap { $0 }.sorted()
            case "--audit-trail": options.auditTrail = true
            case "--no-anchor": options.anchor = false
            case "--anchor-source": options.anchorSource = try value(argument)
            case "--casevault": options.casevault = try value(argument)
            case "--import-cases":
                guard let count = Int(try value(argument).replacingOccurrences(of: "_", with: "")), count >= 0 else {
                    throw BenchError("--import-cases wants a non-negative integer")
                }
                options.importCases = count
                explicitImportCases = true
            case "--backends": options.backends = true
            case "--backend-cases":
                guard let count = Int(try value(argument).replacingOccurrences(of: "_", with: "")), count >= 1000 else {
                    throw BenchError("--backend-cases wants an integer of at least 1000")
                }
                options.backendCases = count
                options.backends = true
            case "--postgres-url":
                options.postgresURL = try value(argument)
                options.backends = true
            case "--writer-seconds":
                guard let seconds = Double(try value(argument)), seconds > 0 else { throw BenchError("--writer-seconds wants a positive number") }
                options.writerSeconds = seconds
            case "--audit-entries":
                guard let count = Int(try value(argument)), count > 0 else { throw BenchError("--audit-entries wants a positive integer") }
                options.auditEntries = count
            case "--age-mb":
                guard let megabytes = Int(try value(argument)), megabytes > 0, megabytes <= 1024 else {
                    throw BenchError("--age-mb wants an integer from 1 to 1024")
                }
                options.ageMegabytes = megabytes
            case "--dir": options.directory = try value(argument)
            case "--keep": options.keep = true
            case "--json":
                if index + 1 < arguments.count, !arguments[index + 1].hasPrefix("--") {
                    options.json = try value(argument)
                } else {
                    options.json = "-"
                }
            case "--migrations": options.migrations = try value(argument)
            case "--seed":
                guard let seed = UInt64(try value(argument)) else { throw BenchError("--seed wants an unsigned integer") }
                options.seed = seed
            case "--baseline-audit":
                switch try value(argument) {
                case "on": options.baselineAudit = true
                case "off": options.baselineAudit = false
                default: throw BenchError("--baseline-audit wants on or off")
                }
            case "--help", "-h":
                print(usage)
                exit(0)
            default: throw BenchError("unknown argument \(argument)")
            }
            index += 1
        }
        if options.quick {
            if !explicitSizes { options.sizes = [2000] }
            if !explicitStatsSizes { options.statsSizes = [2000] }
            if !explicitImportCases { options.importCases = 2000 }
            options.statsBatch = 1000
            options.singleSamples = 50
            options.openSamples = 300
            options.findSamples = 300
            options.unlockRuns = 2
            options.warmup = 20
        }
        return options
    }

    /// The migration SQL files, sorted by name as the CaseStore build plugin embeds them.
    func migrationFiles() throws -> [(name: String, sql: String)] {
        let fromSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Migrations").path
        let candidates = migrations.map { [$0] } ?? [fromSource, FileManager.default.currentDirectoryPath + "/Migrations"]
        for directory in candidates {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            let files = try names.filter { $0.hasSuffix(".sql") }.sorted().map {
                (name: String($0.dropLast(".sql".count)), sql: try String(contentsOfFile: directory + "/" + $0, encoding: .utf8))
            }
            if !files.isEmpty { return files }
        }
        throw BenchError("no migration .sql files in \(candidates.joined(separator: " or ")); pass --migrations DIR")
    }
}
