import Foundation
import TestSupport
import XCTest

/// Issue 14: a writer that finds the vault's write lock held by someone else (the stock
/// `sqlite3`, or another PostgreSQL session) waits a bounded time, then is told, in her words,
/// that the vault is busy and nothing was saved; a lock released within that time costs nothing.
final class BusyVaultTests: XCTestCase {
    func testASQLiteLockHeldPastTheTimeoutRefusesTheWriteAsBusyAndSavesNothing() throws {
        let office = try WritingOffice(.sqlite, for: self)
        try office.makeVault(caseworkers: ["maja"])
        let code = try XCTUnwrap(try office.intake(as: "maja").code)
        let before = try office.storedNotes(of: "maja")
        let holder = try SQLiteLockHolder(file: office.location, seconds: 20, in: office.directory)
        try assertRefusedAsBusy(office, code: code, while: { !holder.released })
        holder.end()
        XCTAssertEqual(try office.storedNotes(of: "maja"), before, "a refused write left something")
        try assertSavedAfterRelease(office, code: code)
        let checked = try ExternalTool.run("sqlite3", [office.location, "PRAGMA integrity_check"])
        XCTAssertEqual(checked.outputText.trimmingCharacters(in: .whitespacesAndNewlines), "ok")
    }

    func testASQLiteLockReleasedWithinTheTimeoutOnlyDelaysTheWrite() throws {
        let office = try WritingOffice(.sqlite, for: self)
        try office.makeVault(caseworkers: ["maja"])
        let holder = try SQLiteLockHolder(file: office.location, seconds: 0.5, in: office.directory)
        let (code, result) = try office.intake(as: "maja")
        XCTAssertNotNil(code, result.err)
        holder.wait()
    }

    func testAPostgreSQLLockHeldPastTheTimeoutRefusesTheWriteAsBusyAndSavesNothing() throws {
        let office = try WritingOffice(.postgresql, for: self)
        try office.makeVault(caseworkers: ["maja"])
        let database = try XCTUnwrap(office.database)
        let code = try XCTUnwrap(try office.intake(as: "maja").code)
        // A table lock (an administrator's maintenance) and the writers' own lock (another casevault mid-write).
        for lock in ["LOCK TABLE audit_log IN ACCESS EXCLUSIVE MODE", "SELECT pg_advisory_xact_lock(\(Self.writersLock))"] {
            let before = try office.storedNotes(of: "maja")
            let holder = PostgresLockHolder(database: database, lock: lock, seconds: 30)
            try holder.waitUntilHeld()
            try assertRefusedAsBusy(office, code: code, while: { !holder.released })
            holder.end(early: true)
            XCTAssertEqual(try office.storedNotes(of: "maja"), before, "a refused write left something (\(lock))")
            try assertSavedAfterRelease(office, code: code)
        }
    }

    func testAPostgreSQLLockReleasedWithinTheTimeoutOnlyDelaysTheWrite() throws {
        let office = try WritingOffice(.postgresql, for: self)
        try office.makeVault(caseworkers: ["maja"])
        let holder = PostgresLockHolder(database: try XCTUnwrap(office.database), lock: "LOCK TABLE audit_log IN ACCESS EXCLUSIVE MODE", seconds: 1)
        try holder.waitUntilHeld()
        let (code, result) = try office.intake(as: "maja")
        XCTAssertNotNil(code, result.err)
        holder.end()
    }

    /// `PostgresSession.writersLock`, written out: the test must not borrow the code under test.
    private static let writersLock: Int64 = 0x4361_7365_5661_756C

