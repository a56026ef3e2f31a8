import Foundation

/// One operation of `--backends` measured on every backend: the table's line.
struct BackendRow {
    /// Whether the samples are seconds per operation or a throughput (cases per second).
    enum Kind {
        case time, rate
    }

    var operation: String
    var cases: Int
    var kind: Kind
    /// One per backend, in the report's order.
    var samples: [Stats]
    var note: String?
}

/// The whole `--backends` run, printed as the issue note's table with the details under it.
struct BackendReport {
    var date = ISO8601DateFormatter().string(from: Date())
    var processors = ProcessInfo.processInfo.activeProcessorCount
    var memoryBytes = ProcessInfo.processInfo.physicalMemory
    var os = ProcessInfo.processInfo.operatingSystemVersionString
    var cases: Int
    /// Column headings, in the order of every row's samples (SQLite, PostgreSQL, in-memory).
    var backends: [String]
    /// The server's version and durability settings.
    var postgres: String
    var rows: [BackendRow] = []
    /// Per statistics operation, each backend's largest peak RSS over its runs.
    var statisticsPeakRSS: [String: [Int64]] = [:]
    /// PostgreSQL statements (round trips) per operation, from the server's log; empty on a given server.
    var statements: [(String, Int)] = []
    var writers: [WritersResult] = []
    var processPeakRSS: Int64 = 0
    var wallSeconds = 0.0
    /// The machine's load averages when the run started and ended (other work on it skews every column).
    var loadBefore = Memory.loadAverage()
    var loadAfter = ""

    init(cases: Int, backends: [String], postgres: String) {
        self.cases = cases
        self.backends = backends
        self.postgres = postgres
    }

    /// Adds a row of per-operation times.
    mutating func add(_ operation: String, samples: [[Double]], note: String) {
        rows.append(BackendRow(operation: operation, cases: cases, kind: .time, samples: samples.map { Stats($0) }, note: note))
    }

    func text() -> String {
        var out = "CaseVault storage backends (issue 12) — \(date), \(processors) cores, \(memoryBytes >> 30) GiB, \(os)\n"
        out += "SQLite: a vault file, WAL + synchronous=FULL. \(postgres); loopback TCP, one connection per handle.\n"
        out += "In-memory: InMemoryVaultStorage (nothing durable). Cheap KDF (scrypt logN 10) everywhere.\n"
        out += String(format: "Run time %.0f s; ", wallSeconds) + "load average \(loadBefore) before, \(loadAfter) after; process peak RSS \(megabytes(processPeakRSS)) (ru_maxrss: all "
            + "three backends' vaults in one process, the in-memory store included; the PostgreSQL server's memory is its own).\n\n"
        out += pad("operation", 46, left: true) + pad("N", 8) + backends.map { pad($0, 16) }.joined() + pad("PG/SQLite", 11) + "\n"
        for row in rows {
            out += line(row.operation, row.cases, row.samples.map(\.median), kind: row.kind)
        }
        for count in Set(writers.map(\.writers)).sorted() {
            let rates = backends.map { label in writers.first { $0.backend == label && $0.writers == count }?.totalRate ?? .nan }
            out += line("\(count) concurrent writer\(count == 1 ? "" : "s"), creates/s in all", 0, rates, kind: .rate)
        }
        out += "\nPG/SQLite: PostgreSQL's time per operation (per case for throughputs) over SQLite's; above 1, PostgreSQL is slower.\n"
        out += "Medians: bulk create of \(StorageBackendBenchmark.bulkRounds) whole loads; single create of "
            + "\(StorageBackendBenchmark.singleSamples); open of \(StorageBackendBenchmark.openSamples) random cases; find of "
            + "\(StorageBackendBenchmark.findSamples) queries; statistics of \(StorageBackendBenchmark.statisticsRounds) runs; "
            + "writers: one run each.\n"

        out += "\nPer operation (median, p99, min, max):\n"
        for row in rows {
            out += "  \(row.operation) — \(row.note ?? "")\n"
            for (label, stats) in zip(backends, row.samples) {
                out += "    " + pad(label, 12, left: true)
                out += row.kind == .rate
                    ? "median \(format(stats.median, .rate)), min \(format(stats.min, .rate)), max \(format(stats.max, .rate))\n"
                    : "median \(format(stats.median, .time)), p99 \(format(stats.p99, .time)), min \(format(stats.min, .time)), "
                        + "max \(format(stats.max, .time))\n"
            }
        }
        for (name, peaks) in statisticsPeakRSS.sorted(by: { $0.key < $1.key }) {
            out += "  peak RSS during \(name): " + zip(backends, peaks).map { "\($0) \(megabytes($1))" }.joined(separator: ", ")
                + " (VmHWM reset before each run; includes every vault this process holds)\n"
        }
        if !statements.isEmpty {
            out += "\nPostgreSQL statements per operation (each a round trip; counted in the server's log with log_statement = all):\n"
            for (name, count) in statements { out += "  \(pad(name, 24, left: true)) \(count)\n" }
        }
        if !writers.isEmpty {
            out += "\nConcurrent writers (each: own thread, own handle/connection, own caseworker session; createCase, one per transaction):\n"
            for result in writers.sorted(by: { ($0.writers, backends.firstIndex(of: $0.backend) ?? 0) < ($1.writers, backends.firstIndex(of: $1.backend) ?? 0) }) {
                out += writerText(result)
            }
        }
        out += "\nNotes:\n" + notes.map { "  - \($0)\n" }.joined()
        return out
    }

