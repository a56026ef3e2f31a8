import Foundation
import GRDB
internal import GRDBSQLite

/// Decides whether an existing file is a CaseVault vault before anything opens it for writing,
/// so a foreign file is refused byte for byte untouched (docs/vault-format.md): no journal-mode
/// switch, no `-wal` or `-shm` beside it.
///
/// Everything is read through SQLite, never with `open(2)`/`close(2)` on the file: closing any
/// descriptor of a file drops every POSIX lock this process holds on it, so a raw read beside a
/// connection that is already open would let another process checkpoint and delete the WAL
/// under it.
///
/// 1. With no `-wal` beside it, or an empty one, the main file is the whole database: its
///    schema is read `immutable` (no locks, no `-wal`/`-shm` made).
/// 2. With a non-empty `-wal` beside it, the main file alone may be torn: a writer killed in the
///    middle of a checkpoint leaves pages that only the WAL completes. The schema is then read
///    read-only with locks, WAL included, as SQLite itself would. The same holds when a `-wal`
///    appeared while the immutable read ran.
/// 3. A vault has GRDB's `grdb_migrations` and the `vault_meta` table. A file that is not SQLite,
///    is empty, or lacks them is `corruptVault`.
enum VaultFileProbe {
    static let vaultTables: Set<String> = ["grdb_migrations", "vault_meta"]

    /// Throws `corruptVault` unless the file at `path` looks like a vault; writes nothing.
    static func requireVault(at path: String) throws {
        if !hasWAL(path) {
            let immutableRead = Result { try tableNames(path, immutable: true) }
            if case .success(let tables) = immutableRead, vaultTables.isSubset(of: tables) { return }
            guard hasWAL(path) else {
                _ = try immutableRead.get()
                throw CaseStoreError.corruptVault
            }
        }
        guard vaultTables.isSubset(of: try tableNames(path, immutable: false)) else { throw CaseStoreError.corruptVault }
    }

    /// Whether a non-empty `-wal` lies beside the file: then only the WAL makes the file whole.
    private static func hasWAL(_ path: String) -> Bool {
        ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int ?? 0) > 0
    }

    private static func tableNames(_ path: String, immutable: Bool) throws -> Set<String> {
        let uri = (path.hasPrefix("/") ? "file://" : "file:") + percentEncoded(path) + (immutable ? "?immutable=1" : "?mode=ro")
        var connection: OpaquePointer?
        let opened = sqlite3_open_v2(uri, &connection, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nil)
        defer { sqlite3_close_v2(connection) }
        guard opened == SQLITE_OK, let connection else { throw failure(opened) }
        sqlite3_extended_result_codes(connection, 1)
        sqlite3_busy_timeout(connection, 2000)
        var statement: OpaquePointer?
        let prepared = sqlite3_prepare_v2(connection, "SELECT name FROM sqlite_master WHERE type = 'table'", -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        guard prepared == SQLITE_OK else { throw failure(sqlite3_extended_errcode(connection)) }
        var names: Set<String> = []
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else { throw failure(sqlite3_extended_errcode(connection)) }
            if let text = sqlite3_column_text(statement, 0) { names.insert(String(cString: text)) }
        }
        return names
    }

    /// The same translation as every other SQLite failure of the store.
    private static func failure(_ code: CInt) -> CaseStoreError {
        SQLiteVaultStorage.translate(DatabaseError(resultCode: ResultCode(rawValue: code)))
    }

    /// A path as the path part of an SQLite URI: every byte but unreserved ones and `/` as `%XX`.
    static func percentEncoded(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }
}
