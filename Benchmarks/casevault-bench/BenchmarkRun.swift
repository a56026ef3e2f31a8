import CaseStore
import Foundation
import GRDB

/// Runs the phases in order. For each size: grow both stores to it with alternating batches of
/// the same documents, then time open by code, find by name, unlock and single creates on both,
/// alternating round by round. Single creates come last so each size is measured at its size.
final class BenchmarkRun {
    /// Acceptance limits on the ratio of medians at 100k cases.
    static let targets: [String: Double] = [
        "bulk create, per 1000": 1.3, "single create (durable)": 1.2, "open by code": 1.5,
        "open by code, no access record": 1.5, "find by surname": 1.3, "find by full name": 1.3,
    ]

    private let options: BenchOptions
    private let encrypted: EncryptedSubject
    private let baseline: PlaintextSubject
    private var generator: CaseGenerator
    private var picker: SplitMix64
    private var bulkEncrypted: [Double] = []
    private var bulkBaseline: [Double] = []
    private var bulkTotalEncrypted = 0.0
    private var bulkTotalBaseline = 0.0
    private var bulkCases = 0
    private var report: BenchReport
    /// The SQLite / SQLCipher anchor (issue 13); nil with `--no-anchor`.
    private let anchor: AnchorComparison?
    private let directory: String
    /// What `measure` timed at the current size, for the anchor to replay.
    private var anchorQueries = AnchorQueries()

    init(options: BenchOptions, directory: String) throws {
        self.options = options
        let migrations = try options.migrationFiles()
        encrypted = try EncryptedSubject(directory: directory)
        baseline = try PlaintextSubject(directory: directory, migrationFiles: migrations, seed: options.seed &+ 2,
                                        audit: options.baselineAudit, actor: EncryptedSubject.loaderUser)
        try Self.checkSameSchema(encrypted.path, baseline.path)
        generator = CaseGenerator(seed: options.seed)
        picker = SplitMix64(seed: options.seed &+ 1)
        self.directory = directory
        anchor = options.anchor ? try AnchorComparison(options: options, directory: directory) : nil
        let info = ProcessInfo.processInfo
        report = BenchReport(date: ISO8601DateFormatter().string(from: Date()), seed: options.seed,
                             processors: info.activeProcessorCount, memoryBytes: info.physicalMemory,
                             os: info.operatingSystemVersionString, batchSize: options.batchSize,
                             baselineAudit: options.baselineAudit)
    }

    /// The baseline must have exactly the vault's tables, columns and indexes.
    static func checkSameSchema(_ vaultPath: String, _ baselinePath: String) throws {
        func schema(_ path: String) throws -> [String] {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try queue.read { db in
                try String.fetchAll(db, sql: "SELECT type || ' ' || name || ': ' || ifnull(sql, '') FROM sqlite_master ORDER BY name")
            }
        }
        let vault = try schema(vaultPath)
        let plain = try schema(baselinePath)
        guard vault == plain else {
            throw BenchError("the baseline schema differs from the vault's:\n  vault: \(vault)\n  baseline: \(plain)\npass --migrations DIR")
        }
    }

    func run() throws -> BenchReport {
        for size in options.sizes where size >= encrypted.caseCount {
            try grow(to: size)
            var result = try measure(size: size)
            if let anchor {
                progress("anchor at \(size) cases: the same rows and queries on SQLite and SQLCipher")
                result.anchor = try anchor.measure(vaultPath: encrypted.path, names: generator.names.map(\.stored), bulk: size,
                                                   queries: anchorQueries)
            }
            report.sizes.append(result)
        }
        if let anchor, options.importCases > 0 {
            report.anchorImport = try AnchorImport(options: options, directory: directory, comparison: anchor).run()
        }
        progress("profiling per-case CPU work")
        var profileGenerator = CaseGenerator(seed: options.seed &+ 3)
        report.cryptoProfile = try CryptoProfile.run(documents: profileGenerator.batch(options.quick ? 500 : 5000))
        report.notes = notes()
        return report
    }

    private func progress(_ message: String) {
        FileHandle.standardError.write(Data("[casevault-bench] \(message)\n".utf8))
    }

