import Foundation
import GRDB

/// The SQLite side of `vault copy`: every row in one read transaction, and rows loaded as they
/// are.
extension SQLiteVaultStorage {
    func forEachStoredRow(_ body: (StoredRow) throws -> Void) throws {
        try read { db in
            for row in try Self.identityRows(db) { try body(row) }
            let cases = try Row.fetchCursor(db, sql: "SELECT \(Self.caseColumns), 0, id FROM cases ORDER BY id")
            while let row = try cases.next() {
                let id: Int64 = try row.value(14)
                let caseRow = try Self.caseRow(row)
                let history = try Row.fetchAll(db, sql: "SELECT version, document FROM case_history WHERE case_id = ? ORDER BY version",
                                               arguments: [id]).map { HistoryRow(version: try $0.value(0), document: Self.bytes(try $0.value(1))) }
                let tokens = try Data.fetchAll(db, sql: "SELECT token FROM name_index WHERE case_id = ?", arguments: [id]).map { Array($0) }
                let facts = try Row.fetchOne(db, sql: "SELECT case_version, sealed FROM case_facts WHERE case_id = ?", arguments: [id])
                    .map { (version: try $0.value(0) as Int, sealed: Self.bytes(try $0.value(1))) }
                try body(.storedCase(StoredCase(row: caseRow, history: history, nameTokens: tokens, facts: facts)))
            }
            for row in try Self.settingRows(db) { try body(row) }
            let entries = try Row.fetchCursor(db, sql: "SELECT \(Self.auditColumns) FROM audit_log ORDER BY seq")
            while let row = try entries.next() { try body(.auditEntry(try Self.auditRow(row))) }
            let heads = try Row.fetchCursor(db, sql: "SELECT seq, signer, directory_revision, signature FROM audit_heads ORDER BY seq")
            while let row = try heads.next() { try body(.auditHead(try Self.headRow(row))) }
        }
    }

    /// The vault's identity, users and their keys, drafts and profiles: few rows, read at once.
    private static func identityRows(_ db: Database) throws -> [StoredRow] {
        var rows: [StoredRow] = []
        if let meta = try Row.fetchOne(db, sql: "SELECT vault_id, format_version, key_version, created_day, signing_public_key FROM vault_meta") {
            let signing: Data? = try meta.value(4)
            rows.append(.meta(VaultMetaRow(vaultID: bytes(try meta.value(0)), formatVersion: try meta.value(1), keyVersion: try meta.value(2), createdDay: try meta.value(3),
                                           signingPublicKey: signing.map { Array($0) })))
        }
        rows += try Row.fetchAll(db, sql: "SELECT \(slotColumns) FROM key_slots ORDER BY user_name").map { .keySlot(try slot($0)) }
        rows += try Row.fetchAll(db, sql: """
            SELECT user_name, role, key_version, ephemeral_key, sealed_keys, granted_by, signature FROM key_grants ORDER BY user_name
            """).map {
            guard let role = Role(rawValue: try $0.value(1)) else { throw CaseStoreError.corruptVault }
            let signature: Data? = try $0.value(6)
            return .keyGrant(KeyGrantRow(user: try $0.value(0), role: role, keyVersion: try $0.value(2), ephemeralKey: bytes(try $0.value(3)), sealedKeys: bytes(try $0.value(4)),
                                         grantedBy: try $0.value(5), signature: signature.map { Array($0) }))
        }
        rows += try Row.fetchAll(db, sql: "SELECT revision, public_key, body, signature FROM user_directory").map {
            .directory(DirectoryRow(revision: try $0.value(0), publicKey: bytes(try $0.value(1)), body: bytes(try $0.value(2)), signature: bytes(try $0.value(3))))
        }
        rows += try Row.fetchAll(db, sql: "SELECT version, sealed FROM retired_audit_keys ORDER BY version").map {
            .retiredAuditKey(RetiredAuditKeyRow(version: try $0.value(0), sealed: bytes(try $0.value(1))))
        }
        rows += try Row.fetchAll(db, sql: "SELECT user_name, updated_day, sealed FROM intake_drafts ORDER BY user_name").map {
            .intakeDraft(user: try $0.value(0), updatedDay: try $0.value(1), sealed: bytes(try $0.value(2)))
        }
        rows += try Row.fetchAll(db, sql: "SELECT user_name, grammatical_gender FROM user_profiles ORDER BY user_name").map {
            guard let gender = GrammaticalGender(rawValue: try $0.value(1)) else { throw CaseStoreError.corruptVault }
            return .grammaticalGender(user: try $0.value(0), gender)
        }
        rows += try Row.fetchAll(db, sql: "SELECT user_name, failures, last_failure_at FROM login_failures ORDER BY user_name").map {
            .loginFailure(user: try $0.value(0), LoginFailureRow(failures: try $0.value(1), lastFailureAt: try $0.value(2)))
        }
        return rows
    }

