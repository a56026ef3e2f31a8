import Foundation
import GRDB

/// The embedded default backend: one SQLite file through GRDB, in WAL mode with
/// `synchronous=FULL`, `secure_delete=ON`, `temp_store=MEMORY` and foreign keys on.
final class SQLiteVaultStorage: VaultStorage {
    private let queue: DatabaseQueue

    /// Opens (or, with `create`, makes) the file at `path` and brings its schema up to date.
    init(path: String, create: Bool) throws {
        let exists = FileManager.default.fileExists(atPath: path)
        if create {
            guard !exists else { throw CaseStoreError.fileExists(path) }
            try Self.createPrivateFile(at: path)
        } else if !exists {
            throw CaseStoreError.vaultNotFound(path)
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
        try Self.mapErrors { try SchemaMigrations.migrate(queue, isNew: create) }
    }

    static func createPrivateFile(at path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CaseStoreError.storageFailure("cannot create \(path)")
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
        case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT: return .corruptVault
        case .SQLITE_IOERR where error.extendedResultCode == .SQLITE_IOERR_SHORT_READ: return .corruptVault
        case .SQLITE_FULL: return .storageFailure("disk full")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH: return .storageFailure("cannot open or write the vault file")
        case .SQLITE_IOERR: return .storageFailure("input/output error")
        default: return .storageFailure("sqlite error \(error.extendedResultCode.rawValue)")
        }
    }

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.mapErrors { try queue.read(body) }
    }

    func meta() throws -> VaultMetaRow? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT vault_id, format_version, key_version, created_day FROM vault_meta").map {
                VaultMetaRow(vaultID: Self.bytes($0[0]), formatVersion: $0[1], keyVersion: $0[2], createdDay: $0[3])
            }
        }
    }

    private static let slotColumns = "user_name, role, kdf_log_n, kdf_r, kdf_p, salt, key_version, sealed_keys, created_day"

    private static func slot(_ row: Row) throws -> KeySlotRow {
        guard let role = Role(rawValue: row[1]) else { throw CaseStoreError.corruptVault }
        return KeySlotRow(user: row[0], role: role, kdfLogN: row[2], kdfR: row[3], kdfP: row[4], salt: bytes(row[5]),
                          keyVersion: row[6], sealedKeys: bytes(row[7]), createdDay: row[8])
    }

    func keySlot(user: String) throws -> KeySlotRow? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.slotColumns) FROM key_slots WHERE user_name = ?", arguments: [user]).map(Self.slot)
        }
    }

    func keySlots() throws -> [KeySlotRow] {
        try read { db in try Row.fetchAll(db, sql: "SELECT \(Self.slotColumns) FROM key_slots ORDER BY user_name").map(Self.slot) }
    }

    private static let caseColumns = "code, status, assignee, created_day, updated_day, key_version, wrapped_key, version, document"

    private static func caseRow(_ row: Row) throws -> CaseRow {
        guard let status = CaseStatus(rawValue: row[1]) else { throw CaseStoreError.corruptVault }
        let wrapped: Data? = row[6]
        let document: Data? = row[8]
        return CaseRow(code: row[0], status: status, assignee: row[2], createdDay: row[3], updatedDay: row[4],
                       keyVersion: row[5], wrappedKey: wrapped.map { Array($0) }, version: row[7], document: document.map { Array($0) })
    }

    func caseRow(code: String) throws -> CaseRow? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.caseColumns) FROM cases WHERE code = ?"), arguments: [code]).map(Self.caseRow)
        }
    }

    func codeExists(_ code: String) throws -> Bool {
        try read { db in try Self.codeExists(code, db) }
    }

    private static func codeExists(_ code: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM cases WHERE code = ?)"), arguments: [code]) ?? false
    }

    func history(code: String) throws -> [HistoryRow] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT h.version, h.document FROM case_history h JOIN cases c ON c.id = h.case_id
                WHERE c.code = ? ORDER BY h.version
                """, arguments: [code]).map { HistoryRow(version: $0[0], document: Self.bytes($0[1])) }
        }
    }

    func summaries() throws -> [CaseSummary] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT code, status, assignee, created_day, updated_day, version FROM cases
                WHERE status != 'erased' ORDER BY updated_day DESC, id DESC
                """).map {
                CaseSummary(code: $0[0], status: CaseStatus(rawValue: $0[1]) ?? .open, assignee: $0[2],
                            createdDay: $0[3], updatedDay: $0[4], version: $0[5])
            }
        }
    }

    func codes(withAllTokens tokens: [[UInt8]]) throws -> [String] {
        guard !tokens.isEmpty else { return [] }
        let intersection = Array(repeating: "SELECT case_id FROM name_index WHERE token = ?", count: tokens.count)
            .joined(separator: " INTERSECT ")
        let sql = "SELECT code FROM cases WHERE status != 'erased' AND id IN (\(intersection)) ORDER BY code"
        return try read { db in
            try String.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(tokens.map { Data($0) }))
        }
    }

    func apply(_ mutations: [StorageMutation]) throws {
        var erased = false
        try Self.mapErrors {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    for mutation in mutations {
                        if case .eraseCase = mutation { erased = true }
                        try Self.apply(mutation, db)
                    }
                    return .commit
                }
            }
        }
        if erased {
            // Push the shredded pages out of the WAL at once instead of at the next checkpoint.
            try Self.mapErrors { try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") } }
        }
    }

    private static func apply(_ mutation: StorageMutation, _ db: Database) throws {
        switch mutation {
        case .insertMeta(let meta):
            try db.execute(sql: "INSERT INTO vault_meta (singleton, vault_id, format_version, key_version, created_day) VALUES (1, ?, ?, ?, ?)",
                           arguments: [Data(meta.vaultID), meta.formatVersion, meta.keyVersion, meta.createdDay])
        case .insertKeySlot(let slot):
            try db.execute(sql: "INSERT INTO key_slots (\(slotColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", arguments: [
                slot.user, slot.role.rawValue, slot.kdfLogN, slot.kdfR, slot.kdfP, Data(slot.salt), slot.keyVersion,
                Data(slot.sealedKeys), slot.createdDay,
            ])
        case .insertCase(let row, let tokens):
            try db.cachedStatement(sql: "INSERT INTO cases (\(caseColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)").execute(arguments: [
                row.code, row.status.rawValue, row.assignee, row.createdDay, row.updatedDay, row.keyVersion,
                row.wrappedKey.map { Data($0) }, row.version, row.document.map { Data($0) },
            ])
            try insertTokens(tokens, caseID: db.lastInsertedRowID, db)
        case .replaceDocument(let code, let version, let document, let updatedDay, let tokens):
            let id = try liveCaseID(code, db)
            try db.execute(sql: "INSERT INTO case_history (case_id, version, document) SELECT id, version, document FROM cases WHERE id = ?",
                           arguments: [id])
            try db.execute(sql: "UPDATE cases SET version = ?, document = ?, updated_day = ? WHERE id = ?",
                           arguments: [version, Data(document), updatedDay, id])
            try db.execute(sql: "DELETE FROM name_index WHERE case_id = ?", arguments: [id])
            try insertTokens(tokens, caseID: id, db)
        case .eraseCase(let code, let updatedDay):
            let id = try liveCaseID(code, db)
            try db.execute(sql: "DELETE FROM case_history WHERE case_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM name_index WHERE case_id = ?", arguments: [id])
            try db.execute(sql: "UPDATE cases SET status = 'erased', wrapped_key = NULL, document = NULL, updated_day = ? WHERE id = ?",
                           arguments: [updatedDay, id])
        }
    }

    private static func liveCaseID(_ code: String, _ db: Database) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM cases WHERE code = ? AND status != 'erased'", arguments: [code]) else {
            throw CaseStoreError.caseNotFound(code)
        }
        return id
    }

    private static func insertTokens(_ tokens: [[UInt8]], caseID: Int64, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO name_index (token, case_id) VALUES (?, ?)")
        for token in tokens { try statement.execute(arguments: [Data(token), caseID]) }
    }

    func counts() throws -> StorageCounts {
        try read { db in
            let users = try Int.fetchOne(db, sql: "SELECT count(*) FROM key_slots") ?? 0
            var byStatus: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, count(*) FROM cases GROUP BY status") {
                byStatus[row[0]] = row[1]
            }
            return StorageCounts(users: users, openCases: byStatus["open"] ?? 0, closedCases: byStatus["closed"] ?? 0,
                                 erasedCases: byStatus["erased"] ?? 0)
        }
    }

    func backup(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw CaseStoreError.fileExists(path) }
        try Self.createPrivateFile(at: path)
        do {
            try Self.mapErrors {
                let destination = try DatabaseQueue(path: path)
                try queue.backup(to: destination)
                try destination.close()
            }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }

    func checkIntegrity() throws -> Bool {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"] }
    }

    private static func bytes(_ value: DatabaseValue) -> [UInt8] {
        (Data.fromDatabaseValue(value)).map { Array($0) } ?? []
    }
}
