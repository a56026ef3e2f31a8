/// Hooks for `casevault-bench` only (`@_spi(Benchmarks) import CaseStore`): they measure what
/// the audit trail costs, so they deliberately skip it. No front imports this SPI.
extension UnlockedVault {
    /// Creates one case exactly as `createCase` does, but without its audit entry.
    @_spi(Benchmarks)
    public func createCaseWithoutAudit(_ document: CaseDocument) throws -> CaseCode {
        guard let code = try createCases([document], audited: false).first else { throw CaseStoreError.storageFailure(.nothingWritten) }
        return code
    }

    /// Appends `count` synthetic audit entries in transactions of `batch`, to build long trails.
    @_spi(Benchmarks)
    public func appendSyntheticAuditEntries(count: Int, batch: Int = 10_000) throws {
        var written = 0
        while written < count {
            let size = min(batch, count - written)
            try commit(try (0..<size).map { index in
                .appendAudit(try auditDraft(.caseRead, caseCode: "BENC-\(String(written + index, radix: 32).uppercased())"))
            })
            written += size
        }
    }
}

/// The facts' byte form for `casevault-bench`'s plaintext baseline, which stores and reads
/// exactly the bytes the vault seals.
extension CaseFacts {
    @_spi(Benchmarks)
    public static func plainBytes(_ facts: CaseFacts?) -> [UInt8] { CaseFactsCodec.encode(facts) }

    @_spi(Benchmarks)
    public static func fromPlainBytes(_ bytes: [UInt8]) -> CaseFacts?? { CaseFactsCodec.decode(bytes) }
}
