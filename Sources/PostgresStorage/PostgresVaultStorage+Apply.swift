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
                for entry in audit.entries { try Self.insert(entry, session) }
                if let head = audit.signedHead { try Self.insert(head, session) }
            }
        }
    }

    static func insert(_ entry: AuditEntryRow, _ session: PostgresSession) throws {
        try session.query("""
            INSERT INTO audit_log (\(unescaped: auditColumns))
            VALUES (\(entry.seq), \(entry.at), \(entry.actor), \(entry.action), \(entry.caseCode), \(entry.outcome), \(entry.payload?.bytea),
                    \(entry.hash.bytea))
            """)
    }

    static func insert(_ head: AuditHeadRow, _ session: PostgresSession) throws {
        try session.query("""
            INSERT INTO audit_heads (\(unescaped: headColumns))
            VALUES (\(head.seq), \(head.signer), \(head.directoryRevision), \(head.signature.bytea))
            """)
    }
}
