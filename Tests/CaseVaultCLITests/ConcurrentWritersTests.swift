import Foundation
import TestSupport
import XCTest

/// Issue 14: two caseworkers on one machine, each in her own `casevault` processes, writing
/// intakes and notes at once on SQLite and on PostgreSQL. Every acknowledged write must be
/// stored exactly once, nothing else may appear, no command may hang, and a writer that finds
/// the vault busy must be told so. CI writes for a few seconds; `scripts/concurrency` runs the
/// full minute and prints the figures this test reports.
final class ConcurrentWritersTests: XCTestCase {
    /// Seconds the two caseworkers write (`CASEVAULT_CONCURRENCY_SECONDS`, default 8).
    private var writingSeconds: TimeInterval {
        ProcessInfo.processInfo.environment["CASEVAULT_CONCURRENCY_SECONDS"].flatMap(TimeInterval.init) ?? 8
    }

    /// A command that runs longer than this has hung: no write waits that long for a lock.
    private static let commandTimeout: TimeInterval = 60

    func testTwoWritersOnSQLiteLoseNothing() throws {
        try twoWriters(.sqlite)
    }

    func testTwoWritersOnPostgreSQLLoseNothing() throws {
        try twoWriters(.postgresql)
    }

    private func twoWriters(_ backend: WritingOffice.Backend) throws {
        let office = try WritingOffice(backend, for: self)
        let workers = ["maja", "vesna"]
        try office.makeVault(caseworkers: workers)
        _ = try office.answersFile()
        let started = Date()
        let deadline = started.addingTimeInterval(writingSeconds)
        let writers = workers.map { _ in WriterLedger() }
        DispatchQueue.concurrentPerform(iterations: workers.count) { index in
            Self.write(as: workers[index], in: office, until: deadline, into: writers[index])
        }
        let wall = Date().timeIntervalSince(started)

        var lost = 0
        for (user, ledger) in zip(workers, writers) {
            XCTAssertEqual(ledger.failures, [], user)
            XCTAssertGreaterThan(ledger.notes.count, 1, "\(user) wrote too little to test anything")
            let stored = try office.storedNotes(of: user)
            XCTAssertEqual(Set(stored.keys), Set(ledger.notes.keys), "\(user): cases lost or invented")
            for (code, notes) in ledger.notes {
                XCTAssertEqual(stored[code]?.sorted(), notes.sorted(), "\(user) \(code): notes lost, invented or doubled")
                lost += stored[code].map { kept in notes.filter { !kept.contains($0) }.count } ?? 1 + notes.count
            }
        }
        XCTAssertEqual(try office.unlock("ana").status().openCases, writers.map(\.notes.count).reduce(0, +), "a case no writer acknowledged")
        XCTAssertTrue(try office.auditVerifies())
        if backend == .sqlite {
            let checked = try ExternalTool.run("sqlite3", [office.location, "PRAGMA integrity_check"])
            XCTAssertEqual(checked.outputText.trimmingCharacters(in: .whitespacesAndNewlines), "ok", checked.errorText)
        }
        let intakes = writers.map(\.notes.count).reduce(0, +)
        let notes = writers.map { $0.notes.values.map(\.count).reduce(0, +) }.reduce(0, +)
        print(String(format: "concurrency %@: %d writers x %.0f s, wall %.1f s: %d intakes + %d notes acknowledged (%.2f writes/s), "
                         + "%d busy refusals, %d lost, %d failures",
                     backend.rawValue, workers.count, writingSeconds, wall, intakes, notes, Double(intakes + notes) / wall,
                     writers.map(\.busy).reduce(0, +), lost, writers.map(\.failures.count).reduce(0, +)))
    }

    /// One caseworker's loop: an intake, then a note on one of her cases, and so on until
    /// `deadline`. A busy refusal is counted and the loop goes on; anything else ends it.
    private static func write(as user: String, in office: WritingOffice, until deadline: Date, into ledger: WriterLedger) {
        var round = 0
        while Date() < deadline {
            round += 1
            do {
                let codes = ledger.notes.keys.sorted()
                if codes.isEmpty || round.isMultiple(of: 2) {
                    let (code, result) = try office.intake(as: user, timeout: commandTimeout)
                    if let code { ledger.created(code) } else if !ledger.refused(result) { return }
                } else {
                    let code = codes[round % codes.count], text = "\(user) note \(round)"
                    let result = try office.note(text, on: code, as: user, timeout: commandTimeout)
                    if result.status == 0 { ledger.noted(text, on: code) } else if !ledger.refused(result) { return }
                }
            } catch {
                return ledger.failed("\(error)")
            }
        }
    }
}

/// What one caseworker was acknowledged (her cases, each with its notes' texts), how often she
/// was told the vault was busy, and what failed otherwise.
final class WriterLedger: @unchecked Sendable {
    private let lock = NSLock()
    private var acknowledged: [String: [String]] = [:]
    private var refusals = 0
    private var failed: [String] = []

    var notes: [String: [String]] { lock.withLock { acknowledged } }
    var busy: Int { lock.withLock { refusals } }
    var failures: [String] { lock.withLock { failed } }

    func created(_ code: String) { lock.withLock { acknowledged[code] = [] } }
    func noted(_ text: String, on code: String) { lock.withLock { acknowledged[code, default: []].append(text) } }
    func failed(_ text: String) { lock.withLock { failed.append(text) } }

    /// Counts a busy refusal and says so; any other failure is recorded and ends the loop.
    func refused(_ result: CLIProcess.Result) -> Bool {
        if result.status == 1 && result.err.hasPrefix(WritingOffice.busy) {
            lock.withLock { refusals += 1 }
            return true
        }
        failed("status \(result.status): \(result.err)")
        return false
    }
}
