import VaultCrypto

/// What may stand in the audit trail after a head someone verified, before she writes (and so
/// signs) after it: entries in sequence, and none that needs a key unless a valid head signature
/// of a certified user stands at or after it. Failed logins need no key and may stand unsigned;
/// the next signed head covers them. An entry whose bytes do not chain is not refused here: a
/// signature after it does not hide it, `audit verify` reports it where it is. What is refused
/// is signing over an entry that claims a user's action nobody signed, which would make it look
/// vouched for.
enum AuditContinuity {
    /// The newest entry after `start`, once the entries after it are vouched for; the entry at
    /// `start` must still be there, unchanged (read in the same query): a trail cut below what
    /// was verified is refused, not written after. Heads of signers `directory` does not know are
    /// checked against `refreshed()`, when given. Refused as `untrustedSignature(.auditTrail)`.
    static func newestVouched(after start: AuditPosition, in storage: any VaultStorage, directory: UserDirectory,
                              refreshed: (() throws -> UserDirectory)?, vaultID: [UInt8]) throws -> AuditPosition {
        let refused = CaseStoreError.untrustedSignature(.auditTrail)
        // Read first, then check: checking may read the directory, and a store's reads do not nest.
        var appended: [(AuditEntryRow, AuditHeadRow?)] = []
        try storage.forEachAuditEntry(after: start.seq - 1) { appended.append(($0, $1)) }
        guard let first = appended.first?.0, first.seq == start.seq, ConstantTime.equal(first.hash, start.hash) else { throw refused }
        appended.removeFirst()
        var signers = directory
        var reached = start
        var keyedUnsigned = false
        for (row, head) in appended {
            guard row.seq == reached.seq + 1 else { throw refused }
            reached = AuditPosition(seq: row.seq, hash: row.hash)
            if let head {
                if signers.entry(head.signer) == nil, let refreshed { signers = try refreshed() }
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
