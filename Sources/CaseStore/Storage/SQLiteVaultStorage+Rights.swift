import Foundation
import GRDB

/// The SQLite side of survivors' rights: the re-sealing of an earlier case version that a purge
/// needs.
extension SQLiteVaultStorage {
    static func replaceHistoryVersion(code: String, version: Int, document: [UInt8], _ db: Database) throws {
        let id = try liveCaseID(code, db)
        try db.execute(sql: "UPDATE case_history SET document = ? WHERE case_id = ? AND version = ?",
                       arguments: [Data(document), id, version])
        guard db.changesCount == 1 else { throw CaseStoreError.tamperedRecord(.caseFile(code)) }
    }
}