    private func writerText(_ result: WritersResult) -> String {
        let total = result.acknowledged.reduce(0, +)
        var out = "  \(result.backend), \(result.writers) writer\(result.writers == 1 ? "" : "s"): "
            + String(format: "%.1f s, %d acknowledged = %.1f creates/s", result.seconds, total, result.totalRate)
            + " (per writer: " + result.perWriterRate.map { String(format: "%.1f/s", $0) }.joined(separator: ", ") + "); "
        out += "latency median \(format(result.latency.median, .time)), p99 \(format(result.latency.p99, .time)); "
        out += "busy errors \(result.busy), other errors \(result.otherErrors)" + (result.firstError.map { " (first: \($0))" } ?? "") + "\n"
        out += "    check: \(result.casesCounted) cases in the vault "
            + (result.countMatches ? "= \(total) acknowledged, ok" : "≠ \(total) acknowledged, MISMATCH")
            + "; verifyAuditTrail: \(result.auditEntries) entries, "
            + (result.firstBad.map { "first bad \($0)" } ?? "no bad entry") + (result.intact ? ", intact" : ", NOT intact") + "\n"
        return out
    }

    private var notes: [String] {
        [
            "All three backends hold the same synthetic documents (SyntheticCases, seed-fixed, ~1 KiB sealed each) in the same order; "
                + "reads are addressed by position, and find's match counts must agree on every backend or the run stops.",
            "Backends alternate within each batch, sample or round, starting one further each time; one process, one disk "
                + "(the SQLite file and the PostgreSQL cluster are on the same file system).",
            "Bulk create, open, find and statistics run on one vault per backend (the last bulk round's); single creates come "
                + "after them. Each concurrent-writers run uses a new, empty vault per backend.",
            "In memory, every commit copies the store's tables (InMemoryVaultStorage applies a batch to a copy) and every case "
                + "read counts the case's changes by scanning the whole trail, so its writes and reads grow with the vault: it is "
                + "CaseStore's own cost only on small vaults.",
            "A find commits a durable audit entry before it answers, so it costs a commit on each backend.",
        ]
    }

    private func line(_ operation: String, _ cases: Int, _ values: [Double], kind: BackendRow.Kind) -> String {
        var text = pad(operation, 46, left: true) + pad(cases > 0 ? "\(cases)" : "", 8)
        text += values.map { pad(format($0, kind), 16) }.joined()
        if values.count > 1 {
            let ratio = kind == .time ? values[1] / values[0] : values[0] / values[1]
            text += pad(String(format: "%.2fx", ratio), 11)
        }
        return text + "\n"
    }

    private func format(_ value: Double, _ kind: BackendRow.Kind) -> String {
        guard value.isFinite else { return "-" }
        switch kind {
        case .rate: return String(format: "%.0f /s", value)
        case .time where value >= 1: return String(format: "%.2f s", value)
        case .time where value >= 0.01: return String(format: "%.1f ms", value * 1000)
        case .time where value >= 0.0001: return String(format: "%.3f ms", value * 1000)
        case .time: return String(format: "%.1f µs", value * 1e6)
        }
    }

    private func megabytes(_ bytes: Int64) -> String { String(format: "%.1f MB", Double(bytes) / 1e6) }

    private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return left ? text + fill : fill + text
    }
}
