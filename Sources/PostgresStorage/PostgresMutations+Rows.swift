import CaseStore
import PostgresNIO

/// Statements that write one whole row as given: shared by the mutations that put a row and by
/// `load`, which stores a copied vault's rows exactly as they were. The `put` statements replace
/// the row with the same key, as the SQLite backend's INSERT OR REPLACE does.
extension PostgresMutations {
    static func insertSlot(_ slot: KeySlotRow, _ session: PostgresSession) throws {
        try session.query("""
            INSERT INTO key_slots (\(unescaped: PostgresVaultStorage.slotColumns))
            VALUES (\(slot.user), \(slot.role.rawValue), \(slot.kdfLogN), \(slot.kdfR), \(slot.kdfP), \(slot.salt.bytea), \(slot.keyVersion),
                    \(slot.sealedKeys.bytea), \(slot.createdDay), \(slot.disabled), \(slot.exchangePublicKey.bytea))
            """)
    }

    static func putGrant(_ grant: KeyGrantRow, _ session: PostgresSession) throws {
        try session.query("""
            INSERT INTO key_grants (\(unescaped: PostgresVaultStorage.grantColumns))
            VALUES (\(grant.user), \(grant.role.rawValue), \(grant.keyVersion), \(grant.ephemeralKey.bytea), \(grant.sealedKeys.bytea),
                    \(grant.grantedBy), \(grant.signature?.bytea))
            ON CONFLICT (user_name) DO UPDATE SET role = excluded.role, key_version = excluded.key_version,
                ephemeral_key = excluded.ephemeral_key, sealed_keys = excluded.sealed_keys, granted_by = excluded.granted_by,
                signature = excluded.signature
            """)
    }

    /// Inserts a case row with everything stored under it, in one statement (a copy moves
    /// thousands of cases): the database gives the case its id, and the earlier versions, name
    /// tokens and facts are inserted under that id. Arrays travel as parameters. A code already
    /// stored inserts nothing and throws `CaseCodeTaken`.
    static func insertCase(_ stored: StoredCase, _ session: PostgresSession) throws {
        let row = stored.row
        let state = row.state
        let facts = stored.facts.map { [$0] } ?? []
        let inserted = try session.execute("""
            WITH c AS (
                INSERT INTO cases (\(unescaped: PostgresVaultStorage.caseColumns))
                VALUES (\(row.code), \(row.status.rawValue), \(row.assignee), \(row.createdDay), \(row.updatedDay), \(row.keyVersion),
                        \(row.wrappedKey?.bytea), \(row.version), \(row.document?.bytea), \(state?.revision ?? 0), \(state?.signer),
                        \(state?.documentHash.bytea), \(state?.signature.bytea))
                ON CONFLICT (code) DO NOTHING
                RETURNING id
            ), history AS (
                INSERT INTO case_history (case_id, version, document)
                SELECT c.id, h.version, h.document
                FROM c, unnest(\(stored.history.map { Int64($0.version) })::bigint[], \(stored.history.map(\.document.bytea))::bytea[])
                    AS h(version, document)
            ), tokens AS (
                INSERT INTO name_index (token, case_id)
                SELECT t.token, c.id FROM c, unnest(\(stored.nameTokens.map(\.bytea))::bytea[]) AS t(token) ON CONFLICT DO NOTHING
            ), facts AS (
                INSERT INTO case_facts (case_id, case_version, sealed)
                SELECT c.id, f.version, f.sealed FROM c, unnest(\(facts.map { Int64($0.version) })::bigint[], \(facts.map(\.sealed.bytea))::bytea[])
                    AS f(version, sealed)
            )
            SELECT id FROM c
            """)
        guard inserted == 1 else { throw CaseCodeTaken() }
    }

    static func putDraft(user: String, updatedDay: String, sealed: [UInt8], _ session: PostgresSession) throws {
        try session.query("""
            INSERT INTO intake_drafts (user_name, updated_day, sealed) VALUES (\(user), \(updatedDay), \(sealed.bytea))
            ON CONFLICT (user_name) DO UPDATE SET updated_day = excluded.updated_day, sealed = excluded.sealed
            """)
    }

    static func putGender(user: String, _ gender: GrammaticalGender, _ session: PostgresSession) throws {
        try session.query("""
            INSERT INTO user_profiles (user_name, grammatical_gender) VALUES (\(user), \(gender.rawValue))
            ON CONFLICT (user_name) DO UPDATE SET grammatical_gender = excluded.grammatical_gender
            """)
    }

    static func putFacts(caseID: Int64, version: Int, sealed: [UInt8], _ session: PostgresSession) throws {
        try session.query("""
            INSERT INTO case_facts (case_id, case_version, sealed) VALUES (\(caseID), \(version), \(sealed.bytea))
            ON CONFLICT (case_id) DO UPDATE SET case_version = excluded.case_version, sealed = excluded.sealed
            """)
    }

    static func putPolicy(_ row: StatisticsPolicyRow, _ session: PostgresSession) throws {
        try session.query("""
            INSERT INTO statistics_policy (singleton, revision, signer, body, signature)
            VALUES (1, \(row.revision), \(row.signer), \(row.body.bytea), \(row.signature.bytea))
            ON CONFLICT (singleton) DO UPDATE SET revision = excluded.revision, signer = excluded.signer, body = excluded.body,
                signature = excluded.signature
            """)
    }

    static func putSetting(name: String, _ row: SignedSettingRow, _ session: PostgresSession) throws {
        try session.query("""
            INSERT INTO signed_settings (name, revision, signer, body, signature)
            VALUES (\(name), \(row.revision), \(row.signer), \(row.body.bytea), \(row.signature.bytea))
            ON CONFLICT (name) DO UPDATE SET revision = excluded.revision, signer = excluded.signer, body = excluded.body,
                signature = excluded.signature
            """)
    }

    static func insertExportRequest(_ row: ExportRequestRow, used: Bool, _ session: PostgresSession) throws {
        try session.query("""
            INSERT INTO export_requests (id, case_code, requester, created_day, body, signature, decider, decision, decision_signature, used)
            VALUES (\(row.id), \(row.caseCode), \(row.requester), \(row.createdDay), \(row.body.bytea), \(row.signature.bytea),
                    \(row.decider), \(row.decision?.bytea), \(row.decisionSignature?.bytea), \(used))
            """)
    }

    static func insertRetiredKey(_ row: RetiredAuditKeyRow, _ session: PostgresSession) throws {
        try session.query("INSERT INTO retired_audit_keys (version, sealed) VALUES (\(row.version), \(row.sealed.bytea))")
    }

    static func putDirectory(_ row: DirectoryRow, _ session: PostgresSession) throws {
        try session.query("""
            INSERT INTO user_directory (singleton, revision, public_key, body, signature)
            VALUES (1, \(row.revision), \(row.publicKey.bytea), \(row.body.bytea), \(row.signature.bytea))
            ON CONFLICT (singleton) DO UPDATE SET revision = excluded.revision, public_key = excluded.public_key, body = excluded.body,
                signature = excluded.signature
            """)
    }
}
