import Foundation

/// One operation measured on both subjects at one size.
struct OperationResult: Codable {
    var operation: String
    var encrypted: Stats
    var baseline: Stats
    /// encrypted median / baseline median.
    var ratio: Double
    /// The acceptance limit on `ratio` at 100k cases, if the issue sets one.
    var target: Double?
    var note: String?
}

/// Whole-load figures for the bulk create of one size (all batches from an empty store to it).
struct BulkTotals: Codable {
    var cases: Int
    var encryptedSeconds: Double
    var baselineSeconds: Double
    var encryptedCasesPerSecond: Double
    var baselineCasesPerSecond: Double
    var ratio: Double
    /// Baseline batch time split, milliseconds per batch: validation, case codes (CSPRNG),
    /// building rows (JSON, folding, side by side), the SQL transaction.
    var baselineValidateMillisPerBatch: Double
    var baselineCodesMillisPerBatch: Double
    var baselineRowsMillisPerBatch: Double
    var baselineCommitMillisPerBatch: Double
}

/// Everything measured at one vault size.
struct SizeResult: Codable {
    var cases: Int
    var operations: [OperationResult]
    var bulk: BulkTotals
    var encryptedFileBytes: Int64
    var baselineFileBytes: Int64
    var meanMatchesSurname: Double
    var meanMatchesFullName: Double
    /// The same rows and queries on SQLite and SQLCipher (issue 13), unless `--no-anchor`.
    var anchor: AnchorSizeResult?
}

/// The whole run, printed as tables or written as JSON.
struct BenchReport: Codable {
    var date: String
    var seed: UInt64
    var processors: Int
    var memoryBytes: UInt64
    var os: String
    var batchSize: Int
    /// Whether the baseline wrote the vault's audit entries too.
    var baselineAudit: Bool
    var sizes: [SizeResult] = []
    var cryptoProfile: CryptoProfile?
    /// The whole-process `case create --from` import against the anchor's bulk insert (issue 13).
    var anchorImport: ImportResult?
    var notes: [String] = []

    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(self)
    }

    func text() -> String {
        var out = "CaseVault benchmark — \(date), seed \(seed), \(processors) cores, \(memoryBytes >> 30) GiB, \(os)\n"
        out += "WAL + synchronous=FULL on both sides; bulk commits \(batchSize) cases per transaction; "
            + "baseline audit entries \(baselineAudit ? "ON (ratios isolate encryption)" : "OFF (ratios include the audit trail)").\n"
        for size in sizes {
            out += "\n== \(size.cases) cases  (files incl. WAL: encrypted \(megabytes(size.encryptedFileBytes)), "
                + "baseline \(megabytes(size.baselineFileBytes))) ==\n"
            out += pad("operation", 30, left: true) + pad("n", 6) + pad("enc median", 13) + pad("enc p99", 13)
                + pad("base median", 13) + pad("base p99", 13) + pad("ratio", 8) + "  target\n"
            for op in size.operations {
                var line = pad(op.operation, 30, left: true) + pad("\(op.encrypted.count)", 6)
                line += pad(millis(op.encrypted.median), 13) + pad(millis(op.encrypted.p99), 13)
                line += pad(millis(op.baseline.median), 13) + pad(millis(op.baseline.p99), 13)
                line += pad(String(format: "%.2fx", op.ratio), 8)
                if let target = op.target {
                    line += String(format: "  ≤%.1fx ", target) + (op.ratio <= target ? "ok" : "MISS")
                }
                if let note = op.note { line += "  (\(note))" }
                out += line + "\n"
            }
            let bulk = size.bulk
            out += String(format: "  bulk create total (%d cases): encrypted %.2f s = %.0f cases/s; baseline %.2f s = %.0f cases/s; ratio %.2fx\n",
                          bulk.cases, bulk.encryptedSeconds, bulk.encryptedCasesPerSecond, bulk.baselineSeconds,
                          bulk.baselineCasesPerSecond, bulk.ratio)
            out += String(format: "  baseline batch split (ms/batch): validate %.1f, codes %.1f, rows (JSON, folding, facts) %.1f, SQL transaction %.1f\n",
                          bulk.baselineValidateMillisPerBatch, bulk.baselineCodesMillisPerBatch,
                          bulk.baselineRowsMillisPerBatch, bulk.baselineCommitMillisPerBatch)
            out += String(format: "  find: mean matches per query %.1f (surname), %.1f (full name); same counts on both sides\n",
                          size.meanMatchesSurname, size.meanMatchesFullName)
            if let anchor = size.anchor { out += anchorText(anchor, size: size) }
        }
        if let anchorImport { out += importText(anchorImport) }
        if let profile = cryptoProfile {
            out += "\nPer-case CPU work outside the database (mean µs over \(profile.cases) cases):\n"
            out += String(format: "  encrypted only: seal (data key, wrap, AD, AES-GCM) %.1f, HMAC name tokens %.1f, unwrap + open %.1f\n",
                          profile.sealMicros, profile.nameTokensMicros, profile.openMicros)
            out += String(format: "  both sides:     JSON encode %.1f, JSON decode %.1f, name folding %.1f\n",
                          profile.jsonEncodeMicros, profile.jsonDecodeMicros, profile.nameFoldingMicros)
            out += String(format: "  mean sealed document %.0f bytes\n", profile.sealedDocumentBytes)
        }
        if !notes.isEmpty {
            out += "\nNotes:\n" + notes.map { "  - \($0)\n" }.joined()
        }
        return out
    }

    private func millis(_ seconds: Double) -> String { String(format: "%.3f ms", seconds * 1000) }

    private func megabytes(_ bytes: Int64) -> String { String(format: "%.1f MB", Double(bytes) / 1e6) }

    func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return left ? text + fill : fill + text
    }
}
