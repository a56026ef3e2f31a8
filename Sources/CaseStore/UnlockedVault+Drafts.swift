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
///
/// The trail records a draft's start and its end, not every answer: the first save writes an
/// `intakeDraftSave` entry, later saves only replace the sealed draft, and the end is the case
/// created from it (`caseCreate`, same transaction), its discarding (`intakeDraftDiscard`) or
/// the user leaving it for later (`keepIntakeDraft`, another `intakeDraftSave`).
extension UnlockedVault {
    /// Saves (replaces) this user's draft; only a draft's first save is an audit entry.
    public func saveIntakeDraft(_ plaintext: [UInt8]) throws {
        let put = try putDraft(plaintext)
        if try storage.intakeDraft(user: user) == nil {
            try commit([put, .appendAudit(auditDraft(.intakeDraftSave))])
        } else {
            try storage.commit([put], vaultID: vaultID, keyVersion: vault.meta.keyVersion)
        }
    }

    /// Saves this user's draft as she leaves it for later, on the record.
    public func keepIntakeDraft(_ plaintext: [UInt8]) throws {
        try commit([try putDraft(plaintext), .appendAudit(auditDraft(.intakeDraftSave, details: ["stage": "kept"]))])
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

    private func putDraft(_ plaintext: [UInt8]) throws -> StorageMutation {
        let sealed = try IntakeDraftSealer.seal(plaintext, exchange: keys.key(.exchange), user: user, vaultID: vault.meta.vaultID)
        return .putIntakeDraft(user: user, sealed: sealed, updatedDay: vault.options.today)
    }
}
