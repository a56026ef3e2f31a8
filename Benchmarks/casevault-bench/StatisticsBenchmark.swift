@_spi(Benchmarks) import CaseStore
import Foundation
import GRDB
import Statistics
import VaultCrypto
#if canImport(Glibc)
import Glibc
#endif

/// `--stats`: what statistics cost over a whole vault. For each size N the parent process builds
/// an encrypted vault of N intake-like cases (`StatsCaseGenerator`, `createCases` 5000 per call,
/// so every case's facts are sealed and signed as in production) and the mirrored plaintext
/// baseline (`PlaintextSubject`: the same documents, and in `case_facts` the same facts bytes
/// unsealed), then runs itself as a child (`--stats-only DIR`) that opens the two files and
/// times, alternating vault and baseline round by round (3 rounds): the facts scan alone, one
/// two-dimension table (`--by incident-type,age-group`, all cases, threshold 5) and the standard
/// monthly report for the newest month. The child starts with nothing but the open files, so its
/// peak RSS is the query's own; the high-water mark is reset before every run
/// (`/proc/self/clear_refs`), so each figure is that run's peak.
struct StatisticsBenchmark {
    static let vaultFile = "encrypted.casevault"
    static let baselineFile = "baseline.sqlite"
    static let manifestFile = "manifest.json"
    static let user = EncryptedSubject.loaderUser
    static let passphrase = "correct horse battery staple"
    static let threshold = 5
    static let rounds = 3
    static let twoDimensions = ["incident-type", "age-group"]

    let options: BenchOptions
    let directory: String

    // MARK: parent: build, then measure in a child

    /// Builds (or reuses) each size and measures it in a child process.
    func run() throws -> StatsReport {
        var report = StatsReport.header(seed: options.seed)
        for size in options.statsSizes {
            let sizeDirectory = directory + "/stats-\(size)"
            let manifest: StatsManifest
            if let existing = Self.readManifest(sizeDirectory), existing.cases == size, existing.seed == options.seed {
                progress("reusing the vault and baseline of \(size) cases in \(sizeDirectory)")
                manifest = existing
            } else {
                manifest = try build(size: size, in: sizeDirectory)
            }
            progress("measuring \(manifest.cases) cases in a child process")
            report.sizes.append(try Self.measureInChild(sizeDirectory, options: options))
            if !options.keep { try? FileManager.default.removeItem(atPath: sizeDirectory) }
        }
        report.notes = Self.notes(baselineAudit: options.baselineAudit)
        return report
    }

