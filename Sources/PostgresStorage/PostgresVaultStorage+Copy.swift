import CaseStore
import PostgresNIO

/// The PostgreSQL side of `vault copy` and `status`: every row from one snapshot, rows loaded
/// as they are, and the counts of rows.
extension PostgresVaultStorage {
    public func counts() throws -> StorageCounts {
        try session.snapshot {
            let users: Int = try session.query("SELECT count(*) FROM key_slots").firstRow?.value(0) ?? 0
            let audit: Int = try session.query("SELECT count(*) FROM audit_log").firstRow?.value(0) ?? 0
            var byStatus: [String: Int] = [:]
            for row in try session.query("SELECT status, count(*) FROM cases GROUP BY status").allRows {
                byStatus[try row.value(0)] = try row.value(1)
            }
            return StorageCounts(users: users, openCases: byStatus["open"] ?? 0, closedCases: byStatus["closed"] ?? 0,
                                 erasedCases: byStatus["erased"] ?? 0, auditEntries: audit)
        }
    }

    /// In one repeatable-read snapshot, in the order of the protocol: the identity and users,
    /// cases by id (each with its earlier versions, sorted name tokens and facts), the signed
    /// settings and the export ledger, the trail by sequence number, then the signed heads.
    public func forEachStoredRow(_ body: (StoredRow) throws -> Void) throws {
        try session.snapshot {
            for row in try identityRows() { try body(row) }
            try session.forEachPage(keyColumn: 14, { after in
                """
                SELECT \(unescaped: Self.caseColumns), 0::bigint, id FROM cases WHERE id > \(after) ORDER BY id
                LIMIT \(PostgresSession.pageSize)
                """
            }) { page in
                for stored in try storedCases(page) { try body(.storedCase(stored)) }
            }
            for row in try settingRows() { try body(row) }
            try session.forEachRow(keyColumn: 0, { after in
                "SELECT \(unescaped: Self.auditColumns) FROM audit_log WHERE seq > \(after) ORDER BY seq LIMIT \(PostgresSession.pageSize)"
            }) { try body(.auditEntry(try Self.auditRow($0))) }
            try session.forEachRow(keyColumn: 0, { after in
                "SELECT \(unescaped: Self.headColumns) FROM audit_heads WHERE seq > \(after) ORDER BY seq LIMIT \(PostgresSession.pageSize)"
            }) { try body(.auditHead(try Self.headRow($0))) }
        }
    }

    /// The vault's identity, users and their keys, drafts and profiles: few rows, read at once.
    private func identityRows() throws -> [StoredRow] {
        var rows: [StoredRow] = try session.query("""
            SELECT vault_id, format_version, key_version, created_day, signing_public_key FROM vault_meta
            """).allRows.map { .meta(try Self.metaRow($0)) }
        rows += try session.query("SELECT \(unescaped: Self.slotColumns) FROM key_slots ORDER BY user_name").allRows
            .map { .keySlot(try Self.slotRow($0)) }
        rows += try session.query("SELECT \(unescaped: Self.grantColumns) FROM key_grants ORDER BY user_name").allRows
            .map { .keyGrant(try Self.grantRow($0)) }
        if let directory = try directory() { rows.append(.directory(directory)) }
        rows += try session.query("SELECT version, sealed FROM retired_audit_keys ORDER BY version").allRows
            .map { .retiredAuditKey(try Self.retiredKeyRow($0)) }
        rows += try session.query("SELECT user_name, updated_day, sealed FROM intake_drafts ORDER BY user_name").allRows.map {
            .intakeDraft(user: try $0.value(0), updatedDay: try $0.value(1), sealed: try $0.bytes(2))
        }
        rows += try session.query("SELECT user_name, grammatical_gender FROM user_profiles ORDER BY user_name").allRows.map {
            .grammaticalGender(user: try $0.value(0), try $0.raw(1, as: GrammaticalGender.self))
        }
        rows += try session.query("SELECT user_name, failures, last_failure_at FROM login_failures ORDER BY user_name").allRows.map {
            .loginFailure(user: try $0.value(0), LoginFailureRow(failures: try $0.value(1), lastFailureAt: try $0.value(2)))
        }
        return rows
    }

