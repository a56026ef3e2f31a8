import Foundation
import GRDB
internal import GRDBSQLite

/// Decides whether an existing file is a CaseVault vault before anything opens it for writing,
/// so a foreign file is refused byte for byte untouched (docs/vault-format.md): no journal-mode
/// switch, no `-wal` or `-shm` beside it.
///
/// 1. The 100-byte SQLite header is read with `read(2)`; a short file or another magic string is
///    not a vault.
/// 2. The schema is read through a read-only SQLite connection. A read-only connection still
///    creates `-wal` and `-shm` when it meets a WAL-mode file without them, so such a file is
///    opened `immutable` instead: with no `-wal` beside it, the main file holds everything.
/// 3. A vault has GRDB's `grdb_migrations` and the `vault_meta` table.
enum VaultFileProbe {
    static let magic = Array("SQLite format 3\0".utf8)
    static let vaultTables: Set<String> = ["grdb_migrations", "vault_meta"]

    /// Throws `corruptVault` unless the file at `path` looks like a vault; writes nothing.
    static func requireVault(at path: String) throws {
        let header = try readHeader(path)
        guard header.count == 100, Array(header.prefix(magic.count)) == magic else { throw CaseStoreError.corruptVault }
        let walMode = header[18] == 2 || header[19] == 2
        let walFileExists = FileManager.default.fileExists(atPath: path + "-wal")
        let tables = try tableNames(path, immutable: walMode && !walFileExists)
        guard vaultTables.isSubset(of: tables) else { throw CaseStoreError.corruptVault }
    }

    private static func readHeader(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CaseStoreError.storageFailure(.cannotOpenOrWrite) }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: 100)
        var filled = 0
        while filled < header.count {
            let count = header.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        return Array(header.prefix(filled))
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