    private func build(size: Int, in sizeDirectory: String) throws -> StatsManifest {
        let files = FileManager.default
        try? files.removeItem(atPath: sizeDirectory)
        try files.createDirectory(atPath: sizeDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let vaultPath = sizeDirectory + "/" + Self.vaultFile
        let vault = try Vault.create(path: vaultPath, admin: Self.user, passphrase: SecretBytes(Array(Self.passphrase.utf8)),
                                     options: VaultOptions(kdf: EncryptedSubject.testCost))
        let baseline = try PlaintextSubject(directory: sizeDirectory, migrationFiles: try options.migrationFiles(), seed: options.seed &+ 2,
                                            audit: options.baselineAudit, actor: Self.user)
        try BenchmarkRun.checkSameSchema(vaultPath, baseline.path)
        let today = Date()
        let thisMonth = ISODay.format(today).prefix(7)
        guard let lastMonth = FactMonth(iso: String(thisMonth))?.adding(-1) else { throw BenchError("no current month") }
        var generator = StatsCaseGenerator(seed: options.seed, lastMonth: lastMonth, today: today)
        var vaultSeconds = 0.0
        var generateSeconds = 0.0
        var consenting = 0
        var built = 0
        progress("building \(size) cases (vault: createCases \(options.statsBatch) per call; baseline: the same documents, "
                 + "on a second thread)")
        // The baseline loads each batch on a second thread while the vault loads it here and the
        // next batch is generated: the build is not what is measured, and this halves its wall time.
        let baselineBox = Unchecked(baseline)
        let baselineSeconds = Unchecked(0.0)
        let failure = Unchecked<(any Error)?>(nil)
        let queue = DispatchQueue(label: "casevault-bench.baseline-build")
        let start = ContinuousClock.now
        var documents: [CaseDocument] = []
        generateSeconds += Measure.time { documents = generator.batch(min(options.statsBatch, size)) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let sealedBytes = documents.reduce(0) { $0 + ((try? encoder.encode($1).count) ?? 0) + SealedValue.overhead } / max(documents.count, 1)
        while !documents.isEmpty {
            let batch = documents
            consenting += batch.filter(\.consent.statistics).count
            let group = DispatchGroup()
            queue.async(group: group) {
                do {
                    baselineSeconds.value += try Measure.time { try baselineBox.value.createBatch(batch) }
                } catch {
                    failure.value = error
                }
            }
            vaultSeconds += try Measure.time { _ = try vault.createCases(batch) }
            built += batch.count
            generateSeconds += Measure.time { documents = generator.batch(min(options.statsBatch, size - built)) }
            group.wait()
            if let error = failure.value { throw error }
            if built % (options.statsBatch * 10) == 0 || built == size {
                progress(String(format: "  %d / %d cases in %.0f s (vault %.0f cases/s, baseline %.0f cases/s, generating %.0f cases/s)",
                                built, size, Measure.seconds(ContinuousClock.now - start), Double(built) / vaultSeconds,
                                Double(built) / baselineSeconds.value, Double(built) / generateSeconds))
            }
        }
        let wall = Measure.seconds(ContinuousClock.now - start)
        let manifest = StatsManifest(
            cases: size, consenting: consenting, seed: options.seed, firstMonth: generator.firstMonth.description,
            lastMonth: lastMonth.description, buildDay: ISODay.format(today), batchSize: options.statsBatch,
            baselineAudit: options.baselineAudit, vaultBuildSeconds: vaultSeconds, baselineBuildSeconds: baselineSeconds.value,
            generateSeconds: generateSeconds, buildWallSeconds: wall,
            meanSealedDocumentBytes: sealedBytes, vaultFileBytes: BenchmarkRun.fileBytes(vaultPath),
            baselineFileBytes: BenchmarkRun.fileBytes(baseline.path))
        try StatsReport.encoder.encode(manifest).write(to: URL(fileURLWithPath: sizeDirectory + "/" + Self.manifestFile))
        return manifest
    }

    static func readManifest(_ sizeDirectory: String) -> StatsManifest? {
        guard let data = FileManager.default.contents(atPath: sizeDirectory + "/" + manifestFile) else { return nil }
        return try? JSONDecoder().decode(StatsManifest.self, from: data)
    }

    /// Runs `casevault-bench --stats-only DIR --json -` and reads its result.
    static func measureInChild(_ sizeDirectory: String, options: BenchOptions) throws -> StatsSizeResult {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        var arguments = ["--stats-only", sizeDirectory, "--json", "-"]
        if let migrations = options.migrations { arguments += ["--migrations", migrations] }
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("the measuring child process failed (status \(process.terminationStatus))") }
        return try StatsReport.decoder.decode(StatsSizeResult.self, from: data)
    }

    // MARK: child: open the built files and measure

    /// `--stats-only DIR`: measures the vault and baseline built in DIR.
    static func measure(_ sizeDirectory: String, options: BenchOptions) throws -> StatsSizeResult {
        guard let manifest = readManifest(sizeDirectory) else { throw BenchError("no \(manifestFile) in \(sizeDirectory): build with --stats first") }
        guard let lastMonth = FactMonth(iso: manifest.lastMonth) else { throw BenchError("bad month in the manifest") }
        let loadBefore = Memory.loadAverage()
        let peakResets = Memory.resetPeak()
        let vault = try Vault(path: sizeDirectory + "/" + vaultFile).unlock(user: user, passphrase: SecretBytes(Array(passphrase.utf8)))
        let baseline = try PlainFactsReader(path: sizeDirectory + "/" + baselineFile, migrations: try options.migrationFiles())
        let openRSS = Memory.currentRSS()
        progress("opened \(manifest.cases) cases; process RSS \(Memory.megabytes(openRSS))")

        let sources: [(String, FactsSource)] = [("vault", { try vault.forEachFacts($0) }), ("baseline", { try baseline.forEachFacts($0) })]
        var first: [Double] = []
        for (name, source) in sources {
            var count = 0
            first.append(try Measure.time { try source { _ in count += 1 } })
            progress("  first \(name) scan: \(count) consenting cases; process RSS now \(Memory.megabytes(Memory.currentRSS()))")
        }

        let monthly = "monthly report \(lastMonth) (\(StandardReport.layout.count) tables)"
        let operations: [(name: String, run: (FactsSource) throws -> Outcome)] = [
            ("facts scan only", { source in
                var count = 0
                let collect = try Measure.time { try source { _ in count += 1 } }
                return Outcome(collect: collect, release: 0, count: count)
            }),
            ("2-D table " + twoDimensions.joined(separator: " × "), { source in
                var tabulator = Tabulator([("table", try StatisticsQuery(by: twoDimensions))])
                var count = 0
                let collect = try Measure.time { try source { count += 1; tabulator.add($0) } }
                var release: StatisticsRelease?
                var refusal: String?
                let releaseTime = Measure.time {
                    do { release = try tabulator.release(threshold: threshold) } catch { refusal = "\(error)" }
                }
                return Outcome(collect: collect, release: releaseTime, count: count, released: release, median: nil, refusal: refusal)
            }),
            (monthly, { source in
                var report = try StandardReport(from: lastMonth, to: lastMonth, excludeReportedElsewhere: false)
                var count = 0
                let collect = try Measure.time { try source { count += 1; report.add($0) } }
                var release: (release: StatisticsRelease, medianDaysToReferral: Int?)?
                var refusal: String?
                let releaseTime = Measure.time {
                    do { release = try report.release(threshold: threshold) } catch { refusal = "\(error)" }
                }
                return Outcome(collect: collect, release: releaseTime, count: count, released: release?.release,
                               median: release?.medianDaysToReferral, refusal: refusal)
            }),
        ]
        var results: [StatsOperation] = []
        var hidden: [String: Int] = [:]
        for operation in operations {
            progress("  \(operation.name): \(rounds) rounds, vault and baseline alternately")
            var runs: [[Outcome]] = [[], []]
            for round in 0..<rounds {
                for side in (round % 2 == 0 ? [0, 1] : [1, 0]) {
                    Memory.resetPeak()
                    var outcome = try operation.run(sources[side].1)
                    outcome.peakRSS = Memory.peakRSS()
                    runs[side].append(outcome)
                }
            }
            progress("    process RSS now \(Memory.megabytes(Memory.currentRSS()))")
            let reference = runs[0][0]
            guard (runs[0] + runs[1]).allSatisfy({ $0.sameResult(as: reference) }) else {
                throw BenchError("\(operation.name): the vault and the baseline released different tables")
            }
            hidden[operation.name] = reference.hidden
            let vaultTiming = StatsTiming(runs[0])
            let baselineTiming = StatsTiming(runs[1])
            results.append(StatsOperation(operation: operation.name, vault: vaultTiming, baseline: baselineTiming,
                                          ratio: vaultTiming.total.median / baselineTiming.total.median,
                                          consenting: reference.count, hiddenCounts: reference.hidden,
                                          tables: reference.tableCount, refusal: reference.refusal))
        }

        progress("  profiling: SQL rows alone, and per-row CPU work")
        var rowsOnly: [Double] = []
        for _ in 0..<rounds { rowsOnly.append(try Measure.time { try baseline.forEachFactsRow { _ in } }) }
        let profile = try FactsProfile.run(baseline: baseline, limit: 20_000, lastMonth: lastMonth)
        progress("  Incident Recorder export: \(rounds) rounds, then age throughput on its CSV")
        let incidentRecorder = try IncidentRecorderMeasurement.measure(vault, baseline: baseline, directory: sizeDirectory, rounds: rounds)

        return StatsSizeResult(manifest: manifest, processRSSAfterOpen: openRSS, peakResetWorks: peakResets,
                               rusageMaxAtEnd: Memory.rusagePeak(), loadBefore: loadBefore, loadAfter: Memory.loadAverage(),
                               firstScanVaultSeconds: first[0], firstScanBaselineSeconds: first[1], operations: results,
                               baselineRowsOnePass: Stats(rowsOnly), profile: profile, incidentRecorder: incidentRecorder)
    }

    static func progress(_ message: String) {
        FileHandle.standardError.write(Data("[casevault-bench] \(message)\n".utf8))
    }

    private func progress(_ message: String) { Self.progress(message) }

    static func notes(baselineAudit: Bool) -> [String] {
        [
            "ratio = vault median / baseline median of the whole operation (facts scan + tally + release).",
            "Vault: UnlockedVault.forEachFacts as a supervisor's query runs it (one pass over the covering index of live cases "
                + "joined to their facts, read on a second thread (ScanFeed) while the caller's thread does the rest: counting any without facts, opening each case's sealed facts — AES-256-GCM under the "
                + "statistics key, bound to vault, code and version, one cipher context per scan — and decoding them), the "
                + "Statistics Tabulator / StandardReport, and release with threshold 5 (cell suppression + GLPK audit).",
            "Baseline: the same documents written by PlaintextSubject (same schema, statements and transactions; audit entries "
                + (baselineAudit ? "ON" : "OFF") + "), with each case's facts in case_facts.sealed as the plain codec bytes "
                + "(CaseFacts.plainBytes: the same layout and 128-byte padding), read in one pass by the same join over the same "
                + "covering index, on a second thread through the same ScanFeed, with the same missing-facts count and version check, decoded and fed to the same Tabulator / StandardReport and release. The two sides must release "
                + "identical tables or the run stops.",
            "The vault's cases also carry a signed state (Ed25519, issue 8) the baseline leaves NULL, so vault rows are slightly larger.",
            "Peak RSS: the measuring child's high-water mark (VmHWM, the figure getrusage ru_maxrss reports for the process's "
                + "own address space), reset (/proc/self/clear_refs 5) before each run; the figure is the largest over the 3 runs "
                + "and includes the process's floor (RSS after opening both files, shown per size). ru_maxrss itself is not used "
                + "per run because Linux also folds into it the peak of the image that exec replaced (the building parent, which "
                + "spawned the child), and clear_refs cannot reset that; it is shown once per size for reference.",
            "Files were just written by the build, so their pages are in the OS cache (23 GiB RAM): these are warm scans. "
                + "Times with a cold cache would add reading the files from disk.",
        ]
    }
}

/// A value handed to the baseline-building thread; only one thread touches it at a time (the
/// main thread waits for the batch before it reads or writes again).
final class Unchecked<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}

