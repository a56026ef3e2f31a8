/// One atomic write as a backend receives it: row changes, the audit entries CaseStore has
/// already numbered and chained, the signed head they reach, and what the store must still look
/// like for the write to be valid. Made only by CaseStore (`StorageBatch.resolving`), so a
/// backend never computes a hash or decides anything: it checks the expectations and stores.
public struct StorageBatch: Sendable {
    /// Row changes in order, without `appendAudit` and `signAuditHead` (resolved into `audit`).
    public let mutations: [StorageMutation]
    /// The audit entries this batch appends, nil when it appends none.
    public let audit: AuditAppend?
    /// The vault key version the writer holds keys of; nil for writes that need no key (a
    /// failed login, the vault's first rows) and for the rekey that changes it.
    public let keyVersion: Int?

    init(mutations: [StorageMutation], audit: AuditAppend?, keyVersion: Int?) {
        self.mutations = mutations
        self.audit = audit
        self.keyVersion = keyVersion
    }
}

/// Audit entries to append after a known head: compare-and-swap on the trail, so that two
/// writers appending at once can never fork it or leave a gap.
public struct AuditAppend: Sendable {
    /// The newest entry the writer chained from; nil when the trail must still be empty.
    public let after: AuditPosition?
    /// The new entries, numbered from `after.seq + 1` and chained from its hash.
    public let entries: [AuditEntryRow]
    /// The writer's signature over the head the entries reach, if the batch is signed.
    public let signedHead: AuditHeadRow?

    /// Where the trail stands once the batch is written.
    public var reached: AuditPosition? {
        entries.last.map { AuditPosition(seq: $0.seq, hash: $0.hash) } ?? after
    }
}

/// A place in the audit trail: an entry's sequence number and chain hash.
public struct AuditPosition: Sendable, Equatable {
    public var seq: Int64
    public var hash: [UInt8]

    public init(seq: Int64, hash: [UInt8]) {
        self.seq = seq
        self.hash = hash
    }
}

extension StorageBatch {
    /// Numbers and chains the batch's audit drafts after `head` (the trail's newest entry, or
    /// the vault's genesis hash when it is empty) and signs the head they reach.
    static func resolving(_ mutations: [StorageMutation], after head: AuditPosition?, vaultID: [UInt8],
                          keyVersion: Int?) throws -> StorageBatch {
        var rows: [StorageMutation] = []
        rows.reserveCapacity(mutations.count)
        var entries: [AuditEntryRow] = []
        var signedHead: AuditHeadRow?
        var reached = head
        var previousHash = try head?.hash ?? AuditChain.genesis(vaultID: vaultID)
        for mutation in mutations {
            switch mutation {
            case .appendAudit(let draft):
                let seq = (reached?.seq ?? 0) + 1
                let hash = try AuditChain.hash(seq: seq, previous: previousHash, at: draft.at, actor: draft.actor,
                                               action: draft.action.rawValue, caseCode: draft.caseCode,
                                               outcome: draft.outcome.rawValue, payload: draft.payload)
                entries.append(AuditEntryRow(seq: seq, at: draft.at, actor: draft.actor, action: draft.action.rawValue,
                                             caseCode: draft.caseCode, outcome: draft.outcome.rawValue, payload: draft.payload, hash: hash))
                reached = AuditPosition(seq: seq, hash: hash)
                previousHash = hash
            case .signAuditHead(let signer, let directoryRevision, let sign):
                // A batch without entries (the benchmarks' unaudited create) has nothing new to
                // vouch for, and its head already carries a signature.
                guard !entries.isEmpty else { continue }
                guard let reached else { throw CaseStoreError.corruptVault }
                signedHead = AuditHeadRow(seq: reached.seq, signer: signer, directoryRevision: directoryRevision,
                                          signature: try sign(reached.seq, reached.hash))
            default:
                rows.append(mutation)
            }
        }
        let audit = entries.isEmpty && signedHead == nil ? nil : AuditAppend(after: head, entries: entries, signedHead: signedHead)
        return StorageBatch(mutations: rows, audit: audit, keyVersion: keyVersion)
    }
}
