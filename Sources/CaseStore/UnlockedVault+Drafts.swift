import VaultCrypto

/// Seals intake drafts under a key derived from the user's own exchange key:
/// `HKDF-SHA256(exchange, salt: vault id, info: "casevault v1 key intake-draft")`, AD
/// `intake_drafts.sealed ‖ vault id ‖ user`.
enum IntakeDraftSealer {
    static let label = Array("casevault v1 key intake-draft".utf8)

    private static func key(_ exchange: SecretBytes, vaultID: [UInt8]) throws -> SecretBytes {
        try HKDFSHA256.deriveKey(inputKey: exchange, salt: vaultID, info: label, length: 32)
    }

    private static func associatedData(user: String, vaultID: [UInt8]) -> [UInt8] {
        AssociatedData.make("intake_drafts.sealed", AssociatedData.hex(vaultID), user)
    }

    static func seal(_ plaintext: [UInt8], exchange: SecretBytes, user: String, vaultID: [UInt8]) throws -> [UInt8] {
        try SealedValue.seal(plaintext, key: key(exchange, vaultID: vaultID), associatedData: associatedData(user: user, vaultID: vaultID))
    }

    static func open(_ sealed: [UInt8], exchange: SecretBytes, user: String, vaultID: [UInt8]) throws -> [UInt8] {
        do {
            return try SealedValue.open(sealed, key: key(exchange, vaultID: vaultID), associatedData: associatedData(user: user, vaultID: vaultID))
        } catch {
            throw CaseStoreError.tamperedRecord(.intakeDraft(user: user))
        }
    }
}

/// Intake drafts: the partial answers of an interrupted intake, saved after every answer so
/// that nothing typed is lost. Sealed under a key derived from the user's own exchange key, so
/// only that user can read their draft (a rekey or role change keeps it readable; a new exchange
/// key from a grant re-seals it at that login).
extension UnlockedVault {
    /// Saves (replaces) this user's draft.
    public func saveIntakeDraft(_ plaintext: [UInt8]) throws {
        let sealed = try IntakeDraftSealer.seal(plaintext, exchange: keys.key(.exchange), user: user, vaultID: vault.meta.vaultID)
        try commit([.putIntakeDraft(user: user, sealed: sealed, updatedDay: vault.options.today), .appendAudit(auditDraft(.intakeDraftSave))])
    }

    /// This user's draft, if any.
    public func loadIntakeDraft() throws -> [UInt8]? {
        guard let sealed = try storage.intakeDraft(user: user) else { return nil }
        return try IntakeDraftSealer.open(sealed, exchange: keys.key(.exchange), user: user, vaultID: vault.meta.vaultID)
    }

    /// Deletes this user's draft.
    public func discardIntakeDraft() throws {
        try commit([.deleteIntakeDraft(user: user), .appendAudit(auditDraft(.intakeDraftDiscard))])
    }
}