/// A scan over every consenting case's facts.
typealias FactsSource = ((CaseFacts) throws -> Void) throws -> Void

/// What one run produced, and its timings.
struct Outcome {
    var collect: Double
    var release: Double
    var count: Int
    var tables: [(id: String, table: ReleasedTable)] = []
    var median: Int?
    /// Why disclosure control refused the release (then nothing would be shown).
    var refusal: String?
    var peakRSS: Int64 = 0

    init(collect: Double, release: Double, count: Int, released: StatisticsRelease? = nil, median: Int? = nil, refusal: String? = nil) {
        self.collect = collect
        self.release = release
        self.count = count
        tables = released?.tables ?? []
        self.median = median
        self.refusal = refusal
    }

    var hidden: Int { tables.reduce(0) { $0 + $1.table.hiddenCount } }
    var tableCount: Int { tables.count }

    func sameResult(as other: Outcome) -> Bool {
        count == other.count && median == other.median && refusal == other.refusal && tables.count == other.tables.count
            && zip(tables, other.tables).allSatisfy { $0.id == $1.id && $0.table == $1.table }
    }
}

/// The baseline's facts read exactly as `UnlockedVault.forEachFacts` + `SQLiteVaultStorage.forEachFactsRow`
/// read the vault's, minus opening the seal.
final class PlainFactsReader {
    struct Row: Sendable {
        var code: String
        var version: Int
        var factsVersion: Int?
        var bytes: [UInt8]?
    }

