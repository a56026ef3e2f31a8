import VaultCrypto

/// Seals each case's statistics facts under the statistics key, bound to the vault, the case
/// code and the case version they were made for, and opens them again for a statistics reader.
struct FactsSealer: Sendable {
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

    /// A reader for a statistics scan: one cipher context for every row.
    func reader() throws -> FactsReader { try FactsReader(vaultID: vaultID, key: key) }
}

/// Opens the facts rows of one scan, keeping the key schedule and the fixed part of the
/// associated data between rows (`AssociatedData.caseFacts`, built row by row here).
final class FactsReader {
    private let opener: SealedValueOpener
    private let prefix: [UInt8]
    /// The associated data of the row being opened, rebuilt in place for each row.
    private var associatedData: [UInt8] = []

    init(vaultID: [UInt8], key: SecretBytes) throws {
        opener = try SealedValueOpener(key: key)
        let sample = AssociatedData.caseFacts(vaultID: vaultID, code: "", version: 0)
        prefix = Array(sample.dropLast(3))
    }

    /// The facts of one row: nil for a case without consent. A missing row, one made for another
    /// version, or one that does not authenticate is a tamper error naming the case.
    func open(_ row: FactsRow) throws -> CaseFacts? {
        guard let sealed = row.sealed, row.factsVersion == row.version else { throw CaseStoreError.tamperedRecord(.caseFacts(row.code)) }
        associatedData.removeAll(keepingCapacity: true)
        associatedData += prefix
        associatedData += row.code.utf8
        associatedData += [0, UInt8(ascii: "v")]
        associatedData += String(row.version).utf8
        var plain: [UInt8]
        do {
            plain = try opener.open(sealed, associatedData: associatedData)
        } catch {
            throw CaseStoreError.tamperedRecord(.caseFacts(row.code))
        }
        defer { SecretBytes.cleanse(&plain) }
        guard let facts = CaseFactsCodec.decode(plain) else { throw CaseStoreError.tamperedRecord(.caseFacts(row.code)) }
        return facts
    }
}
