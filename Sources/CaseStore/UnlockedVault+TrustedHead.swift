import VaultCrypto

/// How a session extends its trust in the audit trail from one write to the next. Between two
/// writes of hers, other offices append; someone who can write to the store could append too
/// (the chain hash needs no key). Before she chains and signs after the newest entry, every
/// entry since the last place she verified must be vouched for (`AuditContinuity`): otherwise
/// her signature would vouch for an entry nobody signed.
extension UnlockedVault {
    /// The newest signed head stored, verified against `directory`; nil when there is none.
    static func newestSignedHead(_ storage: any VaultStorage, directory: UserDirectory, vaultID: [UInt8]) throws -> AuditPosition? {
        guard let head = try storage.newestAuditHead() else { return nil }
        guard let hash = try storage.auditEntryHash(seq: head.seq), AuditHead.isValid(head, hash: hash, directory: directory, vaultID: vaultID)
        else { throw CaseStoreError.untrustedSignature(.auditTrail) }
        return AuditPosition(seq: head.seq, hash: hash)
    }

    /// The trail's newest entry, once everything after `trustedHead` is vouched for
    /// (`AuditContinuity`, which also requires the entry at `trustedHead` unchanged).
    func vouchedHead() throws -> AuditPosition? {
        guard let trusted = trustedHead else { return try storage.auditHead().map { AuditPosition(seq: $0.seq, hash: $0.hash) } }
        return try AuditContinuity.newestVouched(after: trusted, in: storage, directory: directory, refreshed: { try self.currentDirectory() },
                                                 vaultID: vaultID)
    }
}
