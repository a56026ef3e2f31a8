import VaultCrypto

/// Seals each case's statistics facts under the statistics key, bound to the vault, the case
/// code and the case version they were made for, and opens them again for a statistics reader.
struct FactsSealer {
    let vaultID: [UInt8]
    let key: SecretBytes

    /// The mutation that stores the facts of `document` (or "no facts" without consent) for
    /// version `version` of case `code`.
    func mutation(for document: CaseDocument, code: String, version: Int, createdDay: String) throws -> StorageMutation {
        var plain = CaseFactsCodec.encode(CaseFacts(document: document, createdDay: createdDay))
        defer { SecretBytes.cleanse(&plain) }
        let sealed = try SealedValue.seal(plain, key: key, associatedData: AssociatedData.caseFacts(vaultID: vaultID, code: code, version: version))
        return .putFacts(code: code, caseVersion: version, sealed: sealed)
    }

    /// The facts of one row: nil for a case without consent. A missing row, one made for another
    /// version, or one that does not authenticate is a tamper error naming the case.
    func open(_ row: FactsRow) throws -> CaseFacts? {
        guard let sealed = row.sealed, row.factsVersion == row.version else { throw CaseStoreError.tamperedRecord(.caseFacts(row.code)) }
        let plain: [UInt8]
        do {
            plain = try SealedValue.open(sealed, key: key, associatedData: AssociatedData.caseFacts(vaultID: vaultID, code: row.code, version: row.version))
        } catch {
            throw CaseStoreError.tamperedRecord(.caseFacts(row.code))
        }
        guard let facts = CaseFactsCodec.decode(plain) else { throw CaseStoreError.tamperedRecord(.caseFacts(row.code)) }
        return facts
    }
}
