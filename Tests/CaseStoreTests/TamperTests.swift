import CaseStore
import Foundation
import GRDB
import VaultCrypto
import XCTest

/// SECURITY.md claims: a wrong passphrase, any altered byte of a sealed value, a ciphertext
/// moved to another row or version, and a damaged file each give a typed error, never wrong
/// plaintext and never a crash.
final class TamperTests: XCTestCase {
    func testWrongPassphraseAndUnknownUser() throws {
        let vault = try TemporaryVault()
        _ = try vault.user("vesna", .caseworker)
        XCTAssertThrows(.wrongPassphrase) { _ = try vault.reopen().unlock(user: "vesna", passphrase: TemporaryVault.secret("vesna passphrasE")) }
        XCTAssertThrows(.wrongPassphrase) { _ = try vault.reopen().unlock(user: "admin", passphrase: TemporaryVault.secret("vesna passphrase")) }
        XCTAssertThrows(.unknownUser("nobody")) { _ = try vault.reopen().unlock(user: "nobody", passphrase: TemporaryVault.secret("x")) }
    }

    func testEveryFlippedByteOfADocumentIsDetected() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        let code = try worker.createCase(sampleDocument("Short"))
        let raw = try RawVault(vault.path)
        let original = try raw.blob("SELECT document FROM cases WHERE code = ?", [code.rawValue])
        for index in 0..<original.count {
            try raw.flipByte(column: "document", code: code, at: index)
            XCTAssertThrows(.tamperedRecord(.caseFile(code.rawValue))) { _ = try worker.readCase(code) }
            try raw.execute("UPDATE cases SET document = ? WHERE code = ?", [original, code.rawValue])
        }
        XCTAssertEqual(try worker.readCase(code).document.survivor.name, "Short")
    }

    func testEveryFlippedByteOfAWrappedKeyIsDetected() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        let code = try worker.createCase(sampleDocument())
        let raw = try RawVault(vault.path)
        let original = try raw.blob("SELECT wrapped_key FROM cases WHERE code = ?", [code.rawValue])
        for index in 0..<original.count {
            try raw.flipByte(column: "wrapped_key", code: code, at: index)
            XCTAssertThrows(.tamperedRecord(.caseFile(code.rawValue))) { _ = try worker.readCase(code) }
            try raw.execute("UPDATE cases SET wrapped_key = ? WHERE code = ?", [original, code.rawValue])
        }
    }

    func testCiphertextMovedToAnotherRowIsDetected() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        let first = try worker.createCase(sampleDocument("First"))
        let second = try worker.createCase(sampleDocument("Second"))
        let raw = try RawVault(vault.path)
        // The whole row's sealed pair (key and document) moved onto another code.
        try raw.execute("""
            UPDATE cases SET wrapped_key = (SELECT wrapped_key FROM cases WHERE code = ?),
                             document = (SELECT document FROM cases WHERE code = ?) WHERE code = ?
            """, [first.rawValue, first.rawValue, second.rawValue])
        XCTAssertThrows(.tamperedRecord(.caseFile(second.rawValue))) { _ = try worker.readCase(second) }
        XCTAssertEqual(try worker.readCase(first).document.survivor.name, "First")
    }

    func testOldVersionReplayedAsCurrentIsDetected() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        let code = try worker.createCase(sampleDocument("Name", narrative: "first account"))
        try worker.updateCase(code, document: sampleDocument("Name", narrative: "corrected account"))
        let raw = try RawVault(vault.path)
        try raw.execute("UPDATE cases SET document = (SELECT document FROM case_history) WHERE code = ?", [code.rawValue])
        XCTAssertThrows(.tamperedRecord(.caseFile(code.rawValue))) { _ = try worker.readCase(code) }
    }

    /// Tamper sweep (issue 14): a flipped byte in a case's plaintext assignee left the case out
    /// of its caseworker's list (and name search) without an error; it must be refused, naming it.
    func testAlteredAssigneeIsRefusedNotLeftOutOfTheList() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        let first = try worker.createCase(sampleDocument("Ana Anić"))
        _ = try worker.createCase(sampleDocument("Ana Other"))
        try RawVault(vault.path).execute("UPDATE cases SET assignee = 'vesnb' WHERE code = ?", [first.rawValue])
        XCTAssertThrows(.untrustedSignature(.caseState(first.rawValue))) { _ = try worker.listCases(assignedTo: "vesna") }
        XCTAssertThrows(.untrustedSignature(.caseState(first.rawValue))) { _ = try worker.findCases(name: "Ana", assignedTo: "vesna") }
    }

    /// Tamper sweep (issue 14): a flipped byte in the index of case codes made an existing case
    /// "not found"; an index entry that points at another case's row must not give that row either.
    func testDamagedCodeIndexIsCorruptVaultNotCaseNotFound() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        let missed = try worker.createCase(sampleDocument("Ana Anić"))
        let misdirected = try worker.createCase(sampleDocument("Mira Mirić"))
        let other = try worker.createCase(sampleDocument("Jelena Jelić"))
        let otherID = try RawVault(vault.path).queue.read {
            try Int64.fetchOne($0, sql: "SELECT id FROM cases WHERE code = ?", arguments: [other.rawValue])
        }
        try damageCodeIndex(vault.path, "UPDATE code_index SET code = 'ZZZZ-ZZZZ' WHERE code = ?", [missed.rawValue])
        try damageCodeIndex(vault.path, "UPDATE code_index SET id = ? WHERE code = ?", [otherID, misdirected.rawValue])
        XCTAssertThrows(.corruptVault) { _ = try worker.readCase(missed) }
        XCTAssertThrows(.untrustedSignature(.caseState(misdirected.rawValue))) { _ = try worker.summary(misdirected) }
        XCTAssertEqual(try worker.readCase(other).document.survivor.name, "Jelena Jelić")
    }

    /// Runs `sql` on the UNIQUE index of case codes as if it were a table `code_index (code, id)`
    /// (a WITHOUT ROWID table on the index's root page has the index's record layout), so the
    /// index changes and the table does not.
    private func damageCodeIndex(_ path: String, _ sql: String, _ arguments: StatementArguments) throws {
        try RawVault(path).queue.writeWithoutTransaction { db in
            let root = try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_schema WHERE name = 'sqlite_autoindex_cases_1'") ?? 0
            try db.execute(sql: "CREATE TABLE code_index (code TEXT, id INTEGER, PRIMARY KEY (code, id)) WITHOUT ROWID")
            try db.execute(sql: "PRAGMA writable_schema = ON")
            try db.execute(sql: "UPDATE sqlite_schema SET rootpage = ? WHERE name = 'code_index'", arguments: [root])
            try db.execute(sql: "PRAGMA writable_schema = OFF")
        }
        try RawVault(path).queue.writeWithoutTransaction { db in
            try db.execute(sql: sql, arguments: arguments)
            try db.execute(sql: "PRAGMA writable_schema = ON")
            try db.execute(sql: "DELETE FROM sqlite_schema WHERE name IN ('code_index', 'sqlite_autoindex_code_index_1')")
            try db.execute(sql: "PRAGMA writable_schema = OFF")
        }
    }

    /// Tamper sweep (issue 14): a flipped byte that left a column NULL or of another type crashed
    /// the program (GRDB's row subscript traps); a damaged column name in the schema gave
    /// storageFailure(engine). Both are a corrupt vault.
    func testMistypedColumnAndDamagedSchemaAreCorruptVault() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        let code = try worker.createCase(sampleDocument())
        try RawVault(vault.path).execute("UPDATE cases SET created_day = X'FF' WHERE code = ?", [code.rawValue])
        XCTAssertThrows(.corruptVault) { _ = try worker.listCases() }
        XCTAssertThrows(.corruptVault) { _ = try worker.readCase(code) }
        try RawVault(vault.path).execute("ALTER TABLE login_failures RENAME COLUMN last_failure_at TO last_failure_au")
        XCTAssertThrows(.corruptVault) { _ = try vault.reopen().unlock(user: "vesna", passphrase: TemporaryVault.secret("vesna passphrase")) }
    }

    /// Tamper sweep (issue 14): a flipped byte in a row's header can make its status NULL, which
    /// `status != 'erased'` left out of every list without an error; it must be a corrupt vault.
    func testCaseWithNullStatusIsRefusedNotLeftOutOfTheList() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        let code = try worker.createCase(sampleDocument())
        _ = try worker.createCase(sampleDocument("Mira Mirić"))
        try RawVault(vault.path).queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA writable_schema = ON")
            try db.execute(sql: "UPDATE sqlite_schema SET sql = replace(sql, 'status      TEXT    NOT NULL', 'status      TEXT') WHERE name = 'cases'")
            try db.execute(sql: "PRAGMA writable_schema = OFF")
        }
        try RawVault(vault.path).execute("UPDATE cases SET status = NULL WHERE code = ?", [code.rawValue])
        XCTAssertThrows(.corruptVault) { _ = try worker.listCases() }
        XCTAssertThrows(.corruptVault) { _ = try worker.listCases(assignedTo: "vesna") }
    }

    func testKeySlotWithAlteredRoleDoesNotOpen() throws {
        let vault = try TemporaryVault()
        _ = try vault.user("sofija", .supervisor)
        try RawVault(vault.path).execute("UPDATE key_slots SET role = 'caseworker' WHERE user_name = 'sofija'")
        XCTAssertThrows(.wrongPassphrase) { _ = try vault.reopen().unlock(user: "sofija", passphrase: TemporaryVault.secret("sofija passphrase")) }
    }

    /// A migrations row that GRDB's migrator cannot decode (the sweep's position 4108 made its
    /// identifier NULL) is a damaged vault, not an error of unknown kind.
    func testAnUndecodableMigrationsRowIsCorruptVault() throws {
        let vault = try TemporaryVault()
        _ = try vault.user("vesna", .caseworker)
        try RawVault(vault.path).execute("""
            PRAGMA writable_schema = ON;
            UPDATE sqlite_master SET sql = 'CREATE TABLE grdb_migrations (identifier TEXT PRIMARY KEY)' WHERE name = 'grdb_migrations';
            """)
        try RawVault(vault.path).execute("UPDATE grdb_migrations SET identifier = NULL WHERE rowid = (SELECT max(rowid) FROM grdb_migrations)")
        XCTAssertThrows(.corruptVault) { _ = try vault.reopen() }
    }

    func testTruncatedFileGivesCorruptVault() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        for index in 0..<200 { _ = try worker.createCase(sampleDocument("Person \(index)", narrative: String(repeating: "x", count: 500))) }
        let copy = vault.directory.appendingPathComponent("copy.casevault").path
        try worker.backup(to: copy)
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: copy)[.size] as? Int)
        for length in [0, 50, 4096, size / 2, size - 1] {
            let truncated = vault.directory.appendingPathComponent("truncated-\(length).casevault").path
            try Data(try Data(contentsOf: URL(fileURLWithPath: copy)).prefix(length)).write(to: URL(fileURLWithPath: truncated))
            let before = try Data(contentsOf: URL(fileURLWithPath: truncated))
            defer {
                // A file too short to hold even the SQLite header is refused before any write.
                if length < 100 {
                    XCTAssertEqual(try? Data(contentsOf: URL(fileURLWithPath: truncated)), before, "length \(length) was rewritten")
                    XCTAssertFalse(FileManager.default.fileExists(atPath: truncated + "-wal"), "length \(length)")
                }
            }
            do {
                let damaged = try Vault(path: truncated, options: TemporaryVault.options)
                let unlocked = try damaged.unlock(user: "vesna", passphrase: TemporaryVault.secret("vesna passphrase"))
                for summary in try unlocked.listCases() { _ = try unlocked.readCase(XCTUnwrap(CaseCode(summary.code))) }
                XCTFail("a file truncated to \(length) of \(size) bytes opened without error")
            } catch let error as CaseStoreError {
                switch error {
                case .corruptVault, .tamperedRecord, .unknownUser("vesna"): break
                default: XCTFail("length \(length): unexpected \(error)")
                }
            }
        }
    }

    func testForeignSQLiteFileIsRefusedUntouched() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("casevault-foreign-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // A database in rollback-journal mode: opening it as a vault used to switch it to WAL.
        let path = directory.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE notes (text TEXT)") }
        try assertRefusedUntouched(path)
        // A database already in WAL mode, closed (no -wal beside it): even a read-only open
        // would create -wal and -shm.
        let wal = directory.appendingPathComponent("wal.sqlite").path
        try DatabaseQueue(path: wal).writeWithoutTransaction { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "CREATE TABLE notes (text TEXT)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: wal + "-wal"))
        try assertRefusedUntouched(wal)
        // Half a vault: its tables without GRDB's migration record.
        let lookalike = directory.appendingPathComponent("lookalike.sqlite").path
        try DatabaseQueue(path: lookalike).write { try $0.execute(sql: "CREATE TABLE vault_meta (singleton INTEGER)") }
        try assertRefusedUntouched(lookalike)
        let empty = directory.appendingPathComponent("empty.casevault").path
        XCTAssertTrue(FileManager.default.createFile(atPath: empty, contents: nil))
        try assertRefusedUntouched(empty)
        let text = directory.appendingPathComponent("text.txt").path
        try Data("hello, this is not a database at all, just some text that is long enough".utf8).write(to: URL(fileURLWithPath: text))
        try assertRefusedUntouched(text)
        let tables = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        XCTAssertEqual(tables, ["notes"])
        XCTAssertThrows(.vaultNotFound(directory.appendingPathComponent("missing").path)) {
            _ = try Vault(path: directory.appendingPathComponent("missing").path)
        }
    }

    /// Opening `path` as a vault gives `corruptVault` and leaves its bytes, its mode and its
    /// directory as they were (no -wal, -shm or -journal created).
    private func assertRefusedUntouched(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(chmod(path, 0o640), 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let directory = (path as NSString).deletingLastPathComponent
        let before = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        XCTAssertThrows(.corruptVault, file: file, line: line) { _ = try Vault(path: path) }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), bytes, "the refused file was rewritten", file: file, line: line)
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        XCTAssertEqual(mode, 0o640, "the refused file's mode changed", file: file, line: line)
        for suffix in ["-wal", "-shm", "-journal"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: path + suffix), "\(suffix) created beside a refused file", file: file, line: line)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory).sorted(), before, file: file, line: line)
    }

    func testNewerVaultVersionIsRefused() throws {
        let vault = try TemporaryVault()
        try RawVault(vault.path).execute("UPDATE vault_meta SET format_version = ?", [Vault.formatVersion + 1])
        XCTAssertThrows(.unsupportedVaultVersion(found: Vault.formatVersion + 1, supported: Vault.formatVersion)) { _ = try vault.reopen() }
        try RawVault(vault.path).execute("UPDATE vault_meta SET format_version = ?", [Vault.formatVersion])
        let known = try RawVault(vault.path).queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM grdb_migrations") } ?? 0
        XCTAssertGreaterThanOrEqual(known, 2)
        try RawVault(vault.path).execute("INSERT INTO grdb_migrations (identifier) VALUES ('9999_from_the_future')")
        XCTAssertThrows(.unsupportedVaultVersion(found: known + 1, supported: known)) { _ = try vault.reopen() }
    }

    func testSecondWriterGetsVaultLocked() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        let blocker = try DatabaseQueue(path: vault.path)
        try blocker.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            XCTAssertThrows(.vaultLocked) { _ = try worker.createCase(sampleDocument()) }
            try db.execute(sql: "ROLLBACK")
        }
        XCTAssertNoThrow(try worker.createCase(sampleDocument()))
    }
}