    private let queue: DatabaseQueue

    init(path: String, migrations: [(name: String, sql: String)]) throws {
        queue = try PlaintextSubject.open(path: path, migrations: migrations, isNew: false)
    }

    func forEachFactsRow(_ body: (Row) throws -> Void) throws {
        try queue.read { db in
            let rows = try GRDB.Row.fetchCursor(db, sql: """
                SELECT c.code, c.version, f.case_version, f.sealed FROM cases c INDEXED BY cases_facts_scan
                LEFT JOIN case_facts f ON f.case_id = c.id WHERE c.status != 'erased' ORDER BY c.id
                """)
            while let row = try rows.next() {
                let bytes: Data? = row[3]
                try body(Row(code: row[0], version: row[1], factsVersion: row[2], bytes: bytes.map { Array($0) }))
            }
        }
    }

    /// One pass, as `UnlockedVault.forEachFacts`: rows read on a second thread (the same
    /// `ScanFeed`), rows without facts counted and refused at the end.
    func forEachFacts(_ body: (CaseFacts) throws -> Void) throws {
        let source = UncheckedReader(reader: self)
        let feed = ScanFeed<Row> { row in try source.reader.forEachFactsRow(row) }
        defer { feed.stop() }
        var missing = 0
        while let batch = try feed.next() {
            for row in batch {
                guard let bytes = row.bytes else {
                    missing += 1
                    continue
                }
                guard missing == 0 else { continue }
                guard row.factsVersion == row.version, let facts = CaseFacts.fromPlainBytes(bytes) else {
                    throw BenchError("bad baseline facts row \(row.code)")
                }
                if let facts { try body(facts) }
            }
        }
        guard missing == 0 else { throw BenchError("\(missing) baseline cases without facts") }
    }