    /// Bulk-creates the same documents on both sides up to `size` cases; full batches are samples.
    private func grow(to size: Int) throws {
        progress("loading \(encrypted.caseCount) → \(size) cases")
        var batch = 0
        while encrypted.caseCount < size {
            let documents = generator.batch(min(options.batchSize, size - encrypted.caseCount))
            let encryptedFirst = batch % 2 == 0
            var times = (encrypted: 0.0, baseline: 0.0)
            if encryptedFirst { times.encrypted = try Measure.time { try encrypted.createBatch(documents) } }
            times.baseline = try Measure.time { try baseline.createBatch(documents) }
            if !encryptedFirst { times.encrypted = try Measure.time { try encrypted.createBatch(documents) } }
            if documents.count == options.batchSize {
                bulkEncrypted.append(times.encrypted)
                bulkBaseline.append(times.baseline)
            }
            bulkTotalEncrypted += times.encrypted
            bulkTotalBaseline += times.baseline
            bulkCases += documents.count
            batch += 1
            if batch % 10 == 0 { progress("  \(encrypted.caseCount) cases") }
        }
        guard encrypted.caseCount == baseline.caseCount else { throw BenchError("subjects out of step") }
    }

    private func measure(size: Int) throws -> SizeResult {
        let count = encrypted.caseCount
        progress("measuring at \(count) cases")
        anchorQueries = AnchorQueries()
        var operations: [OperationResult] = []
        func add(_ name: String, _ samples: (encrypted: [Double], baseline: [Double]), note: String? = nil) {
            let e = Stats(samples.encrypted)
            let b = Stats(samples.baseline)
            operations.append(OperationResult(operation: name, encrypted: e, baseline: b, ratio: e.median / b.median,
                                              target: Self.targets[name], note: note))
        }

        // Sanity: both sides hold the same documents in the same order.
        for _ in 0..<20 {
            let index = Int.random(in: 0..<count, using: &picker)
            guard try encrypted.openCase(at: index, recordAccess: false) == baseline.openCase(at: index, recordAccess: false) else {
                throw BenchError("case \(index) differs between the subjects")
            }
        }

        add("bulk create, per \(options.batchSize)", (bulkEncrypted, bulkBaseline), note: "every full batch of the \(bulkCases) cases bulk-loaded so far")

        let warmIndexes = (0..<options.warmup).map { _ in Int.random(in: 0..<count, using: &picker) }
        for index in warmIndexes {
            _ = try encrypted.openCase(at: index, recordAccess: true)
            _ = try baseline.openCase(at: index, recordAccess: true)
        }
        for (name, recordAccess, note) in [
            ("open by code", true, "readCase default: the read is committed to the audit trail first"),
            ("open by code, no access record", false, "readCase(recordAccess: false): fetch + unwrap + open + decode only"),
        ] {
            let openIndexes = (0..<options.openSamples).map { _ in Int.random(in: 0..<count, using: &picker) }
            if !recordAccess { anchorQueries.openIndexes = openIndexes }
            add(name, try Measure.paired(rounds: openIndexes.count,
                                         encrypted: { _ = try encrypted.openCase(at: openIndexes[$0], recordAccess: recordAccess) },
                                         baseline: { _ = try baseline.openCase(at: openIndexes[$0], recordAccess: recordAccess) }),
                note: note)
        }

        var meanMatches: [Double] = []
        for (name, queries) in [
            ("find by surname", generator.surnameQueries(count: options.findSamples, loaded: count, rng: &picker)),
            ("find by full name", generator.fullNameQueries(count: options.findSamples, loaded: count, rng: &picker)),
        ] {
            for query in queries.prefix(options.warmup) {
                _ = try encrypted.find(name: query)
                _ = try baseline.find(name: query)
            }
            var encryptedMatches = [Int](repeating: 0, count: queries.count)
            var baselineMatches = [Int](repeating: 0, count: queries.count)
            add(name, try Measure.paired(rounds: queries.count,
                                         encrypted: { encryptedMatches[$0] = try encrypted.find(name: queries[$0]) },
                                         baseline: { baselineMatches[$0] = try baseline.find(name: queries[$0]) }),
                note: "typed in the other script or without diacritics")
            guard encryptedMatches == baselineMatches, !encryptedMatches.contains(0) else {
                throw BenchError("\(name): match counts differ between the subjects or a query found nothing")
            }
            anchorQueries.finds += zip(queries, encryptedMatches).map { (surname: name == "find by surname", query: $0, matches: $1) }
            meanMatches.append(Double(encryptedMatches.reduce(0, +)) / Double(queries.count))
        }

        add("unlock (production scrypt)", try Measure.paired(rounds: options.unlockRuns,
                                                             encrypted: { _ in try encrypted.reopenAndUnlock(.production) },
                                                             baseline: { _ in try baseline.reopenAndUnlock(.production) }),
            note: "deliberate KDF cost: scrypt N=2^17 r=8 p=1")
        add("unlock (test scrypt logN 10)", try Measure.paired(rounds: options.unlockRuns,
                                                               encrypted: { _ in try encrypted.reopenAndUnlock(.test) },
                                                               baseline: { _ in try baseline.reopenAndUnlock(.test) }),
            note: "the non-KDF part of unlock")

        let singles = generator.batch(options.singleSamples)
        add("single create (durable)", try Measure.paired(rounds: singles.count,
                                                          encrypted: { try encrypted.createOne(singles[$0]) },
                                                          baseline: { try baseline.createOne(singles[$0]) }),
            note: "own transaction + fsync each")

        let split = baseline.breakdown
        let batches = Double(max(split.batches, 1))
        let bulk = BulkTotals(cases: bulkCases, encryptedSeconds: bulkTotalEncrypted, baselineSeconds: bulkTotalBaseline,
                              encryptedCasesPerSecond: Double(bulkCases) / bulkTotalEncrypted,
                              baselineCasesPerSecond: Double(bulkCases) / bulkTotalBaseline,
                              ratio: bulkTotalEncrypted / bulkTotalBaseline,
                              baselineValidateMillisPerBatch: split.validateSeconds / batches * 1000,
                              baselineCodesMillisPerBatch: split.codesSeconds / batches * 1000,
                              baselineRowsMillisPerBatch: split.rowsSeconds / batches * 1000,
                              baselineCommitMillisPerBatch: split.commitSeconds / batches * 1000)
        return SizeResult(cases: size, operations: operations, bulk: bulk,
                          encryptedFileBytes: Self.fileBytes(encrypted.path), baselineFileBytes: Self.fileBytes(baseline.path),
                          meanMatchesSurname: meanMatches[0], meanMatchesFullName: meanMatches[1])
    }

