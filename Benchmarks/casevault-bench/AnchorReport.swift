import Foundation

/// The anchor's table (issue 13): per operation CaseVault, the mirrored baseline, the C program
/// on SQLite and on SQLCipher, the ratio of CaseVault to SQLCipher and the target.
extension BenchReport {
    /// The targets at 100k cases, as ratios of medians to SQLCipher keyed.
    static let anchorTargets: [String: Double] = [
        "bulk create, per 1000": 2, "open by code, no access record": 2, "find by full name": 2, "single create (durable)": 1.5,
    ]
    /// Find by surname has an absolute target instead: under 10 ms.
    static let surnameLimitSeconds = 0.010

    func anchorText(_ anchor: AnchorSizeResult, size: SizeResult) -> String {
        func operation(_ name: String) -> OperationResult? { size.operations.first { $0.operation.hasPrefix(name) } }
        var out = "\n  Against SQLite and SQLCipher (C anchor, same rows and queries; medians): "
            + "\(anchor.sqlite.name), \(anchor.sqlcipher.name), page size \(anchor.sqlite.pageSize) / \(anchor.sqlcipher.pageSize)\n"
        out += "  " + pad("operation", 32, left: true) + pad("CaseVault", 12) + pad("baseline", 12) + pad("SQLite (C)", 12)
            + pad("SQLCipher (C)", 14) + pad("CV/SQLCipher", 13) + "  target\n"
        func line(_ label: String, _ caseVault: Double?, _ baseline: Double?, _ sqlite: Double?, _ sqlcipher: Double?,
                  target: String = "") {
            var text = "  " + pad(label, 32, left: true) + pad(seconds(caseVault), 12) + pad(seconds(baseline), 12)
                + pad(seconds(sqlite), 12) + pad(seconds(sqlcipher), 14)
            if let caseVault, let sqlcipher { text += pad(String(format: "%.2fx", caseVault / sqlcipher), 13) } else { text += pad("—", 13) }
            out += text + (target.isEmpty ? "" : "  " + target) + "\n"
        }
        func ratioTarget(_ name: String, _ caseVault: Double?, _ sqlcipher: Double?) -> String {
            guard let limit = Self.anchorTargets[name], let caseVault, let sqlcipher else { return "" }
            return String(format: "≤%.1fx ", limit) + (caseVault / sqlcipher <= limit ? "ok" : "MISS")
        }
        let lite = anchor.sqlite
        let cipher = anchor.sqlcipher
        let bulk = operation("bulk create, per")
        line("bulk create, per \(batchSize)", bulk?.encrypted.median, bulk?.baseline.median, lite.bulkCommit?.median,
             cipher.bulkCommit?.median, target: ratioTarget("bulk create, per 1000", bulk?.encrypted.median, cipher.bulkCommit?.median))
        line("bulk load, whole (0 → \(size.cases))", size.bulk.encryptedSeconds, size.bulk.baselineSeconds, lite.bulkSeconds, cipher.bulkSeconds)
        for (name, stats) in [("open by code, no access record", \AnchorFigures.openByCode), ("find by full name", \AnchorFigures.findFullName),
                              ("single create (durable)", \AnchorFigures.singleInsert)] {
            let measured = operation(name)
            line(name, measured?.encrypted.median, measured?.baseline.median, lite[keyPath: stats]?.median, cipher[keyPath: stats]?.median,
                 target: ratioTarget(name, measured?.encrypted.median, cipher[keyPath: stats]?.median))
        }
        let surname = operation("find by surname")
        line("find by surname", surname?.encrypted.median, surname?.baseline.median, lite.findSurname?.median, cipher.findSurname?.median,
             target: surname.map { "<10 ms absolute " + ($0.encrypted.median < Self.surnameLimitSeconds ? "ok" : "MISS") } ?? "")
        let audited = operation("open by code")
        line("open by code (access recorded)", audited?.encrypted.median, audited?.baseline.median, lite.openByCode?.median,
             cipher.openByCode?.median, target: "(anchor: no audit write)")
        line("group by status (whole table)", nil, nil, lite.groupByStatus?.median, cipher.groupByStatus?.median)
        line("facts scan (whole table)", nil, nil, lite.factsScan?.median, cipher.factsScan?.median)
        let unlock = operation("unlock (production")
        line("unlock / open + key", unlock?.encrypted.median, unlock?.baseline.median, lite.reopen?.median, cipher.reopen?.median,
             target: "(scrypt N=2^17 vs SQLCipher's PBKDF2)")
        out += "  peak RSS: bench process (CaseVault + baseline) \(rssMegabytes(anchor.benchMaxRSSBytes)) after this size; "
            + "anchor SQLite \(rssMegabytes(lite.peakRssKb * 1024)), SQLCipher \(rssMegabytes(cipher.peakRssKb * 1024)) (whole process each)\n"
        out += String(format: "  anchor files incl. WAL: SQLite %.1f MB, SQLCipher %.1f MB\n",
                      Double(lite.fileBytes) / 1e6, Double(cipher.fileBytes) / 1e6)
        return out
    }

    func importText(_ result: ImportResult) -> String {
        var out = "\n== Whole-process import: casevault case create --from, \(result.cases) cases, JSON Lines of "
            + String(format: "%.1f MB", Double(result.fileBytes) / 1e6) + " ==\n"
        out += String(format: "  casevault (start, unlock, parse, create, commit): %.2f s", result.casevaultSeconds)
            + ", peak RSS \(rssMegabytes(result.casevaultMaxRSSBytes))\n"
        for figures in [result.sqlite, result.sqlcipher] {
            out += "  \(figures.name) (C), bulk insert of the same rows in commits of \(batchSize): "
                + String(format: "%.2f s (whole process %.2f s", figures.bulkSeconds, figures.processSeconds ?? .nan)
                + ", peak RSS \(rssMegabytes(figures.peakRssKb * 1024)))\n"
        }
        out += String(format: "  ratio casevault / SQLCipher bulk insert %.2fx; limit 3 × %.2f s + 1 s = %.2f s: ",
                      result.casevaultSeconds / result.sqlcipher.bulkSeconds, result.sqlcipher.bulkSeconds, result.limitSeconds)
            + (result.casevaultSeconds <= result.limitSeconds ? "ok" : "MISS") + "\n"
        return out
    }

    private func seconds(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value >= 1 ? String(format: "%.2f s", value) : String(format: "%.3f ms", value * 1000)
    }

    private func rssMegabytes(_ bytes: Int?) -> String { bytes.map { String(format: "%.0f MB", Double($0) / 1e6) } ?? "—" }
}