    /// This reader handed to the feed's thread (its GRDB queue serializes every access).
    private struct UncheckedReader: @unchecked Sendable {
        let reader: PlainFactsReader
    }
}

/// Peak and current resident set size of this process.
enum Memory {
    /// Resets the high-water mark to the current RSS (Linux ≥ 4.0); false where that is refused.
    @discardableResult
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data("5".utf8))
            return true
        } catch {
            return false
        }
    }

    /// The peak RSS since the last reset, in bytes: the address space's high-water mark
    /// (`VmHWM`), which is what getrusage's ru_maxrss reports for this process — except that
    /// ru_maxrss also keeps the high-water mark of whatever image exec replaced (here the
    /// building parent, which spawned this process), and clear_refs cannot reset that part.
    static func peakRSS() -> Int64 {
        let hwm = status("VmHWM")
        return hwm > 0 ? hwm : rusagePeak()
    }

    /// getrusage(RUSAGE_SELF) ru_maxrss, in bytes.
    static func rusagePeak() -> Int64 {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return Int64(usage.ru_maxrss) * 1024
    }

    /// A `kB` line of /proc/self/status, in bytes (0 when missing).
    private static func status(_ field: String) -> Int64 {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            let number = line.dropFirst(field.count + 1).trimmingCharacters(in: .whitespaces).split(separator: " ").first
            return (number.flatMap { Int64($0) } ?? 0) * 1024
        }
        return 0
    }

    /// The 1-, 5- and 15-minute load averages.
    static func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "").split(separator: " ").prefix(3).joined(separator: " ")
    }

    static func currentRSS() -> Int64 {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int64(fields[1]) else { return 0 }
        return pages * Int64(sysconf(Int32(_SC_PAGESIZE)))
    }

    static func megabytes(_ bytes: Int64) -> String { String(format: "%.1f MB", Double(bytes) / 1e6) }
}

/// The per-row CPU work of a facts scan outside the database, on facts of the built baseline:
/// what only the vault does (associated data, AES-GCM open of the 128-byte padded record) and
/// what both do (decode, tally). Mean microseconds per row.
struct FactsProfile: Codable {
    var rows: Int
    var associatedDataMicros: Double
    var openMicros: Double
    var decodeMicros: Double
    var twoDimensionTallyMicros: Double
    var monthlyTallyMicros: Double
    var sealedBytes: Double

