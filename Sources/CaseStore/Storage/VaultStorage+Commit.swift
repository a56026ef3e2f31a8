/// The one way CaseStore writes: read the trail's head, chain the batch's entries after it, and
/// apply; when another writer appended first (`auditHeadMoved`), chain again after the new head.
/// Row changes carry their own checks (case version, key version), so a retry can only succeed
/// when the write is still valid on top of what the other writer did.
extension VaultStorage {
    /// Attempts before a writer that keeps losing the race is told the vault is busy.
    static var commitAttempts: Int { 50 }

    func commit(_ mutations: [StorageMutation], vaultID: [UInt8], keyVersion: Int?) throws {
        let appends = mutations.contains {
            switch $0 {
            case .appendAudit, .signAuditHead: true
            default: false
            }
        }
        for _ in 0..<Self.commitAttempts {
            let head = try appends ? auditHead().map { AuditPosition(seq: $0.seq, hash: $0.hash) } : nil
            let batch = try StorageBatch.resolving(mutations, after: head, vaultID: vaultID, keyVersion: keyVersion)
            do {
                return try apply(batch)
            } catch CaseStoreError.auditHeadMoved {
                continue
            }
        }
        throw CaseStoreError.vaultLocked
    }
}
