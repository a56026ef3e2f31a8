import VaultCrypto

/// How a session extends its trust in the audit trail from one write to the next. Between two
/// writes of hers, other offices append; someone who can write to the store could append too
/// (the chain hash needs no key). Before she chains and signs after the newest entry, every entry
/// since the last place she verified must chain from it, and every entry that needs a key must
/// stand under a valid head signature of a certified user: otherwise her signature would vouch
/// for an entry nobody signed.
extension UnlockedVault {
    /// The newest signed head stored, verified against `directory`; nil when there is none.
    static func newestSignedHead(_ storage: any VaultStorage, directory: UserDirectory, vaultID: [UInt8]) throws -> AuditPosition? {
        guard let head = try storage.newestAuditHead() else { return nil }
        guard let hash = try storage.auditEntryHash(seq: head.seq), AuditHead.isValid(head, hash: hash, directory: directory, vaultID: vaultID)
        else { throw CaseStoreError.untrustedSignature(.auditTrail) }
        return AuditPosition(seq: head.seq, hash: hash)
    }

    /// The trail's newest entry, once everything after `trustedHead` is vouched for: chained in
    /// sequence from it, and no entry that needs a key after the last valid signed head. The
    /// entry at `trustedHead` must still be there, unchanged (a trail cut below what this session
    /// saw is refused, not written after). Refused as `untrustedSignature(.auditTrail)`.
    func vouchedHead() throws -> AuditPosition? {
        guard let trusted = trustedHead else { return try storage.auditHead().map { AuditPosition(seq: $0.seq, hash: $0.hash) } }
        let refused = CaseStoreError.untrustedSignature(.auditTrail)
        guard let stored = try storage.auditEntryHash(seq: trusted.seq), ConstantTime.equal(stored, trusted.hash) else { throw refused }
        // Read first, then check: checking may read the directory again, and a store's reads do
        // not nest. Between two writes of one session the entries are few.
        var appended: [(AuditEntryRow, AuditHeadRow?)] = []
        try storage.forEachAuditEntry(after: trusted.seq) { appended.append(($0, $1)) }
        var reached = trusted
        var keyedUnsigned = false
        for (row, head) in appended {
            guard row.seq == reached.seq + 1, ConstantTime.equal(try AuditChain.expectedHash(of: row, previous: reached.hash), row.hash) else {
                throw refused
            }
            reached = AuditPosition(seq: row.seq, hash: row.hash)
            if let head {
                let signers = directory.entry(head.signer) == nil ? try currentDirectory() : directory
                guard AuditHead.isValid(head, hash: row.hash, directory: signers, vaultID: vaultID) else { throw refused }
                keyedUnsigned = false
            } else if !AuditHead.keylessActions.contains(row.action) {
                keyedUnsigned = true
            }
        }
        guard !keyedUnsigned else { throw refused }
        return reached
    }
}
