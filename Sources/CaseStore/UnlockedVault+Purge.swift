import VaultCrypto

/// Partial erasure: one field taken out of a case and out of every earlier version of it.
extension UnlockedVault {
    /// Removes `field` (and the intake answers holding the same data) from the current version
    /// of a case, as a new version, and from every earlier version, each re-sealed in place
    /// without it; everything else is kept. All versions are sealed under a new data key (the
    /// old wrapped key is replaced), so sealed copies from before the purge, put back into the
    /// file, no longer open. One transaction: the versions, the new key, the signed state, the
    /// statistics facts recomputed from the purged document, and a `case_purge` audit entry
    /// whose sealed details name the field and `reason`. Afterwards the WAL is checkpointed
    /// and truncated. A field that holds nothing is purged all the same (the request is
    /// recorded). Returns the new version number.
    @discardableResult
    public func purgeField(_ code: CaseCode, field: PurgeableField, reason: String) throws -> Int {
        _ = try keys.key(.caseWrapping)
        let row = try liveRow(code)
        let sealer = sealer
        let oldKey = try sealer.dataKey(for: row, code: code)
        guard let sealedCurrent = row.document else { throw CaseStoreError.tamperedRecord(.caseFile(code.rawValue)) }
        var document = try sealer.openDocument(sealedCurrent, code: code, version: row.version, dataKey: oldKey)
        field.remove(from: &document)
        try CaseDocumentCodec.validate(document, today: vault.options.now())
        let newKey = try SecretBytes.random(count: 32)
        let version = row.version + 1
        var mutations = try newVersion(document, of: row, code: code, sealer: sealer, dataKey: newKey,
                                       audit: auditDraft(.casePurge, caseCode: code.rawValue,
                                                         details: ["field": field.rawValue, "reason": reason, "version": String(version)]))
        let earlier = try storage.history(code: code.rawValue) + [HistoryRow(version: row.version, document: sealedCurrent)]
        for old in earlier {
            var copy = try sealer.openDocument(old.document, code: code, version: old.version, dataKey: oldKey)
            field.remove(from: &copy)
            mutations.append(.replaceHistoryVersion(code: code.rawValue, version: old.version,
                                                    document: try sealer.sealDocument(copy, code: code, version: old.version, dataKey: newKey)))
        }
        mutations.append(.rewrapCase(code: code.rawValue, keyVersion: sealer.keyVersion, wrappedKey: try sealer.wrap(newKey, code: code),
                                     nameTokens: try sealer.nameTokens(document.survivor.name), version: version))
        try commit(mutations)
        return version
    }
}