    /// The database file plus its WAL.
    static func fileBytes(_ path: String) -> Int64 {
        ["", "-wal"].reduce(Int64(0)) { sum, suffix in
            let size = (try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? NSNumber)?.int64Value ?? 0
            return sum + size
        }
    }

    private func notes() -> [String] {
        [
            "ratio = encrypted median / baseline median; targets are the issue's limits at 100k cases.",
            "Rows of one operation were timed alternately (ABBA order) in the same process against two files on the same disk.",
            "Baseline = same GRDB configuration, pragmas, migration SQL, statements and transactions as SQLiteVaultStorage, "
                + "with plaintext JSON in cases.document, 32 filler bytes in wrapped_key and the folded words as name_index tokens.",
            options.baselineAudit
                ? "Baseline audit: ON — it appends the same audit entries as the vault (one per created case in the batch, one durable "
                    + "commit per read, find and unlock), SHA-256-chained the same way, with details as plain JSON instead of sealed."
                : "Baseline audit: OFF — the baseline writes no audit entries, so the ratios include the vault's audit trail "
                    + "(one durable commit per read, find and unlock).",
            "Baseline unlock = open the file (same configuration + migration check), read the meta row"
                + (options.baselineAudit ? " and commit a login audit entry" : "")
                + "; the encrypted unlock also reads the login failures, key slot and key grant, runs scrypt and derives subkeys. "
                + "Its large ratio is the deliberate cost of scrypt.",
            "Bulk create loads as an admin (assignee NULL on both sides). Apart from encryption the baseline does, in the same order, "
                + "what the vault does: validate the batch, draw the batch's CSPRNG codes (the UNIQUE constraint checks them on insert), "
                + "then on every processor encode each case's JSON, fold its name and build its facts (the vault also seals and signs), "
                + "then one transaction.",
            "Single creates are made after the reads, so a size's next load starts \(options.singleSamples) cases above the previous size.",
        ] + (options.anchor ? AnchorComparison.notes : [])
    }
}
