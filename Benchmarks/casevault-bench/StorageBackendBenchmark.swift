import CaseStore
import Foundation
import Statistics
import VaultCrypto

/// `--backends` (issue 12): the same vault work on SQLite, PostgreSQL on loopback and in memory,
/// in one run, the backends alternating (their order rotates from one batch, sample or round to
/// the next, so none always goes first). It exists to show what moving a vault to a database
/// server costs, operation by operation, with the in-memory column as the floor CaseStore itself
/// sets. Every vault uses the cheap KDF (scrypt logN 10) of the other benchmarks.
final class StorageBackendBenchmark {
    static let admin = EncryptedSubject.loaderUser
    static let bulkRounds = 3
    static let singleSamples = 50
    static let openSamples = 1000
    static let findSamples = 200
    static let statisticsRounds = 3
    static let readSamples = 1000
    static let writerCounts = [1, 2, 4]

    static func passphrase() -> SecretBytes { SecretBytes(Array("correct horse battery staple".utf8)) }

    private let options: BenchOptions
    private let directory: String
    private let vaultOptions = VaultOptions(kdf: EncryptedSubject.testCost)
    private var picker: SplitMix64

    init(options: BenchOptions, directory: String) {
        self.options = options
        self.directory = directory
        picker = SplitMix64(seed: options.seed &+ 1)
    }

    func run() throws -> BackendReport {
        let started = ContinuousClock.now
        progress("starting PostgreSQL")
        let server = try PostgresBenchServer.open(url: options.postgresURL)
        defer { server.stop(keepDatabases: options.keep) }
        let backends: [any BenchBackend] = [SQLiteBackend(directory: directory), PostgresBackend(server: server), InMemoryBackend()]
        var report = BackendReport(cases: options.backendCases, backends: backends.map(\.label), postgres: try server.settings())

        let loaded = try bulkCreate(backends, into: &report)
        var vaults = loaded.vaults
        var generator = loaded.generator
        try measureReads(vaults, codes: loaded.codes, generator: &generator, into: &report)
        try measureStatistics(vaults, into: &report)
        let singles = generator.batch(Self.singleSamples)
        let singleTimes = try interleaved(vaults.count, Self.singleSamples) { backend, sample in
            _ = try vaults[backend].admin.createCase(singles[sample])
        }
        report.add("single create (durable)", samples: singleTimes, note: "createCase: own transaction with its audit entry, committed durably")

        progress("counting PostgreSQL statements per operation")
        report.statements = try countStatements(server, vaults[1], code: loaded.codes[1][0], generator: &generator)
        for vault in vaults { try vault.remove() }
        vaults = [] // the stores' memory and connections go before the writers start

        for writers in Self.writerCounts {
            for backend in order(backends.count, writers) {
                progress("\(writers) concurrent writer\(writers == 1 ? "" : "s") on \(backends[backend].label), \(options.writerSeconds) s")
                report.writers.append(try ConcurrentWriters.run(backends[backend], writers: writers, seconds: options.writerSeconds,
                                                                seed: options.seed, options: vaultOptions))
            }
        }
        report.processPeakRSS = Memory.rusagePeak()
        report.loadAfter = Memory.loadAverage()
        report.wallSeconds = Measure.seconds(ContinuousClock.now - started)
        return report
    }

    /// (a): `bulkRounds` loads of the same N documents into a new vault per backend, batch by batch
    /// alternately; cases/s of each whole load. The vaults of the last round are kept, with their
    /// codes in creation order and the generator that made their documents (it knows their names).
    private func bulkCreate(_ backends: [any BenchBackend], into report: inout BackendReport) throws
        -> (vaults: [BackendVault], codes: [[CaseCode]], generator: CaseGenerator) {
        let cases = options.backendCases
        var rates = [[Double]](repeating: [], count: backends.count)
        for round in 1...Self.bulkRounds {
            progress("bulk create round \(round) of \(Self.bulkRounds): \(cases) cases per backend, \(options.batchSize) per commit")
            let vaults = try backends.map { try $0.createVault(admin: Self.admin, passphrase: Self.passphrase(), options: vaultOptions) }
            var generator = CaseGenerator(seed: options.seed)
            var seconds = [Double](repeating: 0, count: backends.count)
            var codes = [[CaseCode]](repeating: [], count: backends.count)
            var loaded = 0
            var batch = 0
            while loaded < cases {
                let documents = generator.batch(min(options.batchSize, cases - loaded))
                for backend in order(backends.count, batch) {
                    seconds[backend] += try Measure.time { codes[backend] += try vaults[backend].admin.createCases(documents) }
                }
                loaded += documents.count
                batch += 1
            }
            progress("  " + zip(backends, seconds).map { "\($0.label) " + String(format: "%.1f s", $1) }.joined(separator: ", "))
            for backend in backends.indices { rates[backend].append(Double(cases) / seconds[backend]) }
            if round == Self.bulkRounds {
                report.rows.append(BackendRow(operation: "bulk create (createCases, \(options.batchSize)/commit)", cases: cases,
                                              kind: .rate, samples: rates.map { Stats($0) },
                                              note: "median of \(Self.bulkRounds) whole loads into a new vault"))
                return (vaults, codes, generator)
            }
            for vault in vaults { try vault.remove() }
        }
        throw BenchError("no bulk round ran")
    }