    /// A page of case rows with their earlier versions, tokens and facts, read in three queries.
    private func storedCases(_ page: [PostgresRandomAccessRow]) throws -> [StoredCase] {
        let ids: [Int64] = try page.map { try $0.value(14) }
        var history: [Int64: [HistoryRow]] = [:]
        for row in try session.query("""
            SELECT case_id, version, document FROM case_history WHERE case_id = ANY(\(ids)) ORDER BY case_id, version
            """).allRows {
            history[try row.value(0), default: []].append(HistoryRow(version: try row.value(1), document: try row.bytes(2)))
        }
        var tokens: [Int64: [[UInt8]]] = [:]
        for row in try session.query("SELECT case_id, token FROM name_index WHERE case_id = ANY(\(ids))").allRows {
            tokens[try row.value(0), default: []].append(try row.bytes(1))
        }
        var facts: [Int64: (version: Int, sealed: [UInt8])] = [:]
        for row in try session.query("SELECT case_id, case_version, sealed FROM case_facts WHERE case_id = ANY(\(ids))").allRows {
            facts[try row.value(0)] = (try row.value(1), try row.bytes(2))
        }
        return try zip(page, ids).map { row, id in
            StoredCase(row: try Self.caseRow(row), history: history[id] ?? [], nameTokens: tokens[id] ?? [], facts: facts[id])
        }
    }

    /// The statistics policy, the signed settings by name and the export ledger in insertion order.
    private func settingRows() throws -> [StoredRow] {
        var rows: [StoredRow] = []
        if let policy = try statisticsPolicy() { rows.append(.statisticsPolicy(policy)) }
        rows += try session.query("SELECT name, revision, signer, body, signature FROM signed_settings ORDER BY name").allRows.map {
            .signedSetting(name: try $0.value(0), SignedSettingRow(revision: try $0.value(1), signer: try $0.value(2),
                                                                   body: try $0.bytes(3), signature: try $0.bytes(4)))
        }
        rows += try session.query("SELECT \(unescaped: Self.exportRequestColumns) FROM export_requests ORDER BY ordinal").allRows.map {
            .exportRequest(try Self.exportRequestRow($0), used: try $0.value(9))
        }
        return rows
    }

    /// The whole copy in one transaction: a copy that was killed or failed leaves the database
    /// as it found it.
    public func holdingOneTransaction<T>(_ body: () throws -> T) throws -> T {
        try session.holding(body)
    }

    /// In one transaction under the writers' lock; each case gets the next id the database gives.
    /// Runs of audit entries are inserted a page at a time.
    public func load(_ rows: [StoredRow]) throws {
        try session.transaction {
            try session.lockWriters()
            var entries: [AuditEntryRow] = []
            for row in rows {
                if case .auditEntry(let entry) = row {
                    entries.append(entry)
                    if entries.count == PostgresSession.pageSize {
                        try Self.insert(entries, session)
                        entries = []
                    }
                } else {
                    try Self.insert(entries, session)
                    entries = []
                    try load(row)
                }
            }
            try Self.insert(entries, session)
        }
    }

    private func load(_ row: StoredRow) throws {
        switch row {
        case .meta(let meta):
            try PostgresMutations.apply(.insertMeta(meta), session)
        case .keySlot(let slot):
            try PostgresMutations.insertSlot(slot, session)
        case .keyGrant(let grant):
            try PostgresMutations.putGrant(grant, session)
        case .directory(let directory):
            try PostgresMutations.putDirectory(directory, session)
        case .retiredAuditKey(let key):
            try PostgresMutations.insertRetiredKey(key, session)
        case .intakeDraft(let user, let updatedDay, let sealed):
            try PostgresMutations.putDraft(user: user, updatedDay: updatedDay, sealed: sealed, session)
        case .grammaticalGender(let user, let gender):
            try PostgresMutations.putGender(user: user, gender, session)
        case .loginFailure(let user, let failures):
            try session.query("""
                INSERT INTO login_failures (user_name, failures, last_failure_at) VALUES (\(user), \(failures.failures), \(failures.lastFailureAt))
                """)
        case .storedCase(let stored):
            do {
                try PostgresMutations.insertCase(stored, session)
            } catch is CaseCodeTaken {
                // Only into an empty database: another writer is filling it.
                throw CaseStoreError.storageFailure(.engine)
            }
        case .statisticsPolicy(let policy):
            try PostgresMutations.putPolicy(policy, session)
        case .signedSetting(let name, let setting):
            try PostgresMutations.putSetting(name: name, setting, session)
        case .exportRequest(let request, let used):
            try PostgresMutations.insertExportRequest(request, used: used, session)
        case .auditEntry(let entry):
            try Self.insert([entry], session)
        case .auditHead(let head):
            try Self.insert(head, session)
        }
    }
}
