import CaseStore
import Foundation
import VaultCrypto

/// Part (f) of `--backends`: several writers creating cases in one vault at once, each on a
/// thread of its own with its own handle (connection) and its own unlocked caseworker session,
/// one case per transaction, for a fixed time. It exists because one writer's speed says nothing
/// about how a backend serializes writers (SQLite: `BEGIN IMMEDIATE` and a 2 s busy timeout;
/// PostgreSQL: an advisory lock; both: the audit head's compare-and-swap, retried by CaseStore).
/// The writers log in one after another, then start together. Afterwards the vault must hold
/// exactly the acknowledged cases and its trail must verify.
enum ConcurrentWriters {
    static let passphrase = "sedam sedmica u Kruševcu"
    /// Documents each writer cycles through (codes are fresh every time).
    static let documentsPerWriter = 500

    /// One writer's tally.
    struct Tally {
        var acknowledged = 0
        /// `vaultLocked`: the busy timeout, the lock timeout or the retries of a lost race ran out.
        var busy = 0
        var otherErrors = 0
        var firstError: String?
        var seconds = 0.0
        var latencies: [Double] = []
    }

    /// Runs `writers` writers on a new vault of `backend` for `seconds`, checks the vault, removes it.
    static func run(_ backend: any BenchBackend, writers: Int, seconds: Double, seed: UInt64, options: VaultOptions) throws -> WritersResult {
        let vault = try backend.createVault(admin: StorageBackendBenchmark.admin, passphrase: StorageBackendBenchmark.passphrase(),
                                            options: options)
        defer { try? vault.remove() }
        for writer in 0..<writers {
            try vault.admin.addUser(name(writer), role: .caseworker, passphrase: SecretBytes(Array(passphrase.utf8)))
        }
        let tallies = (0..<writers).map { _ in Unchecked(Tally()) }
        let deadline = Unchecked(ContinuousClock.now)
        let ready = DispatchSemaphore(value: 0)
        let go = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        for writer in 0..<writers {
            var generator = CaseGenerator(seed: seed &+ 100 &+ UInt64(writer))
            let documents = generator.batch(documentsPerWriter)
            let tally = tallies[writer]
            let openHandle = vault.openHandle
            done.enter()
            let thread = Thread {
                defer { done.leave() }
                let session: UnlockedVault
                do {
                    session = try openHandle().unlock(user: name(writer), passphrase: SecretBytes(Array(passphrase.utf8)))
                } catch {
                    tally.value.otherErrors += 1
                    tally.value.firstError = "unlock: \(error)"
                    ready.signal()
                    return
                }
                ready.signal()
                go.wait()
                let clock = ContinuousClock()
                let start = clock.now
                var index = 0
                while clock.now < deadline.value {
                    let began = clock.now
                    do {
                        _ = try session.createCase(documents[index % documents.count])
                        tally.value.acknowledged += 1
                        tally.value.latencies.append(Measure.seconds(clock.now - began))
                    } catch CaseStoreError.vaultLocked {
                        tally.value.busy += 1
                    } catch {
                        tally.value.otherErrors += 1
                        if tally.value.firstError == nil { tally.value.firstError = "\(error)" }
                    }
                    index += 1
                }
                tally.value.seconds = Measure.seconds(clock.now - start)
            }
            thread.start()
            // One login at a time, before the clock starts: only the creates are timed.
            ready.wait()
        }
        deadline.value = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        for _ in 0..<writers { go.signal() }
        done.wait()

        let results = tallies.map(\.value)
        let counted = try vault.admin.status().openCases
        let verification = try vault.admin.verifyAuditTrail()
        let acknowledged = results.map(\.acknowledged)
        let window = results.map(\.seconds).max() ?? seconds
        return WritersResult(
            backend: backend.label, writers: writers, seconds: window, acknowledged: acknowledged,
            perWriterRate: results.map { $0.seconds > 0 ? Double($0.acknowledged) / $0.seconds : 0 },
            totalRate: Double(acknowledged.reduce(0, +)) / window, busy: results.map(\.busy).reduce(0, +),
            otherErrors: results.map(\.otherErrors).reduce(0, +), firstError: results.compactMap(\.firstError).first,
            latency: Stats(results.flatMap(\.latencies)), casesCounted: counted, auditEntries: verification.entries,
            firstBad: verification.firstBad.map { "entry \($0.seq): \($0.problem.rawValue)" }, intact: verification.isIntact)
    }

    private static func name(_ writer: Int) -> String { "bench.writer\(writer + 1)" }
}

/// What one concurrent-writers run measured and what the check afterwards found.
struct WritersResult {
    var backend: String
    var writers: Int
    /// From the start signal to the last writer's last acknowledged create.
    var seconds: Double
    var acknowledged: [Int]
    var perWriterRate: [Double]
    var totalRate: Double
    var busy: Int
    var otherErrors: Int
    var firstError: String?
    /// Per acknowledged create, all writers together.
    var latency: Stats
    /// Open cases the vault reports afterwards (must equal the acknowledged creates).
    var casesCounted: Int
    var auditEntries: Int
    var firstBad: String?
    var intact: Bool

    var countMatches: Bool { casesCounted == acknowledged.reduce(0, +) }
}
