import Foundation
import GRDB

/// The embedded default backend: one SQLite file through GRDB, in WAL mode with
/// `synchronous=FULL`, `secure_delete=ON`, `temp_store=MEMORY` and foreign keys on.
final class SQLiteVaultStorage: LocalVaultFile {
    let queue: DatabaseQueue

    /// Opens (or, with `create`, makes) the file at `path` and brings its schema up to date. An
    /// existing file is first checked read-only (`VaultFileProbe`): a file that is not a vault is
    /// refused before anything is written to it. A new file is made by `PrivateFile` (0600,
    /// refusing anything already at `path`).
    init(path: String, create: Bool) throws {
        if create {
            try PrivateFile.create(at: path)
        } else {
            guard FileManager.default.fileExists(atPath: path) else { throw CaseStoreError.vaultNotFound(path) }
            try VaultFileProbe.requireVault(at: path)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(2)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY")
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        queue = try Self.mapErrors { try DatabaseQueue(path: path, configuration: configuration) }
        do {
            try Self.mapErrors { try SchemaMigrations.migrate(queue, isNew: create) }
        } catch let error as CaseStoreError {
            throw error
        } catch {
            // GRDB's migrator reads its own table with its own decoding: a row it cannot decode
            // (a damaged identifier) is a damaged vault, not an error of unknown kind.
            throw CaseStoreError.corruptVault
        }
    }

    /// Runs `body`, turning SQLite failures into `CaseStoreError` without their SQL or arguments.
    static func mapErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as CaseStoreError {
            throw error
        } catch let error as DatabaseError {
            throw translate(error)
        }
    }

