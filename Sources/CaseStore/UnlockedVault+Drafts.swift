import VaultCrypto

/// Intake drafts: the partial answers of an interrupted intake, saved after every answer so
/// that nothing typed is lost. Sealed under a key derived from the user's own exchange key, so
/// only that user can read their draft (a rekey or role change keeps it readable).
extension UnlockedVault {
    static let draftLabel = Array("casevault v1 key intake-draft".utf8)

    private func draftKey() throws -> SecretBytes {
        try HKDFSHA256.deriveKey(inputKey: keys.key(.exchange), salt: vault.meta.vaultID, info: Self.draftLabel, length: 32)
    }

    private var draftAssociatedData: [UInt8] {
        AssociatedData.make("intake_drafts.sealed", AssociatedData.hex(vault.meta.vaultID), user)
    }

    /// Saves (replaces) this user's draft.
    public func saveIntakeDraft(_ plaintext: [UInt8]) throws {
        let sealed = try SealedValue.seal(plaintext, key: draftKey(), associatedData: draftAssociatedData)
        try storage.apply([.putIntakeDraft(user: user, sealed: sealed, updatedDay: vault.options.today),
                           .appendAudit(auditDraft(.intakeDraftSave))])
    }

    /// This user's draft, if any.
    public func loadIntakeDraft() throws -> [UInt8]? {
        guard let sealed = try storage.intakeDraft(user: user) else { return nil }
        do {
            return try SealedValue.open(sealed, key: draftKey(), associatedData: draftAssociatedData)
        } catch {
            throw CaseStoreError.tamperedRecord(.intakeDraft(user: user))
        }
    }

    /// Deletes this user's draft.
    public func discardIntakeDraft() throws {
        try storage.apply([.deleteIntakeDraft(user: user), .appendAudit(auditDraft(.intakeDraftDiscard))])
    }
}