    /// (c), (d) and one read statement, on the vaults of N cases.
    private func measureReads(_ vaults: [BackendVault], codes created: [[CaseCode]], generator: inout CaseGenerator,
                              into report: inout BackendReport) throws {
        let cases = options.backendCases
        // The same documents in the same order on every backend; codes differ, so cases are addressed by position.
        for vault in vaults {
            guard try vault.admin.status().openCases == cases else { throw BenchError("a vault does not hold \(cases) cases") }
        }
        for _ in 0..<20 {
            let index = Int.random(in: 0..<cases, using: &picker)
            let documents = try vaults.indices.map { try vaults[$0].admin.readCase(created[$0][index], recordAccess: false).document }
            guard documents.allSatisfy({ $0 == documents[0] }) else { throw BenchError("case \(index) differs between the backends") }
        }

        progress("one read statement, \(Self.readSamples) times")
        let statementTimes = try interleaved(vaults.count, Self.readSamples) { backend, _ in try vaults[backend].readNewestAuditEntry() }
        report.add("one read statement (newest audit entry)", samples: statementTimes, note: "auditHead() on the vault's storage: one statement, on PostgreSQL one round trip")

        progress("open by code, \(Self.openSamples) random cases")
        let indexes = (0..<(Self.openSamples + options.warmup)).map { _ in Int.random(in: 0..<cases, using: &picker) }
        for index in indexes.prefix(options.warmup) {
            for backend in vaults.indices { _ = try vaults[backend].admin.readCase(created[backend][index], recordAccess: false) }
        }
        let timed = Array(indexes.dropFirst(options.warmup))
        let openTimes = try interleaved(vaults.count, timed.count) { backend, sample in
            _ = try vaults[backend].admin.readCase(created[backend][timed[sample]], recordAccess: false)
        }
        report.add("open by code (no access record)", samples: openTimes, note: "readCase(recordAccess: false): fetch, verify the signed state, unwrap, open, decode")

        progress("find by full name, \(Self.findSamples) queries")
        let queries = generator.fullNameQueries(count: Self.findSamples, loaded: cases, rng: &picker)
        var matches = [[Int]](repeating: [Int](repeating: 0, count: queries.count), count: vaults.count)
        let findTimes = try interleaved(vaults.count, queries.count) { backend, sample in
            matches[backend][sample] = try vaults[backend].admin.findCases(name: queries[sample]).count
        }
        report.add("find by full name", samples: findTimes, note: "findCases: name-index lookup, a durable audit entry, listings verified")
        guard matches.allSatisfy({ $0 == matches[0] }), !matches[0].contains(0) else {
            throw BenchError("find: match counts differ between the backends or a query found nothing")
        }
    }

    /// (e): the facts scan alone and the 2-D table of `--stats`, with peak RSS per run.
    private func measureStatistics(_ vaults: [BackendVault], into report: inout BackendReport) throws {
        let dimensions = StatisticsBenchmark.twoDimensions
        let threshold = StatisticsBenchmark.threshold
        for (name, note, query) in [
            ("facts scan (forEachFacts)", "every consenting case's sealed facts read, opened and decoded", false),
            ("2-D table " + dimensions.joined(separator: " × "), "facts scan + tally + release (threshold \(threshold))", true),
        ] {
            progress("\(name), \(Self.statisticsRounds) rounds")
            var counts = [Int](repeating: 0, count: vaults.count)
            var peaks = [Int64](repeating: 0, count: vaults.count)
            let samples = try interleaved(vaults.count, Self.statisticsRounds) { backend, _ in
                Memory.resetPeak()
                var tabulator = Tabulator([("table", try StatisticsQuery(by: dimensions))])
                var count = 0
                try vaults[backend].admin.forEachFacts { facts in
                    count += 1
                    if query { tabulator.add(facts) }
                }
                if query { _ = try? tabulator.release(threshold: threshold) }
                counts[backend] = count
                peaks[backend] = max(peaks[backend], Memory.peakRSS())
            }
            guard counts.allSatisfy({ $0 == counts[0] && $0 > 0 }) else { throw BenchError("\(name): the backends saw different cases") }
            report.add(name, samples: samples, note: note + "; \(counts[0]) consenting cases")
            report.statisticsPeakRSS[name] = peaks
        }
    }

    /// Statements the PostgreSQL server runs for one of each operation (its log), on its kept vault.
    private func countStatements(_ server: PostgresBenchServer, _ vault: BackendVault, code: CaseCode, generator: inout CaseGenerator)
        throws -> [(String, Int)] {
        let batch = generator.batch(options.batchSize)
        let single = generator.next()
        let query = generator.fullNameQueries(count: 1, loaded: options.backendCases, rng: &picker)[0]
        let operations: [(String, () throws -> Void)] = [
            ("bulk create of \(options.batchSize)", { _ = try vault.admin.createCases(batch) }),
            ("single create", { _ = try vault.admin.createCase(single) }),
            ("open by code", { _ = try vault.admin.readCase(code, recordAccess: false) }),
            ("find by full name", { _ = try vault.admin.findCases(name: query) }),
            ("facts scan", { try vault.admin.forEachFacts { _ in } }),
        ]
        var counts: [(String, Int)] = []
        for (name, body) in operations {
            guard let count = try server.countStatements(prime: { _ = try vault.admin.status() }, body) else { return [] }
            counts.append((name, count))
        }
        return counts
    }

    /// Backend indexes for step `step`: all of them, starting one further each step.
    private func order(_ count: Int, _ step: Int) -> [Int] {
        (0..<count).map { ($0 + step) % count }
    }

    /// Times `body(backend, sample)` for every sample on every backend, backends alternating.
    private func interleaved(_ backends: Int, _ samples: Int, _ body: (Int, Int) throws -> Void) rethrows -> [[Double]] {
        var times = [[Double]](repeating: [], count: backends)
        for sample in 0..<samples {
            for backend in order(backends, sample) {
                times[backend].append(try Measure.time { try body(backend, sample) })
            }
        }
        return times
    }

    private func progress(_ message: String) {
        FileHandle.standardError.write(Data("[casevault-bench] \(message)\n".utf8))
    }
}
