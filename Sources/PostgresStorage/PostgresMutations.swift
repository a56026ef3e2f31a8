import CaseStore
import PostgresNIO

/// Each `StorageMutation` as statements, with the SQLite backend's semantics and checks: a case
/// is changed only while it is live (else `caseNotFound`), a new document only on top of the
/// version before it and a new state only on top of the revision its writer read (else
/// `caseChanged`), a key slot or export request only when exactly the expected row changes.
/// Runs inside `apply`'s transaction, which any thrown error rolls back whole.
enum PostgresMutations {
    static func apply(_ mutation: StorageMutation, _ session: PostgresSession) throws {
        switch mutation {
        case .insertMeta(let meta):
            try session.query("""
                INSERT INTO vault_meta (singleton, vault_id, format_version, key_version, created_day, signing_public_key)
                VALUES (1, \(meta.vaultID.bytea), \(meta.formatVersion), \(meta.keyVersion), \(meta.createdDay), \(meta.signingPublicKey?.bytea))
                """)
        case .setKeyVersion(let version):
            try session.query("UPDATE vault_meta SET key_version = \(version)")
        case .insertKeySlot(let slot):
            try insertSlot(slot, session)
        case .replaceKeySlot(let slot):
            let changed = try session.execute("""
                UPDATE key_slots SET role = \(slot.role.rawValue), kdf_log_n = \(slot.kdfLogN), kdf_r = \(slot.kdfR), kdf_p = \(slot.kdfP),
                       salt = \(slot.salt.bytea), key_version = \(slot.keyVersion), sealed_keys = \(slot.sealedKeys.bytea),
                       created_day = \(slot.createdDay), disabled = \(slot.disabled), exchange_public_key = \(slot.exchangePublicKey.bytea)
                WHERE user_name = \(slot.user)
                """)
            guard changed == 1 else { throw CaseStoreError.unknownUser(slot.user) }
        case .setUserDisabled(let user, let disabled):
            guard try session.execute("UPDATE key_slots SET disabled = \(disabled) WHERE user_name = \(user)") == 1 else {
                throw CaseStoreError.unknownUser(user)
            }
        case .putKeyGrant(let grant):
            try putGrant(grant, session)
        case .deleteKeyGrant(let user):
            try session.query("DELETE FROM key_grants WHERE user_name = \(user)")
        case .recordLoginFailure(let user, let at):
            try session.query("""
                INSERT INTO login_failures (user_name, failures, last_failure_at) VALUES (\(user), 1, \(at))
                ON CONFLICT (user_name) DO UPDATE SET failures = login_failures.failures + 1, last_failure_at = excluded.last_failure_at
                """)
        case .clearLoginFailures(let user):
            try session.query("DELETE FROM login_failures WHERE user_name = \(user)")
        case .insertCase(let row, let tokens):
            try insertCase(StoredCase(row: row, history: [], nameTokens: tokens, facts: nil), session)
        case .replaceDocument(let code, let version, let document, let updatedDay, let tokens):
            let live = try liveCase(code, session)
            guard live.version == version - 1 else { throw CaseStoreError.caseChanged(code) }
            try session.query("""
                INSERT INTO case_history (case_id, version, document) SELECT id, version, document FROM cases WHERE id = \(live.id)
                """)
            try session.query("""
                UPDATE cases SET version = \(version), document = \(document.bytea), updated_day = \(updatedDay) WHERE id = \(live.id)
                """)
            try replaceTokens(tokens, caseID: live.id, session)
        case .rewrapCase(let code, let keyVersion, let wrappedKey, let tokens, let version):
            let live = try liveCase(code, session)
            guard live.version == version else { throw CaseStoreError.caseChanged(code) }
            try session.query("UPDATE cases SET key_version = \(keyVersion), wrapped_key = \(wrappedKey.bytea) WHERE id = \(live.id)")
            try replaceTokens(tokens, caseID: live.id, session)
        case .requireAllCases(let keyVersion):
            let stale: Int = try session.query("SELECT count(*) FROM cases WHERE status <> 'erased' AND key_version <> \(keyVersion)")
                .firstRow?.value(0) ?? 0
            guard stale == 0 else { throw CaseStoreError.vaultLocked }
        case .setCaseState(let code, let status, let assignee, let state, let updatedDay, let replacing):
            guard status != .erased else { throw CaseStoreError.caseErased(code) }
            let live = try liveCase(code, session)
            guard live.stateRevision == replacing else { throw CaseStoreError.caseChanged(code) }
            try session.query("""
                UPDATE cases SET status = \(status.rawValue), assignee = \(assignee), updated_day = \(updatedDay),
                       state_revision = \(state.revision), state_signer = \(state.signer), state_document_hash = \(state.documentHash.bytea),
                       state_signature = \(state.signature.bytea)
                WHERE id = \(live.id)
                """)
        case .eraseCase(let code, let updatedDay, let replacing):
            let live = try liveCase(code, session)
            guard live.stateRevision == replacing else { throw CaseStoreError.caseChanged(code) }
            try session.query("DELETE FROM case_history WHERE case_id = \(live.id)")
            try session.query("DELETE FROM name_index WHERE case_id = \(live.id)")
            try session.query("DELETE FROM case_facts WHERE case_id = \(live.id)")
            try session.query("""
                UPDATE cases SET status = 'erased', wrapped_key = NULL, document = NULL, updated_day = \(updatedDay), state_signer = NULL,
                       state_document_hash = NULL, state_signature = NULL
                WHERE id = \(live.id)
                """)
        case .replaceHistoryVersion(let code, let version, let document):
            let live = try liveCase(code, session)
            let changed = try session.execute("""
                UPDATE case_history SET document = \(document.bytea) WHERE case_id = \(live.id) AND version = \(version)
                """)
            guard changed == 1 else { throw CaseStoreError.tamperedRecord(.caseFile(code)) }
        case .putIntakeDraft(let user, let sealed, let updatedDay):
            try putDraft(user: user, updatedDay: updatedDay, sealed: sealed, session)
        case .deleteIntakeDraft(let user):
            try session.query("DELETE FROM intake_drafts WHERE user_name = \(user)")
        case .setGrammaticalGender(let user, let gender):
            try putGender(user: user, gender, session)
        case .putFacts(let code, let caseVersion, let sealed):
            let live = try liveCase(code, session)
            try putFacts(caseID: live.id, version: caseVersion, sealed: sealed, session)
        case .putStatisticsPolicy(let row):
            try StorageMutation.requireNext(row.revision, after: session.query("SELECT revision FROM statistics_policy").firstRow?.value(0))
            try putPolicy(row, session)
        case .putSignedSetting(let name, let row):
            try StorageMutation.requireNext(row.revision, after: session.query("SELECT revision FROM signed_settings WHERE name = \(name)")
                .firstRow?.value(0))
            try putSetting(name: name, row, session)
        case .insertExportRequest(let row):
            try insertExportRequest(row, used: false, session)
        case .decideExportRequest(let id, let decider, let decision, let signature):
            let changed = try session.execute("""
                UPDATE export_requests SET decider = \(decider), decision = \(decision.bytea), decision_signature = \(signature.bytea)
                WHERE id = \(id) AND decision IS NULL
                """)
            guard changed == 1 else { throw CaseStoreError.exportRequestNotPending(id) }
        case .markExportRequestUsed(let id):
            let changed = try session.execute("""
                UPDATE export_requests SET used = true WHERE id = \(id) AND NOT used AND decision IS NOT NULL
                """)
            guard changed == 1 else { throw CaseStoreError.exportRequestUsed(id) }
        case .retireAuditKey(let retired):
            try insertRetiredKey(retired, session)
        case .putDirectory(let row):
            try StorageMutation.requireNext(row.revision, after: session.query("SELECT revision FROM user_directory").firstRow?.value(0))
            try putDirectory(row, session)
        case .appendAudit, .signAuditHead:
            // Resolved by CaseStore into `StorageBatch.audit`: a batch holding one is malformed.
            throw CaseStoreError.storageFailure(.engine)
        }
    }

    /// A live case's id, version and state revision.
    private static func liveCase(_ code: String, _ session: PostgresSession) throws -> (id: Int64, version: Int, stateRevision: Int) {
        guard let row = try session.query("""
            SELECT id, version, state_revision FROM cases WHERE code = \(code) AND status <> 'erased'
            """).firstRow else { throw CaseStoreError.caseNotFound(code) }
        return (try row.value(0), try row.value(1), try row.value(2))
    }

    private static func replaceTokens(_ tokens: [[UInt8]], caseID: Int64, _ session: PostgresSession) throws {
        try session.query("DELETE FROM name_index WHERE case_id = \(caseID)")
        try insertTokens(tokens, caseID: caseID, session)
    }

    private static func insertTokens(_ tokens: [[UInt8]], caseID: Int64, _ session: PostgresSession) throws {
        guard !tokens.isEmpty else { return }
        try session.query("""
            INSERT INTO name_index (token, case_id) SELECT unnest(\(tokens.map(\.bytea))::bytea[]), \(caseID) ON CONFLICT DO NOTHING
            """)
    }
}
