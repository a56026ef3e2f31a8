import VaultCrypto

extension UnlockedVault {
    /// Refuses, as `untrustedSignature(.auditTrail)`, a trail that is not the one its newest
    /// signed head vouches for: every entry must chain from the genesis hash, in sequence, up to
    /// the newest head, whose signature by a certified user must verify, and nothing but keyless
    /// entries (failed logins) may stand after it. Decisions that count or look up entries —
    /// how often a signed setting changed, whether an approved export request was used — call
    /// this first, so an entry flipped, deleted or added with `sqlite3` cannot move them. Only
    /// the newest head's signature is checked (the chain carries it back to the first entry):
    /// one pass of SHA-256 over the trail, without a signature check per head.
    func requireIntactAuditTrail() throws {
        let refused = CaseStoreError.untrustedSignature(.auditTrail)
        let directory = try currentDirectory()
        var previous = try AuditChain.genesis(vaultID: vaultID)
        var expected: Int64 = 1
        var newestHead: (head: AuditHeadRow, hash: [UInt8])?
        var keyedAfterHead = false
        try storage.forEachAuditEntry { row, head in
            guard row.seq == expected else { throw refused }
            let hash = try AuditChain.expectedHash(of: row, previous: previous)
            guard ConstantTime.equal(hash, row.hash) else { throw refused }
            if let head {
                newestHead = (head, hash)
                keyedAfterHead = false
            } else if !AuditHead.keylessActions.contains(row.action) {
                keyedAfterHead = true
            }
            previous = hash
            expected += 1
        }
        guard expected == 1 || (!keyedAfterHead && newestHead.map { AuditHead.isValid($0.head, hash: $0.hash, directory: directory, vaultID: vaultID) } == true)
        else { throw refused }
    }
}