    static func run(baseline: PlainFactsReader, limit: Int, lastMonth: FactMonth) throws -> FactsProfile {
        var records: [(code: String, version: Int, bytes: [UInt8])] = []
        try? baseline.forEachFactsRow { row in
            guard records.count < limit else { throw BenchError("enough") }
            records.append((row.code, row.version, row.bytes ?? []))
        }
        let n = Double(max(records.count, 1))
        let micros = { (seconds: Double) in seconds / n * 1e6 }
        let key = try SecretBytes.random(count: 32)
        let vaultID = try SecureRandom.bytes(count: 16)
        // As `FactsReader`: the fixed part of the associated data built once, code and version per row
        // in one reused buffer (the copy kept here for the open below is the profile's own cost).
        let prefix = Array(associatedData(vaultID: vaultID, code: "", version: 0).dropLast(3))
        var associated: [[UInt8]] = []
        var buffer: [UInt8] = []
        let adTime = Measure.time {
            for record in records {
                buffer.removeAll(keepingCapacity: true)
                buffer += prefix
                buffer += record.code.utf8
                buffer += [0, UInt8(ascii: "v")]
                buffer += String(record.version).utf8
                associated.append(buffer)
            }
        }
        var sealed: [[UInt8]] = []
        for (index, record) in records.enumerated() {
            sealed.append(try SealedValue.seal(record.bytes, key: key, associatedData: associated[index]))
        }
        let opener = try SealedValueOpener(key: key)
        let openTime = try Measure.time {
            for (index, value) in sealed.enumerated() { _ = try opener.open(value, associatedData: associated[index]) }
        }
        var facts: [CaseFacts] = []
        let decodeTime = Measure.time {
            for record in records { if case let value?? = CaseFacts.fromPlainBytes(record.bytes) { facts.append(value) } }
        }
        var tabulator = Tabulator([("table", try StatisticsQuery(by: StatisticsBenchmark.twoDimensions))])
        let tallyTime = Measure.time { for value in facts { tabulator.add(value) } }
        var report = try StandardReport(from: lastMonth, to: lastMonth, excludeReportedElsewhere: false)
        let reportTime = Measure.time { for value in facts { report.add(value) } }
        return FactsProfile(rows: records.count, associatedDataMicros: micros(adTime), openMicros: micros(openTime),
                            decodeMicros: micros(decodeTime),
                            twoDimensionTallyMicros: facts.isEmpty ? 0 : tallyTime / Double(facts.count) * 1e6,
                            monthlyTallyMicros: facts.isEmpty ? 0 : reportTime / Double(facts.count) * 1e6,
                            sealedBytes: Double(sealed.reduce(0) { $0 + $1.count }) / n)
    }

    /// As `AssociatedData.caseFacts`: "casevault/v1" ‖ 0 ‖ "case_facts.sealed" ‖ 0 ‖ hex(vault id) ‖ 0 ‖ code ‖ 0 ‖ "v<version>".
    private static func associatedData(vaultID: [UInt8], code: String, version: Int) -> [UInt8] {
        var bytes = Array("casevault/v1".utf8)
        let hex = vaultID.map { let digits = String($0, radix: 16); return digits.count == 1 ? "0" + digits : digits }.joined()
        for part in ["case_facts.sealed", hex, code, "v\(version)"] {
            bytes.append(0)
            bytes += Array(part.utf8)
        }
        return bytes
    }
}

// MARK: results

struct StatsManifest: Codable {
    var cases: Int
    var consenting: Int
    var seed: UInt64
    var firstMonth: String
    var lastMonth: String
    var buildDay: String
    var batchSize: Int
    var baselineAudit: Bool
    /// Time inside `createCases` / the baseline's `createBatch`, summed (they ran side by side).
    var vaultBuildSeconds: Double
    var baselineBuildSeconds: Double
    var generateSeconds: Double
    var buildWallSeconds: Double
    var meanSealedDocumentBytes: Int
    var vaultFileBytes: Int64
    var baselineFileBytes: Int64
}

/// One side's timings of an operation over the rounds: the whole, its scan + tally and its
/// release, and the largest per-run peak RSS.
struct StatsTiming: Codable {
    var total: Stats
    var collect: Stats
    var release: Stats
    var peakRSS: Int64

    init(_ runs: [Outcome]) {
        total = Stats(runs.map { $0.collect + $0.release })
        collect = Stats(runs.map(\.collect))
        release = Stats(runs.map(\.release))
        peakRSS = runs.map(\.peakRSS).max() ?? 0
    }
}

struct StatsOperation: Codable {
    var operation: String
    var vault: StatsTiming
    var baseline: StatsTiming
    var ratio: Double
    /// Consenting cases the scan saw (the same on both sides).
    var consenting: Int
    var hiddenCounts: Int
    var tables: Int
    /// Set when disclosure control refused the release (on both sides alike).
    var refusal: String?
}