    /// An intake and a note while the lock is held: both end, before the lock is released, with
    /// the busy message (the caller checks, once the lock is gone, that nothing was stored).
    private func assertRefusedAsBusy(_ office: WritingOffice, code: String, while held: () -> Bool,
                                     file: StaticString = #filePath, line: UInt = #line) throws {
        let intake = try office.intake(as: "maja", timeout: 60).result
        let note = try office.note("written while the vault was locked", on: code, as: "maja", timeout: 60)
        XCTAssertTrue(held(), "the commands waited until the lock was released", file: file, line: line)
        for result in [intake, note] {
            XCTAssertEqual(result.status, 1, result.err, file: file, line: line)
            XCTAssertTrue(result.err.hasPrefix(WritingOffice.busy) && result.err.contains("nothing was saved"), result.err, file: file, line: line)
            XCTAssertFalse(result.err.localizedCaseInsensitiveContains("sqlite") || result.err.contains("lock"), result.err, file: file, line: line)
        }
    }

    /// Once the lock is gone the same writes succeed.
    private func assertSavedAfterRelease(_ office: WritingOffice, code: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let (created, result) = try office.intake(as: "maja")
        XCTAssertNotNil(created, result.err, file: file, line: line)
        let noted = try office.note("written after the lock was released", on: code, as: "maja")
        XCTAssertEqual(noted.status, 0, noted.err, file: file, line: line)
        XCTAssertTrue(try office.auditVerifies(), file: file, line: line)
    }
}

/// The stock `sqlite3` holding a vault file's write lock (`BEGIN EXCLUSIVE`) for a while.
private final class SQLiteLockHolder {
    private let child: ChildProcess
    private let releasedMark: String

    /// Returns once the lock is held.
    init(file: String, seconds: Double, in directory: URL) throws {
        let held = directory.appendingPathComponent("lock-held-\(UUID().uuidString)").path
        releasedMark = directory.appendingPathComponent("lock-released-\(UUID().uuidString)").path
        let sqlite3 = try XCTUnwrap(ExternalTool.path("sqlite3"), "apt-get install sqlite3")
        child = try ChildProcess(executable: sqlite3, arguments: [file], environment: ["PATH": "/usr/bin:/bin"], input: .pipe, timeout: 120)
        try child.write(Data("BEGIN EXCLUSIVE;\n.shell touch \(held)\n.shell sleep \(seconds)\nCOMMIT;\n.shell touch \(releasedMark)\n".utf8))
        child.closeInput()
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: held) {
            guard Date() < deadline else { throw LockNotTaken() }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    var released: Bool { FileManager.default.fileExists(atPath: releasedMark) }

    func wait() {
        XCTAssertEqual(child.wait(), .exited(0), child.errorText)
    }

    /// Ends `sqlite3` at once; its lock goes with it.
    func end() {
        child.send(signal: SIGKILL)
        child.wait()
    }
}

/// Another PostgreSQL session (the superuser's `psql`) holding a lock in a transaction for a
/// while, on a thread of its own.
private final class PostgresLockHolder: @unchecked Sendable {
    private let database: PostgresTestDatabase
    private let lock: String
    private let done = DispatchSemaphore(value: 0)
    private let state = NSLock()
    private var ended = false

    init(database: PostgresTestDatabase, lock: String, seconds: Double) {
        self.database = database
        self.lock = lock
        Thread.detachNewThread { [self] in
            _ = try? database.psql("BEGIN; \(lock); SELECT pg_sleep(\(seconds)); COMMIT;")
            state.withLock { ended = true }
            done.signal()
        }
    }

    var released: Bool { state.withLock { ended } }

    /// Waits until the server shows the holder's session waiting in `pg_sleep` with its lock.
    func waitUntilHeld() throws {
        let deadline = Date().addingTimeInterval(60)
        while try database.psql("""
            SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'
            """) != "1" {
            guard Date() < deadline, !released else { throw LockNotTaken() }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Waits for the holder's transaction to end; `early` cancels its sleep, ending it at once.
    func end(early: Bool = false) {
        if early {
            _ = try? database.psql("SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'")
        }
        done.wait()
    }
}

/// The holder never took its lock: the test fails, it does not skip.
private struct LockNotTaken: Error {}