    /// The signed settings and the export ledger.
    private static func settingRows(_ db: Database) throws -> [StoredRow] {
        var rows: [StoredRow] = try Row.fetchAll(db, sql: "SELECT revision, signer, body, signature FROM statistics_policy").map {
            .statisticsPolicy(StatisticsPolicyRow(revision: try $0.value(0), signer: try $0.value(1), body: bytes(try $0.value(2)), signature: bytes(try $0.value(3))))
        }
        rows += try Row.fetchAll(db, sql: "SELECT name, revision, signer, body, signature FROM signed_settings ORDER BY name").map {
            .signedSetting(name: try $0.value(0), SignedSettingRow(revision: try $0.value(1), signer: try $0.value(2), body: bytes(try $0.value(3)), signature: bytes(try $0.value(4))))
        }
        rows += try Row.fetchAll(db, sql: """
            SELECT id, case_code, requester, created_day, body, signature, decider, decision, decision_signature, used
            FROM export_requests ORDER BY rowid
            """).map { row in
            let decision: Data? = try row.value(7), decisionSignature: Data? = try row.value(8)
            return .exportRequest(ExportRequestRow(id: try row.value(0), caseCode: try row.value(1), requester: try row.value(2), createdDay: try row.value(3), body: bytes(try row.value(4)),
                                                   signature: bytes(try row.value(5)), decider: try row.value(6), decision: decision.map { Array($0) },
                                                   decisionSignature: decisionSignature.map { Array($0) }),
                                  used: try row.value(9))
        }
        return rows
    }

    func load(_ rows: [StoredRow]) throws {
        try Self.mapErrors {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    for row in rows { try Self.load(row, db) }
                    return .commit
                }
            }
        }
    }

    private static func load(_ row: StoredRow, _ db: Database) throws {
        switch row {
        case .meta(let meta):
            try apply(.insertMeta(meta), db)
        case .keySlot(let slot):
            try apply(.insertKeySlot(slot), db)
        case .keyGrant(let grant):
            try apply(.putKeyGrant(grant), db)
        case .directory(let directory):
            try db.execute(sql: "INSERT INTO user_directory (singleton, revision, public_key, body, signature) VALUES (1, ?, ?, ?, ?)",
                           arguments: [directory.revision, Data(directory.publicKey), Data(directory.body), Data(directory.signature)])
        case .retiredAuditKey(let key):
            try apply(.retireAuditKey(key), db)
        case .intakeDraft(let user, let updatedDay, let sealed):
            try apply(.putIntakeDraft(user: user, sealed: sealed, updatedDay: updatedDay), db)
        case .grammaticalGender(let user, let gender):
            try apply(.setGrammaticalGender(user: user, gender: gender), db)
        case .loginFailure(let user, let failures):
            try db.execute(sql: "INSERT INTO login_failures (user_name, failures, last_failure_at) VALUES (?, ?, ?)",
                           arguments: [user, failures.failures, failures.lastFailureAt])
        case .storedCase(let stored):
            try load(stored, db)
        case .statisticsPolicy(let policy):
            try db.execute(sql: "INSERT INTO statistics_policy (singleton, revision, signer, body, signature) VALUES (1, ?, ?, ?, ?)",
                           arguments: [policy.revision, policy.signer, Data(policy.body), Data(policy.signature)])
        case .signedSetting(let name, let setting):
            try db.execute(sql: "INSERT INTO signed_settings (name, revision, signer, body, signature) VALUES (?, ?, ?, ?, ?)",
                           arguments: [name, setting.revision, setting.signer, Data(setting.body), Data(setting.signature)])
        case .exportRequest(let request, let used):
            try db.execute(sql: """
                INSERT INTO export_requests (id, case_code, requester, created_day, body, signature, decider, decision, decision_signature, used)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [request.id, request.caseCode, request.requester, request.createdDay, Data(request.body),
                                 Data(request.signature), request.decider, request.decision.map { Data($0) },
                                 request.decisionSignature.map { Data($0) }, used])
        case .auditEntry(let entry):
            try append(AuditAppend(after: nil, entries: [entry], signedHead: nil), db)
        case .auditHead(let head):
            try append(AuditAppend(after: nil, entries: [], signedHead: head), db)
        }
    }

    private static func load(_ stored: StoredCase, _ db: Database) throws {
        let row = stored.row
        try db.cachedStatement(sql: "INSERT INTO cases (\(caseColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: StatementArguments([
                row.code, row.status.rawValue, row.assignee, row.createdDay, row.updatedDay, row.keyVersion,
                row.wrappedKey.map { Data($0) }, row.version, row.document.map { Data($0) },
            ] + stateArguments(row.state)))
        let id = db.lastInsertedRowID
        let history = try db.cachedStatement(sql: "INSERT INTO case_history (case_id, version, document) VALUES (?, ?, ?)")
        for version in stored.history { try history.execute(arguments: [id, version.version, Data(version.document)]) }
        try insertTokens(stored.nameTokens, caseID: id, db)
        if let facts = stored.facts {
            try db.cachedStatement(sql: "INSERT INTO case_facts (case_id, case_version, sealed) VALUES (?, ?, ?)")
                .execute(arguments: [id, facts.version, Data(facts.sealed)])
        }
    }
}