struct StatsSizeResult: Codable {
    var manifest: StatsManifest
    var processRSSAfterOpen: Int64
    var peakResetWorks: Bool
    var rusageMaxAtEnd: Int64
    var loadBefore: String
    var loadAfter: String
    var firstScanVaultSeconds: Double
    var firstScanBaselineSeconds: Double
    var operations: [StatsOperation]
    var baselineRowsOnePass: Stats
    var profile: FactsProfile
    var incidentRecorder: IncidentRecorderMeasurement?
}

struct StatsReport: Codable {
    var date: String
    var seed: UInt64
    var processors: Int
    var memoryBytes: UInt64
    var os: String
    var sizes: [StatsSizeResult] = []
    var notes: [String] = []

    static func header(seed: UInt64) -> StatsReport {
        let info = ProcessInfo.processInfo
        return StatsReport(date: ISO8601DateFormatter().string(from: Date()), seed: seed, processors: info.activeProcessorCount,
                           memoryBytes: info.physicalMemory, os: info.operatingSystemVersionString)
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }

    func json() throws -> Data { try Self.encoder.encode(self) }

    /// The issue's targets: (operation prefix, cases, seconds).
    static let timeTargets: [(operation: String, cases: Int, seconds: Double, label: String)] = [
        ("2-D table", 100_000, 0.3, "2-D table over 100k cases < 0.3 s"),
        ("2-D table", 1_000_000, 2.0, "2-D table over 1M cases < 2 s"),
        ("monthly report", 1_000_000, 5.0, "monthly report over 1M cases < 5 s"),
    ]
    static let memoryTarget: Int64 = 200_000_000
    static let ratioTarget = 2.0

