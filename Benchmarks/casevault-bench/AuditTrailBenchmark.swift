@_spi(Benchmarks) import CaseStore
import Foundation
import VaultCrypto

/// `--audit-trail`: what the audit trail costs. (1) A single durable case create with its audit
/// entry against the same create without one (the benchmark SPI), alternated, 200 each.
/// (2) `verifyAuditTrail` over a trail of `auditEntries` entries (built in batches of 10,000).
struct AuditTrailBenchmark {
    let options: BenchOptions
    let directory: String

    func run() throws -> String {
        let path = directory + "/audit.casevault"
        let vault = try Vault.create(path: path, admin: "admin", passphrase: SecretBytes(Array("benchmark admin passphrase".utf8)),
                                     options: VaultOptions(kdf: ScryptParameters(logN: 10, r: 8, p: 1)))
        var generator = CaseGenerator(seed: options.seed)
        for _ in 0..<options.warmup { _ = try vault.createCase(generator.next()) }
        let sampleCode = try vault.createCase(generator.next())
        var withAudit: [Double] = []
        var without: [Double] = []
        for index in 0..<(options.singleSamples * 2) {
            let document = generator.next()
            let audited = index % 4 == 0 || index % 4 == 3
            let elapsed = try Measure.time {
                if audited { _ = try vault.createCase(document) } else { _ = try vault.createCaseWithoutAudit(document) }
            }
            if audited { withAudit.append(elapsed) } else { without.append(elapsed) }
        }
        let audited = Stats(withAudit)
        let plain = Stats(without)
        let buildTime = try Measure.time { try vault.appendSyntheticAuditEntries(count: options.auditEntries) }
        let reopened = try Vault(path: path)
        var verifyTimes: [Double] = []
        var entries = 0
        for _ in 0..<3 {
            var result: AuditVerification?
            let elapsed = try Measure.time { result = try reopened.verifyAuditTrail() }
            guard let result, result.isIntact else { throw BenchError("the synthetic audit trail did not verify") }
            entries = result.entries
            verifyTimes.append(elapsed)
        }
        let verify = Stats(verifyTimes)
        var accessLogTimes: [Double] = []
        for _ in 0..<3 { accessLogTimes.append(try Measure.time { _ = try vault.accessLog(sampleCode) }) }
        let accessLog = Stats(accessLogTimes)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        return """
            CaseVault audit-trail benchmark — seed \(options.seed), WAL + synchronous=FULL
            single create (durable), with audit entry    n=\(audited.count)  median \(ms(audited.median))  p99 \(ms(audited.p99))
            single create (durable), without audit entry n=\(plain.count)  median \(ms(plain.median))  p99 \(ms(plain.p99))
              audit entry adds \(String(format: "%.1f", (audited.median / plain.median - 1) * 100))% to a single create (target < 20%)
            audit verify of \(entries) entries: median \(String(format: "%.2f", verify.median)) s, max \(String(format: "%.2f", verify.max)) s over 3 runs (target < 10 s)
              (trail built in \(String(format: "%.1f", buildTime)) s)
            access log of one case in that trail (no index on case codes; a full scan): median \(ms(accessLog.median))
            """
    }

    private func ms(_ seconds: Double) -> String { String(format: "%.3f ms", seconds * 1000) }
}
