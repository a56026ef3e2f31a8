import CaseStore
import Export
import Foundation
import VaultCrypto

/// The Incident Recorder export over a whole vault (issue 11), in the statistics benchmark's
/// measuring process: the vault side does what `casevault export --profile incident-recorder`
/// does after login — every consenting case's sealed facts opened, a row each, the CSV, age
/// encryption to one X25519 recipient and the vault's signature (and, timed apart, the verified
/// case listing that `--case-manager-codes` adds); the baseline reads the same facts in plaintext and builds the same CSV. The CSV
/// is then encrypted by our age implementation and by the stock `age` tool, to the same
/// recipient, for their throughput side by side.
struct IncidentRecorderMeasurement: Codable {
    var rows: Int
    var csvBytes: Int
    var vault: Stats
    var vaultAssignees: Stats
    /// Reading the export rules before the export: the trail checked from its first entry to its
    /// newest signed head, then the signed setting.
    var trailCheckAndRules: Stats
    var vaultRowsAndCSV: Stats
    var vaultEncryptAndSign: Stats
    var baseline: Stats
    var ratio: Double
    var ourAgeSeconds: Stats
    var ageToolSeconds: Stats?

    static func measure(_ vault: UnlockedVault, baseline: PlainFactsReader, directory: String, rounds: Int) throws -> IncidentRecorderMeasurement {
        let recipient = try AgeIdentity.generate().recipient
        var vaultTimes: [Double] = [], assigneeTimes: [Double] = [], rowsTimes: [Double] = [], sealTimes: [Double] = []
        var baselineTimes: [Double] = [], ruleTimes: [Double] = []
        var csv: [UInt8] = []
        var rows = 0
        for _ in 0..<rounds {
            var file: [UInt8] = []
            let start = ContinuousClock.now
            var table = try IncidentRecorderExport(agencyCode: "BENCH-01")
            var writer = IncidentRecorder.csvWriter()
            var count = 0
            try vault.forEachCaseFacts { _, facts in
                if let row = try table.row(facts: facts, caseManager: nil) {
                    writer.write(record: row.values)
                    count += 1
                }
            }
            csv = writer.takeBytes()
            let rowsDone = ContinuousClock.now
            file = try AgeEncryptor.encrypt(csv, to: [recipient])
            _ = try vault.signExport(file)
            let end = ContinuousClock.now
            rows = count
            rowsTimes.append(Measure.seconds(rowsDone - start))
            assigneeTimes.append(try Measure.time { _ = try vault.listCases() })
            ruleTimes.append(try Measure.time { _ = try vault.exportRules() })
            sealTimes.append(Measure.seconds(end - rowsDone))
            vaultTimes.append(Measure.seconds(end - start))
            baselineTimes.append(try Measure.time {
                var table = try IncidentRecorderExport(agencyCode: "BENCH-01")
                var writer = IncidentRecorder.csvWriter()
                try baseline.forEachFacts { facts in
                    if let row = try table.row(facts: facts, caseManager: nil) { writer.write(record: row.values) }
                }
                _ = writer.takeBytes()
            })
        }
        var ours: [Double] = []
        for _ in 0..<rounds { ours.append(try Measure.time { _ = try AgeEncryptor.encrypt(csv, to: [recipient]) }) }
        let tool = try ageTool(csv, recipient: recipient.description, directory: directory, rounds: rounds)
        return IncidentRecorderMeasurement(rows: rows, csvBytes: csv.count, vault: Stats(vaultTimes), vaultAssignees: Stats(assigneeTimes), trailCheckAndRules: Stats(ruleTimes), vaultRowsAndCSV: Stats(rowsTimes),
                                           vaultEncryptAndSign: Stats(sealTimes), baseline: Stats(baselineTimes),
                                           ratio: Stats(vaultTimes).median / Stats(baselineTimes).median, ourAgeSeconds: Stats(ours),
                                           ageToolSeconds: tool.map { Stats($0) })
    }

    /// `/usr/bin/age -r RECIPIENT -o /dev/null FILE` on the same bytes, wall time per run (nil
    /// when the tool is not installed). The synthetic CSV goes to a private file that is removed.
    private static func ageTool(_ csv: [UInt8], recipient: String, directory: String, rounds: Int) throws -> [Double]? {
        let tool = "/usr/bin/age"
        guard FileManager.default.isExecutableFile(atPath: tool) else { return nil }
        let path = directory + "/incident-recorder-bench.csv"
        guard FileManager.default.createFile(atPath: path, contents: Data(csv), attributes: [.posixPermissions: 0o600]) else {
            throw BenchError("cannot write \(path)")
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        var times: [Double] = []
        for _ in 0..<rounds {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = ["-r", recipient, "-o", "/dev/null", path]
            let start = ContinuousClock.now
            try process.run()
            process.waitUntilExit()
            times.append(Measure.seconds(ContinuousClock.now - start))
            guard process.terminationStatus == 0 else { throw BenchError("age exited with \(process.terminationStatus)") }
        }
        return times
    }

    func text(cases: Int) -> String {
        let megabytes = Double(csvBytes) / 1e6
        var out = String(format: "  Incident Recorder export (%d rows of %d cases, CSV %.1f MB): vault median %.3f s (min %.3f) "
                         + "= scan + rows + CSV %.3f s + age encryption and signature %.3f s; baseline (plaintext facts, same CSV) %.3f s; "
                         + "ratio %.2fx\n", rows, cases, megabytes, vault.median, vault.min, vaultRowsAndCSV.median,
                         vaultEncryptAndSign.median, baseline.median, ratio)
        out += String(format: "  before it, the export rules read after checking the audit trail to its newest signed head: %.3f s\n",
                      trailCheckAndRules.median)
        out += String(format: "  with --case-manager-codes add the verified case listing (one Ed25519 verification per case): %.3f s\n",
                      vaultAssignees.median)
        out += String(format: "  age encryption of that CSV to one X25519 recipient: ours %.3f s (%.0f MB/s)", ourAgeSeconds.median,
                      megabytes / ourAgeSeconds.median)
        if let tool = ageToolSeconds {
            out += String(format: ", stock age 1.1.1 %.3f s (%.0f MB/s, process start included); ours/age %.2fx\n", tool.median,
                          megabytes / tool.median, ourAgeSeconds.median / tool.median)
        } else {
            out += "; stock age not installed\n"
        }
        out += "  target: Incident Recorder export of 100k cases < 5 s: "
            + (cases == 100_000 ? (vault.median < 5 ? "PASS" : "MISS") : "not this size") + "\n"
        return out
    }
}
