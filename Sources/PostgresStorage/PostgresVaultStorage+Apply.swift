import CaseStore
import PostgresNIO

/// The one way anything is written: a whole `StorageBatch` in one transaction, under the
/// writers' lock, after the batch's expectations are checked against what is committed.
extension PostgresVaultStorage {
    public func apply(_ batch: StorageBatch) throws {
        try session.transaction {
            try session.lockWriters()
            if let keyVersion = batch.keyVersion {
                let stored: Int? = try session.query("SELECT key_version FROM vault_meta").firstRow?.value(0)
                guard stored == keyVersion else { throw CaseStoreError.keysRotated }
            }
            if let audit = batch.audit {
                let head = try Self.auditHead(session)
                guard head?.seq == audit.after?.seq, head?.hash == audit.after?.hash else { throw CaseStoreError.auditHeadMoved }
            }
            for mutation in batch.mutations {
                try PostgresMutations.apply(mutation, session)
            }
            if let audit = batch.audit {
                try Self.insert(audit.entries, session)
                if let head = audit.signedHead { try Self.insert(head, session) }
            }
        }
    }

    /// Inserts entries in one statement, each column as an array parameter. PostgresNIO cannot
    /// bind an array holding NULLs, so the two nullable columns travel with a flag array each.
    static func insert(_ entries: [AuditEntryRow], _ session: PostgresSession) throws {
        guard !entries.isEmpty else { return }
        try session.query("""
            INSERT INTO audit_log (\(unescaped: auditColumns))
            SELECT seq, at, actor, action, CASE WHEN has_case_code THEN case_code END, outcome, CASE WHEN has_payload THEN payload END, hash
            FROM unnest(\(entries.map(\.seq))::bigint[], \(entries.map(\.at))::text[], \(entries.map(\.actor))::text[],
                        \(entries.map(\.action))::text[], \(entries.map { $0.caseCode != nil })::boolean[],
                        \(entries.map { $0.caseCode ?? "" })::text[], \(entries.map(\.outcome))::text[],
                        \(entries.map { $0.payload != nil })::boolean[], \(entries.map { ($0.payload ?? []).bytea })::bytea[],
                        \(entries.map(\.hash.bytea))::bytea[])
                AS e(seq, at, actor, action, has_case_code, case_code, outcome, has_payload, payload, hash)
            ORDER BY seq
            """)
    }

    static func insert(_ head: AuditHeadRow, _ session: PostgresSession) throws {
        try session.query("""
            INSERT INTO audit_heads (\(unescaped: headColumns))
            VALUES (\(head.seq), \(head.signer), \(head.directoryRevision), \(head.signature.bytea))
            """)
    }
}
