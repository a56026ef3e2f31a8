import Foundation
import GRDB

/// The SQLite side of survivors' rights (migration 0008): the signed retention rule, and the
/// re-sealing of an earlier case version that a purge needs.
extension SQLiteVaultStorage {
    func retentionRule() throws -> RetentionRuleRow? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT revision, signer, body, signature FROM retention_rule").map {
                RetentionRuleRow(revision: $0[0], signer: $0[1], body: Self.blob($0[2]), signature: Self.blob($0[3]))
            }
        }
    }

    static func replaceHistoryVersion(code: String, version: Int, document: [UInt8], _ db: Database) throws {
        let id = try liveCaseID(code, db)
        try db.execute(sql: "UPDATE case_history SET document = ? WHERE case_id = ? AND version = ?",
                       arguments: [Data(document), id, version])
        guard db.changesCount == 1 else { throw CaseStoreError.tamperedRecord(.caseFile(code)) }
    }

    static func putRetentionRule(_ row: RetentionRuleRow, _ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO retention_rule (singleton, revision, signer, body, signature) VALUES (1, ?, ?, ?, ?)",
                       arguments: [row.revision, row.signer, Data(row.body), Data(row.signature)])
    }

    private static func blob(_ value: DatabaseValue) -> [UInt8] {
        Data.fromDatabaseValue(value).map { Array($0) } ?? []
    }
}
