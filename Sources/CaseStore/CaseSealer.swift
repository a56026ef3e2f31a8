import Transliteration
import VaultCrypto

/// Turns case documents into sealed rows and back, with the per-case data key wrapped by the
/// case-wrapping key and the name blind index keyed separately.
struct CaseSealer: Sendable {
    /// Bytes kept of each blind-index HMAC: enough to avoid false matches at millions of
    /// names, short enough not to be a strong fingerprint on its own.
    static let blindIndexLength = 8

    let vaultID: [UInt8]
    let keyVersion: Int
    let keys: KeyRing

    func newRow(for document: CaseDocument, code: CaseCode, assignee: String?, day: String) throws -> (CaseRow, [[UInt8]]) {
        let dataKey = try SecretBytes.random(count: 32)
        let wrapped = try wrap(dataKey, code: code)
        let sealed = try sealDocument(document, code: code, version: 1, dataKey: dataKey)
        let row = CaseRow(code: code.rawValue, status: .open, assignee: assignee, createdDay: day, updatedDay: day,
                          keyVersion: keyVersion, wrappedKey: wrapped, version: 1, document: sealed)
        return (row, try nameTokens(document.survivor.name))
    }

    /// The data key sealed under the case-wrapping key of this sealer's key version.
    func wrap(_ dataKey: SecretBytes, code: CaseCode) throws -> [UInt8] {
        var rawKey = dataKey.copyBytes()
        defer { SecretBytes.cleanse(&rawKey) }
        return try SealedValue.seal(rawKey, key: keys.key(.caseWrapping),
                                    associatedData: AssociatedData.wrappedCaseKey(vaultID: vaultID, code: code, keyVersion: keyVersion))
    }

    func sealDocument(_ document: CaseDocument, code: CaseCode, version: Int, dataKey: SecretBytes) throws -> [UInt8] {
        var plaintext = try CaseDocumentCodec.encode(document)
        defer { SecretBytes.cleanse(&plaintext) }
        return try SealedValue.seal(plaintext, key: dataKey, associatedData: AssociatedData.caseDocument(code: code, version: version))
    }

    func dataKey(for row: CaseRow, code: CaseCode) throws -> SecretBytes {
        let wrappingKey = try keys.key(.caseWrapping)
        guard let wrapped = row.wrappedKey else { throw CaseStoreError.caseErased(code.rawValue) }
        // A case wrapped under a newer key than this session holds: a rekey happened since login.
        guard row.keyVersion <= keyVersion else { throw CaseStoreError.keysRotated }
        var raw: [UInt8]
        do {
            raw = try SealedValue.open(wrapped, key: wrappingKey,
                                       associatedData: AssociatedData.wrappedCaseKey(vaultID: vaultID, code: code, keyVersion: row.keyVersion))
        } catch {
            throw CaseStoreError.tamperedRecord(.caseFile(code.rawValue))
        }
        defer { SecretBytes.cleanse(&raw) }
        guard raw.count == 32 else { throw CaseStoreError.tamperedRecord(.caseFile(code.rawValue)) }
        return SecretBytes(raw)
    }

    func openDocument(_ sealed: [UInt8], code: CaseCode, version: Int, dataKey: SecretBytes) throws -> CaseDocument {
        do {
            var plaintext = try SealedValue.open(sealed, key: dataKey, associatedData: AssociatedData.caseDocument(code: code, version: version))
            defer { SecretBytes.cleanse(&plaintext) }
            return try CaseDocumentCodec.decodeSealed(plaintext)
        } catch {
            throw CaseStoreError.tamperedRecord(.caseFile(code.rawValue))
        }
    }

    /// Blind-index tokens: truncated HMAC-SHA256 of each folded word of a name.
    func nameTokens(_ name: String) throws -> [[UInt8]] {
        let key = try keys.key(.nameIndex)
        return try NameFolding.words(name).map {
            Array(try HMACSHA256.authenticationCode(for: Array($0.utf8), key: key).prefix(Self.blindIndexLength))
        }
    }
}
