/// How often a writer that keeps losing the race to the audit trail tries again before she is
/// told the vault is busy.
enum StorageCommitPolicy {
    static let attempts = 50
}

/// The writes that need no key and sign nothing (a failed login, the vault's first rows, a
/// draft saved again): read the trail's head, chain the batch's entries after it, and apply;
/// when another writer appended first (`auditHeadMoved`), chain again after the new head. A
/// logged-in user's writes go through `UnlockedVault.commit`, which vouches for the trail first.
extension VaultStorage {
    func commit(_ mutations: [StorageMutation], vaultID: [UInt8], keyVersion: Int?) throws {
        let appends = mutations.contains {
            switch $0 {
            case .appendAudit, .signAuditHead: true
            default: false
            }
        }
        for _ in 0..<StorageCommitPolicy.attempts {
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
