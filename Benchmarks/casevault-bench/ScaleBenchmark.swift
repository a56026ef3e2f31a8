@_spi(Benchmarks) import CaseStore
import Foundation
import VaultCrypto

/// `--scale 10000,100000,1000000`: how each whole-vault figure grows with the vault. One vault
/// grows through the sizes (bulk create, 1000 cases a commit); at each size it times open by code,
/// find by full name and by surname, a durable single create, the statistics facts scan, the audit
/// chain check without a login (`Vault.verifyAuditTrail`: SHA-256 over every entry), `audit verify`
/// as a logged-in user runs it (also every signed head and every live case's signed state, one
/// Ed25519 verification per case) and a rekey (every case key re-wrapped, every name index rebuilt,
/// one transaction), each with its own peak memory. A figure that grows faster than its work is a
/// defect; the report prints per-case costs so that can be seen.
struct ScaleBenchmark {
    let options: BenchOptions
    let directory: String

    private static let passphrase = SecretBytes(Array("scale benchmark admin passphrase".utf8))
    /// Samples of each find: at a million cases a surname matches about 11,000 of them.
    private static let findSamples = 200
    /// Searches made each in a new session, none of whose matches it has verified before.
    private static let coldSamples = 10

    func run() throws -> String {
        let path = directory + "/scale.casevault"
        let cheap = VaultOptions(kdf: ScryptParameters(logN: 10, r: 8, p: 1))
        var vault = try Vault.create(path: path, admin: "admin", passphrase: Self.passphrase, options: cheap)
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        var generator = CaseGenerator(seed: options.seed)
        var picker = SplitMix64(seed: options.seed &+ 1)
        var codes: [CaseCode] = []
        var lines = ["CaseVault scale benchmark — seed \(options.seed), WAL + synchronous=FULL, 1000 cases a commit, cheap KDF",
                     "figure                               cases     total        per case    peak RSS"]
        for size in options.scaleSizes where size > codes.count {
            progress("loading \(codes.count) → \(size)")
            let loaded = size - codes.count
            let load = try measured {
                while codes.count < size {
                    codes += try vault.createCases(generator.batch(min(options.batchSize, size - codes.count)))
                }
            }
            lines.append(row("bulk create (\(loaded) added)", size, load.seconds, per: loaded, load.peakBytes))

            progress("reading at \(size)")
            let openCodes = (0..<options.openSamples).map { _ in codes[Int.random(in: 0..<codes.count, using: &picker)] }
            lines.append(try median("open by code, no access record", size, samples: openCodes) {
                _ = try vault.readCase($0, recordAccess: false)
            })
            lines.append(try median("find by full name", size, samples: generator.fullNameQueries(count: Self.findSamples, loaded: size, rng: &picker)) {
                _ = try vault.findCases(name: $0)
            })
            lines.append(try median("find by surname", size, samples: generator.surnameQueries(count: Self.findSamples, loaded: size, rng: &picker)) {
                _ = try vault.findCases(name: $0)
            })
            // A session remembers the signatures it verified: the same search in a session that has
            // not seen those cases yet verifies every match.
            var coldTimes: [Double] = []
            let cold = try measured {
                for name in generator.surnameQueries(count: Self.coldSamples, loaded: size, rng: &picker) {
                    let fresh = try Vault(path: path, options: cheap).unlock(user: "admin", passphrase: Self.passphrase)
                    coldTimes.append(try Measure.time { _ = try fresh.findCases(name: name) })
                }
            }
            lines.append(row("find by surname, new session", size, Stats(coldTimes).median, per: 1, cold.peakBytes, isMedian: true))
            var singles = generator.batch(options.singleSamples)
            lines.append(try median("single create (durable)", size, samples: Array(singles.indices)) { codes.append(try vault.createCase(singles[$0])) })
            singles.removeAll()

            var facts = 0
            let scan = try measured { try vault.forEachFacts { _ in facts += 1 } }
            lines.append(row("statistics facts scan (\(facts) facts)", size, scan.seconds, per: codes.count, scan.peakBytes))

            var chain: AuditVerification?
            let chainCheck = try measured { chain = try Vault(path: path).verifyAuditTrail() }
            guard let chain, chain.isIntact else { throw BenchError("the audit chain did not verify at \(size)") }
            lines.append(row("audit chain check (\(chain.entries) entries)", size, chainCheck.seconds, per: chain.entries, chainCheck.peakBytes))
            var verification: AuditVerification?
            let verify = try measured { verification = try vault.verifyAuditTrail() }
            guard let verification, verification.isIntact, verification.rolledBackCases.isEmpty else {
                throw BenchError("the audit trail did not verify at \(size)")
            }
            lines.append(row("audit verify, logged in (+ \(codes.count) states)", size, verify.seconds, per: codes.count, verify.peakBytes))

            progress("rekey at \(codes.count)")
            var rekeyed: RekeyReport?
            let rekey = try measured { (vault, rekeyed) = try vault.rekey(passphrase: Self.passphrase) }
            guard rekeyed?.casesRewrapped == codes.count else { throw BenchError("the rekey did not re-wrap every case") }
            lines.append(row("rekey (\(codes.count) cases)", size, rekey.seconds, per: codes.count, rekey.peakBytes))
            guard try vault.readCase(codes[codes.count / 2], recordAccess: false).document.survivor.name.isEmpty == false else {
                throw BenchError("a case did not open after the rekey")
            }
            lines.append(String(format: "  vault file at %d cases: %.1f MB", codes.count, Double(BenchmarkRun.fileBytes(path)) / 1e6))
        }
        lines.append("per case = total / cases the figure touched (bulk: cases added; open, find and single create: one operation);")
        lines.append("open, find and single create are medians of \(options.openSamples), \(Self.findSamples) and \(options.singleSamples) samples;")
        lines.append("peak RSS is the process's high-water mark during that figure alone (VmHWM reset through /proc/self/clear_refs).")
        return lines.joined(separator: "\n")
    }

    /// Runs `body` and returns its wall time with the peak RSS it reached (`Memory`, reset first).
    private func measured(_ body: () throws -> Void) rethrows -> (seconds: Double, peakBytes: Int) {
        Memory.resetPeak()
        let seconds = try Measure.time(body)
        return (seconds, Int(Memory.peakRSS()))
    }

    private func progress(_ message: String) {
        FileHandle.standardError.write(Data("[casevault-bench] \(message)\n".utf8))
    }

    private func median<T>(_ name: String, _ size: Int, samples: [T], _ body: (T) throws -> Void) throws -> String {
        var times: [Double] = []
        let peak = try measured {
            for sample in samples { times.append(try Measure.time { try body(sample) }) }
        }
        return row(name, size, Stats(times).median, per: 1, peak.peakBytes, isMedian: true)
    }

    private func row(_ name: String, _ size: Int, _ seconds: Double, per count: Int, _ peakBytes: Int, isMedian: Bool = false) -> String {
        let total = isMedian ? String(format: "%9.3f ms", seconds * 1000) : String(format: "%9.2f s ", seconds)
        let perCase = String(format: "%9.2f µs", seconds / Double(max(count, 1)) * 1e6)
        return "\(name.padding(toLength: 36, withPad: " ", startingAt: 0)) \(String(format: "%7d", size))  \(total)  \(perCase)  \(String(format: "%7.1f MB", Double(peakBytes) / 1e6))"
    }
}