    func text() -> String {
        var out = "CaseVault statistics benchmark — \(date), seed \(seed), \(processors) cores, \(memoryBytes >> 30) GiB, \(os)\n"
        out += "Median and min of \(StatisticsBenchmark.rounds) runs per side, vault and baseline alternating; threshold "
            + "\(StatisticsBenchmark.threshold); measured in a child process that only opened the built files.\n"
        for size in sizes {
            let m = size.manifest
            out += "\n== \(m.cases) cases: \(m.consenting) consenting (\(String(format: "%.1f", Double(m.consenting) / Double(m.cases) * 100))%), "
                + "report dates \(m.firstMonth)..\(m.lastMonth); files incl. WAL: vault \(megabytes(m.vaultFileBytes)), "
                + "baseline \(megabytes(m.baselineFileBytes)); mean sealed document \(m.meanSealedDocumentBytes) bytes ==\n"
            out += String(format: "  built in %.0f s wall: vault createCases %.1f s (%.0f cases/s, %d per call), baseline %.1f s (%.0f cases/s) "
                          + "on a second thread at the same time, generating %.1f s\n",
                          m.buildWallSeconds, m.vaultBuildSeconds, Double(m.cases) / m.vaultBuildSeconds, m.batchSize,
                          m.baselineBuildSeconds, Double(m.cases) / m.baselineBuildSeconds, m.generateSeconds)
            out += "  measuring process: RSS after opening both files \(megabytes(size.processRSSAfterOpen)), "
                + "ru_maxrss at its end \(megabytes(size.rusageMaxAtEnd)) (includes the spawning parent's peak, see notes); "
                + "load average \(size.loadBefore) before, \(size.loadAfter) after"
                + (size.peakResetWorks ? "" : " (peak could not be reset: peaks are cumulative)") + "\n"
            out += String(format: "  first scan in the process (not counted): vault %.3f s, baseline %.3f s\n",
                          size.firstScanVaultSeconds, size.firstScanBaselineSeconds)
            out += pad("operation", 44, left: true) + pad("N", 9) + pad("vault median", 14) + pad("vault min", 11)
                + pad("base median", 13) + pad("base min", 11) + pad("ratio", 8) + pad("vault peak RSS", 16) + pad("base peak RSS", 15) + "\n"
            for op in size.operations {
                out += pad(op.operation, 44, left: true) + pad("\(m.cases)", 9) + pad(seconds(op.vault.total.median), 14)
                    + pad(seconds(op.vault.total.min), 11) + pad(seconds(op.baseline.total.median), 13) + pad(seconds(op.baseline.total.min), 11)
                    + pad(String(format: "%.2fx", op.ratio), 8) + pad(megabytes(op.vault.peakRSS), 16) + pad(megabytes(op.baseline.peakRSS), 15) + "\n"
                guard op.tables > 0 || op.refusal != nil else { continue }
                out += pad("  of which facts scan + tally", 44, left: true) + pad("", 9) + pad(seconds(op.vault.collect.median), 14)
                    + pad(seconds(op.vault.collect.min), 11) + pad(seconds(op.baseline.collect.median), 13)
                    + pad(seconds(op.baseline.collect.min), 11)
                    + pad(String(format: "%.2fx", op.vault.collect.median / op.baseline.collect.median), 8) + "\n"
                out += pad("  of which release (disclosure control)", 44, left: true) + pad("", 9) + pad(seconds(op.vault.release.median), 14)
                    + pad(seconds(op.vault.release.min), 11) + pad(seconds(op.baseline.release.median), 13)
                    + pad(seconds(op.baseline.release.min), 11)
                    + (op.refusal.map { "    (REFUSED by disclosure control on both sides: \($0))\n" }
                        ?? "    (\(op.tables) table\(op.tables == 1 ? "" : "s"), \(op.hiddenCounts) counts hidden)\n")
            }
            let p = size.profile
            let rows = size.baselineRowsOnePass.median
            if let scan = size.operations.first, scan.consenting > 0 {
                out += String(format: "  facts scan only, vault − baseline: %.2f µs per consenting case (%.2f µs per case)\n",
                              (scan.vault.total.median - scan.baseline.total.median) / Double(scan.consenting) * 1e6,
                              (scan.vault.total.median - scan.baseline.total.median) / Double(m.cases) * 1e6)
            }
            out += String(format: "  where the time goes: one SQL pass over the join, rows only (baseline, no decode) %.3f s = %.2f µs/case;"
                          + " forEachFacts makes one pass over the covering index\n", rows, rows / Double(m.cases) * 1e6)
            out += String(format: "  per-row CPU outside SQL (mean µs over %d rows): vault only: associated data %.2f, AES-GCM open %.2f"
                          + " (%.0f-byte sealed records); both: decode %.2f, 2-D tally %.2f, monthly-report tally %.2f\n",
                          p.rows, p.associatedDataMicros, p.openMicros, p.sealedBytes, p.decodeMicros, p.twoDimensionTallyMicros,
                          p.monthlyTallyMicros)
            if let exportRun = size.incidentRecorder { out += exportRun.text(cases: m.cases) }
        }
        out += "\nTargets (issue 10):\n"
        for target in Self.timeTargets {
            let label = pad(target.label, 42, left: true)
            if let size = sizes.first(where: { $0.manifest.cases == target.cases }),
               let op = size.operations.first(where: { $0.operation.hasPrefix(target.operation) }) {
                out += label + "vault median " + seconds(op.vault.total.median) + "  "
                    + (op.vault.total.median < target.seconds ? "PASS" : "MISS") + "\n"
            } else {
                out += label + "not measured in this run\n"
            }
        }
        let measured = sizes.flatMap { size in size.operations.map { (size.manifest.cases, $0) } }
        if let worst = measured.max(by: { $0.1.vault.peakRSS < $1.1.vault.peakRSS }) {
            out += pad("peak memory < 200 MB", 42, left: true) + "largest vault peak RSS " + megabytes(worst.1.vault.peakRSS)
                + " (\(worst.1.operation), \(worst.0) cases)  " + (worst.1.vault.peakRSS < Self.memoryTarget ? "PASS" : "MISS") + "\n"
        }
        for (cases, op) in measured where op.tables > 0 || op.refusal != nil {
            out += pad("ratio ≤ 2x", 42, left: true) + String(format: "%.2fx", op.ratio) + " (\(op.operation), \(cases) cases)  "
                + (op.ratio <= Self.ratioTarget ? "PASS" : "MISS") + "\n"
        }
        if !notes.isEmpty { out += "\nNotes:\n" + notes.map { "  - \($0)\n" }.joined() }
        return out
    }

    private func seconds(_ value: Double) -> String { String(format: "%.3f s", value) }

    private func megabytes(_ bytes: Int64) -> String { String(format: "%.1f MB", Double(bytes) / 1e6) }

    private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return left ? text + fill : fill + text
    }
}