    static func translate(_ error: DatabaseError) -> CaseStoreError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .vaultLocked
        // SQLITE_ERROR: a statement of ours that does not compile (no such column or table) means
        // the schema in the file is not the one the migrations wrote.
        case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT, .SQLITE_ERROR: return .corruptVault
        case .SQLITE_IOERR where error.extendedResultCode == .SQLITE_IOERR_SHORT_READ: return .corruptVault
        case .SQLITE_FULL: return .storageFailure(.diskFull)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH: return .storageFailure(.cannotOpenOrWrite)
        case .SQLITE_IOERR: return .storageFailure(.inputOutput)
        default: return .storageFailure(.engine)
        }
    }

    /// Runs `body` in one deferred (read) transaction on the connection. Not GRDB's `read`: that
    /// switches `PRAGMA query_only` on and off around each read, and SQLite expires every prepared
    /// statement when a flag pragma changes, so each read would compile its statements again.
    /// The bodies are this type's own queries, none of which writes.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.mapErrors {
            try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.deferred) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw CaseStoreError.storageFailure(.engine) }
                return result
            }
        }
    }

    func meta() throws -> VaultMetaRow? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT vault_id, format_version, key_version, created_day, signing_public_key FROM vault_meta").map {
                let signing: Data? = try $0.value(4)
                return VaultMetaRow(vaultID: Self.bytes(try $0.value(0)), formatVersion: try $0.value(1), keyVersion: try $0.value(2), createdDay: try $0.value(3),
                                    signingPublicKey: signing.map { Array($0) })
            }
        }
    }

    static let slotColumns =
        "user_name, role, kdf_log_n, kdf_r, kdf_p, salt, key_version, sealed_keys, created_day, disabled, exchange_public_key"

    static func slot(_ row: Row) throws -> KeySlotRow {
        guard let role = Role(rawValue: try row.value(1)) else { throw CaseStoreError.corruptVault }
        return KeySlotRow(user: try row.value(0), role: role, kdfLogN: try row.value(2), kdfR: try row.value(3), kdfP: try row.value(4), salt: bytes(try row.value(5)),
                          keyVersion: try row.value(6), sealedKeys: bytes(try row.value(7)), createdDay: try row.value(8), disabled: try row.value(9),
                          exchangePublicKey: bytes(try row.value(10)))
    }

    private static func slotArguments(_ slot: KeySlotRow) -> StatementArguments {
        [slot.user, slot.role.rawValue, slot.kdfLogN, slot.kdfR, slot.kdfP, Data(slot.salt), slot.keyVersion,
         Data(slot.sealedKeys), slot.createdDay, slot.disabled, Data(slot.exchangePublicKey)]
    }

    func keyGrant(user: String) throws -> KeyGrantRow? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT role, key_version, ephemeral_key, sealed_keys, granted_by, signature FROM key_grants WHERE user_name = ?
                """, arguments: [user]).map {
                guard let role = Role(rawValue: try $0.value(0)) else { throw CaseStoreError.corruptVault }
                let signature: Data? = try $0.value(5)
                return KeyGrantRow(user: user, role: role, keyVersion: try $0.value(1), ephemeralKey: Self.bytes(try $0.value(2)), sealedKeys: Self.bytes(try $0.value(3)),
                                   grantedBy: try $0.value(4), signature: signature.map { Array($0) })
            }
        }
    }

    func directory() throws -> DirectoryRow? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT revision, public_key, body, signature FROM user_directory").map {
                DirectoryRow(revision: try $0.value(0), publicKey: Self.bytes(try $0.value(1)), body: Self.bytes(try $0.value(2)), signature: Self.bytes(try $0.value(3)))
            }
        }
    }

    func retiredAuditKeys() throws -> [RetiredAuditKeyRow] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT version, sealed FROM retired_audit_keys ORDER BY version DESC").map {
                RetiredAuditKeyRow(version: try $0.value(0), sealed: Self.bytes(try $0.value(1)))
            }
        }
    }

    func intakeDraft(user: String) throws -> [UInt8]? {
        try read { db in try Data.fetchOne(db, sql: "SELECT sealed FROM intake_drafts WHERE user_name = ?", arguments: [user]).map { Array($0) } }
    }

    func grammaticalGenders() throws -> [String: GrammaticalGender] {
        try read { db in
            var genders: [String: GrammaticalGender] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT user_name, grammatical_gender FROM user_profiles") {
                if let gender = GrammaticalGender(rawValue: try row.value(1)) { genders[try row.value(0)] = gender }
            }
            return genders
        }
    }

    func loginFailures(user: String) throws -> LoginFailureRow? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT failures, last_failure_at FROM login_failures WHERE user_name = ?", arguments: [user]).map {
                LoginFailureRow(failures: try $0.value(0), lastFailureAt: try $0.value(1))
            }
        }
    }

    func keySlot(user: String) throws -> KeySlotRow? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.slotColumns) FROM key_slots WHERE user_name = ?", arguments: [user]).map(Self.slot)
        }
    }

    func keySlots() throws -> [KeySlotRow] {
        try read { db in try Row.fetchAll(db, sql: "SELECT \(Self.slotColumns) FROM key_slots ORDER BY user_name").map(Self.slot) }
    }

    static let caseColumns = """
        code, status, assignee, created_day, updated_day, key_version, wrapped_key, version, document,
        state_revision, state_signer, state_document_hash, state_signature
        """

    /// The columns a read returns: the stored ones and the count of the case's state changes in
    /// the audit trail, which the partial index `audit_log_case_changes_0008` answers.
    private static let readCaseColumns = caseColumns + ", " + committedRevisionColumn

    private static let committedRevisionColumn = "(SELECT count(*) \(caseChanges))"

    /// The audit entries that changed the case of the row (the partial index
    /// `audit_log_case_changes_0008`, whose action list must stay the same as this one). The action
    /// names are this program's own constants, never input.
    private static let caseChanges = """
        FROM audit_log WHERE case_code = cases.code AND outcome = 'ok' AND action IN (\(
            CaseState.changingActions.map { "'\($0.rawValue)'" }.joined(separator: ", ")))
        """

    /// The sequence number of a case's newest change in the trail, so that listings put the most
    /// recently changed case first (a day alone cannot order one day's changes).
    private static let lastChangeColumn = "(SELECT max(seq) \(caseChanges))"

    static func caseRow(_ row: Row) throws -> CaseRow {
        guard let status = CaseStatus(rawValue: try row.value(1)) else { throw CaseStoreError.corruptVault }
        let wrapped: Data? = try row.value(6)
        let document: Data? = try row.value(8)
        return CaseRow(code: try row.value(0), status: status, assignee: try row.value(2), createdDay: try row.value(3), updatedDay: try row.value(4),
                       keyVersion: try row.value(5), wrappedKey: wrapped.map { Array($0) }, version: try row.value(7), document: document.map { Array($0) },
                       state: try state(row, from: 9), committedRevision: try row.value(13))
    }

    /// The signed state stored in columns `start ..< start + 4` (revision, signer, hash, signature).
    static func state(_ row: Row, from start: Int) throws -> CaseStateSignature? {
        let signer: String? = try row.value(start + 1)
        let hash: Data? = try row.value(start + 2)
        let signature: Data? = try row.value(start + 3)
        guard let signer, let hash, let signature else { return nil }
        return CaseStateSignature(revision: try row.value(start), signer: signer, documentHash: Array(hash), signature: Array(signature))
    }

    static func stateArguments(_ state: CaseStateSignature?) -> [(any DatabaseValueConvertible)?] {
        [state?.revision ?? 0, state?.signer, state.map { Data($0.documentHash) }, state.map { Data($0.signature) }]
    }

    /// The row of `code`, found through the UNIQUE index on `code`. A damaged index can miss a
    /// row the table holds: that is `corruptVault`, not a case that is not found. (An index entry
    /// that points at another case's row gives this code with that row's signed state, which
    /// does not verify.)
    func caseRow(code: String) throws -> CaseRow? {
        try read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.readCaseColumns) FROM cases WHERE code = ?"),
                                             arguments: [code]) else {
                let scanned = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM cases NOT INDEXED WHERE code = ?)"),
                                                arguments: [code])
                if scanned == true { throw CaseStoreError.corruptVault }
                return nil
            }
            return try Self.caseRow(row)
        }
    }

    private static func codeExists(_ code: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM cases WHERE code = ?)"), arguments: [code]) ?? false
    }

    func history(code: String) throws -> [HistoryRow] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT h.version, h.document FROM case_history h JOIN cases c ON c.id = h.case_id
                WHERE c.code = ? ORDER BY h.version
                """, arguments: [code]).map { HistoryRow(version: try $0.value(0), document: Self.bytes(try $0.value(1))) }
        }
    }

    /// Codes per query when listing chosen cases (SQLite allows 32,766 bound values).
    static let listingChunk = 5_000

    func listings(codes: Set<String>?) throws -> [CaseListing] {
        guard let codes else { return try listings(chosen: nil) }
        let sorted = codes.sorted()
        return try stride(from: 0, to: sorted.count, by: Self.listingChunk).flatMap {
            try listings(chosen: Array(sorted[$0..<min($0 + Self.listingChunk, sorted.count)]))
        }
    }

    private func listings(chosen codes: [String]?) throws -> [CaseListing] {
        let selected = codes.map { " AND code IN (\(Array(repeating: "?", count: $0.count).joined(separator: ", ")))" } ?? ""
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.listingColumns) FROM cases
                WHERE status IS NOT 'erased'\(selected) ORDER BY updated_day DESC, \(Self.lastChangeColumn) DESC, id DESC
                """, arguments: StatementArguments(codes ?? [])).map(Self.listing)
        }
    }

    /// The columns of a `CaseListing`, in the order `listing` reads them.
    private static let listingColumns = """
        code, status, assignee, created_day, updated_day, version,
        state_revision, state_signer, state_document_hash, state_signature, \(committedRevisionColumn)
        """

    private static func listing(_ row: Row) throws -> CaseListing {
        guard let status = CaseStatus(rawValue: try row.value(1)) else { throw CaseStoreError.corruptVault }
        return CaseListing(summary: CaseSummary(code: try row.value(0), status: status, assignee: try row.value(2), createdDay: try row.value(3),
                                                updatedDay: try row.value(4), version: try row.value(5)),
                           state: try state(row, from: 6), committedRevision: try row.value(10))
    }

    /// One query: the name index's matches for every token, with their listing columns.
    func listings(withAllTokens tokens: [[UInt8]]) throws -> [CaseListing] {
        guard !tokens.isEmpty else { return [] }
        let intersection = Array(repeating: "SELECT case_id FROM name_index WHERE token = ?", count: tokens.count)
            .joined(separator: " INTERSECT ")
        let sql = "SELECT \(Self.listingColumns) FROM cases WHERE status IS NOT 'erased' AND id IN (\(intersection)) ORDER BY code"
        return try read { db in
            try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(tokens.map { Data($0) })).map(Self.listing)
        }
    }

    func forEachLiveCase(_ body: (CaseRow) throws -> Void) throws {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT \(Self.readCaseColumns) FROM cases WHERE status IS NOT 'erased' ORDER BY id")
            while let row = try rows.next() { try body(try Self.caseRow(row)) }
        }
    }

    func forEachFactsRow(_ body: (FactsRow) throws -> Void) throws {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT c.code, c.version, f.case_version, f.sealed FROM cases c INDEXED BY cases_facts_scan
                LEFT JOIN case_facts f ON f.case_id = c.id WHERE c.status IS NOT 'erased' ORDER BY c.id
                """)
            while let row = try rows.next() {
                let sealed: Data? = try row.value(3)
                try body(FactsRow(code: try row.value(0), version: try row.value(1), factsVersion: try row.value(2), sealed: sealed.map { Array($0) }))
            }
        }
    }

    func casesWithoutFactsCount() throws -> Int {
        try read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM cases c INDEXED BY cases_facts_scan
                WHERE c.status IS NOT 'erased' AND NOT EXISTS (SELECT 1 FROM case_facts f WHERE f.case_id = c.id)
                """) ?? 0
        }
    }

    func statisticsPolicy() throws -> StatisticsPolicyRow? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT revision, signer, body, signature FROM statistics_policy").map {
                StatisticsPolicyRow(revision: try $0.value(0), signer: try $0.value(1), body: Self.bytes(try $0.value(2)), signature: Self.bytes(try $0.value(3)))
            }
        }
    }

    func signedSetting(_ name: String) throws -> SignedSettingRow? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT revision, signer, body, signature FROM signed_settings WHERE name = ?", arguments: [name]).map {
                SignedSettingRow(revision: try $0.value(0), signer: try $0.value(1), body: Self.bytes(try $0.value(2)), signature: Self.bytes(try $0.value(3)))
            }
        }
    }

    func exportRequests() throws -> [ExportRequestRow] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, case_code, requester, created_day, body, signature, decider, decision, decision_signature
                FROM export_requests ORDER BY rowid
                """).map { row in
                let decision: Data? = try row.value(7), decisionSignature: Data? = try row.value(8)
                return ExportRequestRow(id: try row.value(0), caseCode: try row.value(1), requester: try row.value(2), createdDay: try row.value(3), body: Self.bytes(try row.value(4)),
                                        signature: Self.bytes(try row.value(5)), decider: try row.value(6), decision: decision.map { Array($0) },
                                        decisionSignature: decisionSignature.map { Array($0) })
            }
        }
    }

    static let auditColumns = "seq, at, actor, action, case_code, outcome, payload, hash"

    static func auditRow(_ row: Row) throws -> AuditEntryRow {
        let payload: Data? = try row.value(6)
        return AuditEntryRow(seq: try row.value(0), at: try row.value(1), actor: try row.value(2), action: try row.value(3), caseCode: try row.value(4), outcome: try row.value(5),
                             payload: payload.map { Array($0) }, hash: bytes(try row.value(7)))
    }

    func auditHead() throws -> (seq: Int64, hash: [UInt8])? {
        try read { db in try Self.auditHead(db) }
    }

    func close() throws {
        try Self.mapErrors { try queue.close() }
    }

    private static func auditHead(_ db: Database) throws -> (seq: Int64, hash: [UInt8])? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")).map {
            (seq: try $0.value(0), hash: bytes(try $0.value(1)))
        }
    }

    func auditEntries(_ filter: AuditFilter) throws -> [AuditEntryRow] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        for (column, value) in [("actor = ?", filter.actor), ("action = ?", filter.action), ("case_code = ?", filter.caseCode),
                                ("at >= ?", filter.since), ("at < ?", filter.until)] {
            guard let value else { continue }
            conditions.append(column)
            arguments.append(value)
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.auditColumns) FROM audit_log \(whereClause) ORDER BY seq",
                             arguments: StatementArguments(arguments)).map(Self.auditRow)
        }
    }

    func forEachAuditEntry(after seq: Int64, _ body: (AuditEntryRow, AuditHeadRow?) throws -> Void) throws {
        try read { db in
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT a.seq, a.at, a.actor, a.action, a.case_code, a.outcome, a.payload, a.hash, h.signer, h.directory_revision, h.signature
                FROM audit_log a LEFT JOIN audit_heads h ON h.seq = a.seq WHERE a.seq > ? ORDER BY a.seq
                """), arguments: [seq])
            while let row = try rows.next() {
                let entry = try Self.auditRow(row)
                let signer: String? = try row.value(8)
                let signature: Data? = try row.value(10)
                let head = try signer.flatMap { signer in
                    try signature.map { AuditHeadRow(seq: entry.seq, signer: signer, directoryRevision: try row.value(9), signature: Array($0)) }
                }
                try body(entry, head)
            }
        }
    }

    func auditEntryHash(seq: Int64) throws -> [UInt8]? {
        try read { db in try Data.fetchOne(db.cachedStatement(sql: "SELECT hash FROM audit_log WHERE seq = ?"), arguments: [seq]).map { Array($0) } }
    }

    func newestAuditHead() throws -> AuditHeadRow? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, signer, directory_revision, signature FROM audit_heads ORDER BY seq DESC LIMIT 1"))
                .map(Self.headRow)
        }
    }

    static func headRow(_ row: Row) throws -> AuditHeadRow {
        AuditHeadRow(seq: try row.value(0), signer: try row.value(1), directoryRevision: try row.value(2), signature: bytes(try row.value(3)))
    }

    func apply(_ batch: StorageBatch) throws {
        try Self.mapErrors {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try Self.check(batch, db)
                    var inserted: InsertedCase?
                    for mutation in batch.mutations { try Self.apply(mutation, db, inserted: &inserted) }
                    if let audit = batch.audit { try Self.append(audit, db) }
                    return .commit
                }
            }
        }
        if batch.mutations.contains(where: \.shredsCaseData) {
            // Push the shredded (erased or purged) pages out of the WAL now, not at the next
            // checkpoint. The batch is committed by now: a checkpoint the disk fails must not
            // report it as not saved. Its pages then leave the WAL at the next checkpoint that
            // succeeds (SQLite's own, or when the vault is closed).
            _ = try? Self.mapErrors { try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") } }
        }
    }

    /// The batch's expectations, checked inside its write transaction: the key version its writer
    /// holds and the audit head it chained from.
    private static func check(_ batch: StorageBatch, _ db: Database) throws {
        if let keyVersion = batch.keyVersion {
            guard try Int.fetchOne(db.cachedStatement(sql: "SELECT key_version FROM vault_meta")) == keyVersion else { throw CaseStoreError.keysRotated }
        }
        if let audit = batch.audit {
            let head = try auditHead(db)
            guard head?.seq == audit.after?.seq, head?.hash == audit.after?.hash else { throw CaseStoreError.auditHeadMoved }
        }
    }

    /// Stores entries CaseStore numbered and chained, and the head signature that ends them.
    static func append(_ audit: AuditAppend, _ db: Database) throws {
        let insert = try db.cachedStatement(sql: "INSERT INTO audit_log (\(auditColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        for entry in audit.entries {
            try insert.execute(arguments: [entry.seq, entry.at, entry.actor, entry.action, entry.caseCode, entry.outcome,
                                           entry.payload.map { Data($0) }, Data(entry.hash)])
        }
        if let head = audit.signedHead {
            try db.cachedStatement(sql: "INSERT INTO audit_heads (seq, signer, directory_revision, signature) VALUES (?, ?, ?, ?)")
                .execute(arguments: [head.seq, head.signer, head.directoryRevision, Data(head.signature)])
        }
    }

    static func apply(_ mutation: StorageMutation, _ db: Database) throws {
        var inserted: InsertedCase?
        try apply(mutation, db, inserted: &inserted)
    }

    /// The case the batch inserted last: its facts follow it in the batch and need its id.
    struct InsertedCase {
        let code: String
        let id: Int64
    }

    private static func apply(_ mutation: StorageMutation, _ db: Database, inserted: inout InsertedCase?) throws {
        switch mutation {
        case .insertMeta(let meta):
            try db.execute(sql: """
                INSERT INTO vault_meta (singleton, vault_id, format_version, key_version, created_day, signing_public_key)
                VALUES (1, ?, ?, ?, ?, ?)
                """, arguments: [Data(meta.vaultID), meta.formatVersion, meta.keyVersion, meta.createdDay, meta.signingPublicKey.map { Data($0) }])
        case .setKeyVersion(let version):
            try db.execute(sql: "UPDATE vault_meta SET key_version = ?", arguments: [version])
        case .insertKeySlot(let slot):
            try db.execute(sql: "INSERT INTO key_slots (\(slotColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", arguments: slotArguments(slot))
        case .replaceKeySlot(let slot):
            try db.execute(sql: """
                UPDATE key_slots SET role = ?, kdf_log_n = ?, kdf_r = ?, kdf_p = ?, salt = ?, key_version = ?, sealed_keys = ?,
                                     created_day = ?, disabled = ?, exchange_public_key = ? WHERE user_name = ?
                """, arguments: [slot.role.rawValue, slot.kdfLogN, slot.kdfR, slot.kdfP, Data(slot.salt), slot.keyVersion,
                                 Data(slot.sealedKeys), slot.createdDay, slot.disabled, Data(slot.exchangePublicKey), slot.user])
            guard db.changesCount == 1 else { throw CaseStoreError.unknownUser(slot.user) }
        case .setUserDisabled(let user, let disabled):
            try db.execute(sql: "UPDATE key_slots SET disabled = ? WHERE user_name = ?", arguments: [disabled, user])
            guard db.changesCount == 1 else { throw CaseStoreError.unknownUser(user) }
        case .putKeyGrant(let grant):
            try db.execute(sql: """
                INSERT OR REPLACE INTO key_grants (user_name, role, key_version, ephemeral_key, sealed_keys, granted_by, signature)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [grant.user, grant.role.rawValue, grant.keyVersion, Data(grant.ephemeralKey), Data(grant.sealedKeys),
                                 grant.grantedBy, grant.signature.map { Data($0) }])
        case .deleteKeyGrant(let user):
            try db.execute(sql: "DELETE FROM key_grants WHERE user_name = ?", arguments: [user])
        case .recordLoginFailure(let user, let at):
            try db.execute(sql: """
                INSERT INTO login_failures (user_name, failures, last_failure_at) VALUES (?, 1, ?)
                ON CONFLICT (user_name) DO UPDATE SET failures = failures + 1, last_failure_at = excluded.last_failure_at
                """, arguments: [user, at])
        case .setGrammaticalGender(let user, let gender):
            try db.execute(sql: "INSERT OR REPLACE INTO user_profiles (user_name, grammatical_gender) VALUES (?, ?)",
                           arguments: [user, gender.rawValue])
        case .putFacts(let code, let caseVersion, let sealed):
            let id = try inserted.flatMap { $0.code == code ? $0.id : nil } ?? liveCaseID(code, db)
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO case_facts (case_id, case_version, sealed) VALUES (?, ?, ?)")
                .execute(arguments: [id, caseVersion, Data(sealed)])
        case .putStatisticsPolicy(let row):
            try StorageMutation.requireNext(row.revision, after: Int.fetchOne(db, sql: "SELECT revision FROM statistics_policy"))
            try db.execute(sql: "INSERT OR REPLACE INTO statistics_policy (singleton, revision, signer, body, signature) VALUES (1, ?, ?, ?, ?)",
                           arguments: [row.revision, row.signer, Data(row.body), Data(row.signature)])
        case .putSignedSetting(let name, let row):
            try StorageMutation.requireNext(row.revision, after: Int.fetchOne(db, sql: "SELECT revision FROM signed_settings WHERE name = ?", arguments: [name]))
            try db.execute(sql: "INSERT OR REPLACE INTO signed_settings (name, revision, signer, body, signature) VALUES (?, ?, ?, ?, ?)",
                           arguments: [name, row.revision, row.signer, Data(row.body), Data(row.signature)])
        case .insertExportRequest(let row):
            try db.execute(sql: """
                INSERT INTO export_requests (id, case_code, requester, created_day, body, signature) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [row.id, row.caseCode, row.requester, row.createdDay, Data(row.body), Data(row.signature)])
        case .decideExportRequest(let id, let decider, let decision, let signature):
            try db.execute(sql: "UPDATE export_requests SET decider = ?, decision = ?, decision_signature = ? WHERE id = ? AND decision IS NULL",
                           arguments: [decider, Data(decision), Data(signature), id])
            guard db.changesCount == 1 else { throw CaseStoreError.exportRequestNotPending(id) }
        case .markExportRequestUsed(let id):
            try db.execute(sql: "UPDATE export_requests SET used = 1 WHERE id = ? AND used = 0 AND decision IS NOT NULL", arguments: [id])
            guard db.changesCount == 1 else { throw CaseStoreError.exportRequestUsed(id) }
        case .clearLoginFailures(let user):
            try db.execute(sql: "DELETE FROM login_failures WHERE user_name = ?", arguments: [user])
        case .insertCase(let row, let tokens):
            do {
                try db.cachedStatement(sql: "INSERT INTO cases (\(caseColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .execute(arguments: StatementArguments([
                        row.code, row.status.rawValue, row.assignee, row.createdDay, row.updatedDay, row.keyVersion,
                        row.wrappedKey.map { Data($0) }, row.version, row.document.map { Data($0) },
                    ] + stateArguments(row.state)))
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                // The code is taken only if a row holds it; any other UNIQUE failure comes from a
                // constraint the migrations never made.
                guard try Self.codeExists(row.code, db) else { throw CaseStoreError.corruptVault }
                throw CaseCodeTaken()
            }
            // A trigger or conflict clause planted in the file can make the insert store nothing
            // and leave the id of an earlier row: the batch must not go on as if it stored the case.
            guard db.changesCount == 1 else { throw CaseStoreError.corruptVault }
            inserted = InsertedCase(code: row.code, id: db.lastInsertedRowID)
            try insertTokens(tokens, caseID: db.lastInsertedRowID, db)
        case .replaceDocument(let code, let version, let document, let updatedDay, let tokens):
            let id = try liveCaseID(code, db)
            try db.execute(sql: """
                INSERT INTO case_history (case_id, version, document) SELECT id, version, document FROM cases WHERE id = ? AND version = ?
                """, arguments: [id, version - 1])
            guard db.changesCount == 1 else { throw CaseStoreError.caseChanged(code) }
            try db.execute(sql: "UPDATE cases SET version = ?, document = ?, updated_day = ? WHERE id = ?",
                           arguments: [version, Data(document), updatedDay, id])
            try db.execute(sql: "DELETE FROM name_index WHERE case_id = ?", arguments: [id])
            try insertTokens(tokens, caseID: id, db)
        case .rewrapCase(let code, let keyVersion, let wrappedKey, let tokens, let version):
            let id = try liveCaseID(code, db)
            try db.cachedStatement(sql: "UPDATE cases SET key_version = ?, wrapped_key = ? WHERE id = ? AND version = ?")
                .execute(arguments: [keyVersion, Data(wrappedKey), id, version])
            guard db.changesCount == 1 else { throw CaseStoreError.caseChanged(code) }
            try db.cachedStatement(sql: "DELETE FROM name_index WHERE case_id = ?").execute(arguments: [id])
            try insertTokens(tokens, caseID: id, db)
        case .requireAllCases(let keyVersion):
            let stale = try Int.fetchOne(db, sql: "SELECT count(*) FROM cases WHERE status IS NOT 'erased' AND key_version != ?",
                                         arguments: [keyVersion]) ?? 0
            guard stale == 0 else { throw CaseStoreError.vaultLocked }
        case .setCaseState(let code, let status, let assignee, let state, let updatedDay, let replacing):
            guard status != .erased else { throw CaseStoreError.caseErased(code) }
            let id = try liveCaseID(code, db)
            try db.execute(sql: """
                UPDATE cases SET status = ?, assignee = ?, updated_day = ?, state_revision = ?, state_signer = ?,
                                 state_document_hash = ?, state_signature = ? WHERE id = ? AND state_revision = ?
                """, arguments: StatementArguments([status.rawValue, assignee, updatedDay] + stateArguments(state) + [id, replacing]))
            guard db.changesCount == 1 else { throw CaseStoreError.caseChanged(code) }
        case .putIntakeDraft(let user, let sealed, let updatedDay):
            try db.execute(sql: """
                INSERT INTO intake_drafts (user_name, updated_day, sealed) VALUES (?, ?, ?)
                ON CONFLICT (user_name) DO UPDATE SET updated_day = excluded.updated_day, sealed = excluded.sealed
                """, arguments: [user, updatedDay, Data(sealed)])
        case .deleteIntakeDraft(let user):
            try db.execute(sql: "DELETE FROM intake_drafts WHERE user_name = ?", arguments: [user])
        case .appendAudit, .signAuditHead:
            // Resolved by CaseStore into `StorageBatch.audit`; never among a batch's mutations.
            throw CaseStoreError.storageFailure(.engine)
        case .putDirectory(let row):
            try StorageMutation.requireNext(row.revision, after: Int.fetchOne(db, sql: "SELECT revision FROM user_directory"))
            try db.execute(sql: """
                INSERT OR REPLACE INTO user_directory (singleton, revision, public_key, body, signature) VALUES (1, ?, ?, ?, ?)
                """, arguments: [row.revision, Data(row.publicKey), Data(row.body), Data(row.signature)])
        case .retireAuditKey(let retired):
            try db.execute(sql: "INSERT INTO retired_audit_keys (version, sealed) VALUES (?, ?)",
                           arguments: [retired.version, Data(retired.sealed)])
        case .eraseCase(let code, let updatedDay, let replacing):
            let id = try liveCaseID(code, db)
            guard try Int.fetchOne(db, sql: "SELECT state_revision FROM cases WHERE id = ?", arguments: [id]) == replacing else {
                throw CaseStoreError.caseChanged(code)
            }
            try db.execute(sql: "DELETE FROM case_history WHERE case_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM name_index WHERE case_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM case_facts WHERE case_id = ?", arguments: [id])
            try db.execute(sql: "UPDATE cases SET status = 'erased', wrapped_key = NULL, document = NULL, updated_day = ?, state_signer = NULL, state_document_hash = NULL, state_signature = NULL WHERE id = ?",
                           arguments: [updatedDay, id])
        case .replaceHistoryVersion(let code, let version, let document):
            try replaceHistoryVersion(code: code, version: version, document: document, db)
        }
    }

    static func liveCaseID(_ code: String, _ db: Database) throws -> Int64 {
        guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM cases WHERE code = ? AND status != 'erased'"), arguments: [code]) else {
            throw CaseStoreError.caseNotFound(code)
        }
        return id
    }

    /// One statement for a name's tokens (cached per count; a name has a few words).
    static func insertTokens(_ tokens: [[UInt8]], caseID: Int64, _ db: Database) throws {
        guard !tokens.isEmpty else { return }
        let values = Array(repeating: "(?, ?)", count: tokens.count).joined(separator: ", ")
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO name_index (token, case_id) VALUES \(values)")
            .execute(arguments: StatementArguments(tokens.flatMap { token -> [(any DatabaseValueConvertible)?] in [Data(token), caseID] }))
    }

    func counts() throws -> StorageCounts {
        try read { db in
            let users = try Int.fetchOne(db, sql: "SELECT count(*) FROM key_slots") ?? 0
            let audit = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") ?? 0
            var byStatus: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, count(*) FROM cases GROUP BY status") {
                byStatus[try row.value(0)] = try row.value(1)
            }
            return StorageCounts(users: users, openCases: byStatus["open"] ?? 0, closedCases: byStatus["closed"] ?? 0,
                                 erasedCases: byStatus["erased"] ?? 0, auditEntries: audit)
        }
    }

    /// Pages copied per backup step (4 MiB with SQLite's default 4 KiB pages).
    static let backupPagesPerStep: CInt = 1024

    func backup(to path: String, progress: ((Int, Int) -> Void)?) throws {
        try PrivateFile.create(at: path)
        do {
            try Self.mapErrors {
                let destination = try DatabaseQueue(path: path)
                try queue.backup(to: destination, pagesPerStep: Self.backupPagesPerStep) { step in
                    progress?(step.completedPageCount, step.totalPageCount)
                }
                try destination.close()
            }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }

    /// The header's page count against the file's size; pages still in the WAL may lie beyond
    /// the main file, so only a file without a WAL is measured.
    func isTruncated() throws -> Bool {
        let path = queue.path
        guard !FileManager.default.fileExists(atPath: path + "-wal") || (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) == 0,
              let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int else { return false }
        let expected = try read { db in
            (try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0) * (try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0)
        }
        return size < expected
    }

    func checkIntegrity() throws -> Bool {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"] }
    }

    static func bytes(_ value: DatabaseValue) -> [UInt8] {
        (Data.fromDatabaseValue(value)).map { Array($0) } ?? []
    }
}

extension Row {
    /// Column `index` as `Value`. GRDB's subscript traps on a NULL or a value of another type;
    /// in a vault file that only a damaged or altered row can hold, so it is `corruptVault` here.
    func value<Value: DatabaseValueConvertible>(_ index: Int) throws -> Value {
        do {
            return try decode(Value.self, atIndex: index)
        } catch {
            throw CaseStoreError.corruptVault
        }
    }
}
