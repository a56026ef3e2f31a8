import CaseStore
import Foundation
import TestSupport
import XCTest

/// A writer killed in the middle of a checkpoint leaves a main file that is not a database on
/// its own: some pages are already copied from the WAL, others not. SQLite reads the two
/// together and loses nothing; the check that the file is a vault must read it the same way,
/// or one SIGKILL makes every later open say `corruptVault` (the crash test found this).
final class InterruptedCheckpointTests: XCTestCase {
    func testVaultWhoseMainFileOnlyTheWALCompletesOpensWithEveryCase() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        let codes = try (0..<3).map { try worker.createCase(sampleDocument("Prekinuta \($0)")) }

        // The vault is still open here, so its WAL is kept: copy the main file and the WAL as a
        // crash would leave them, the -shm index is rebuilt from the WAL.
        let copy = vault.directory.appendingPathComponent("copy")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        let path = copy.appendingPathComponent("vault.casevault").path
        try FileManager.default.copyItem(atPath: vault.path, toPath: path)
        try FileManager.default.copyItem(atPath: vault.path + "-wal", toPath: path + "-wal")

        // Every page that has a committed copy in the WAL is superseded by it: what the main file
        // holds there is whatever an interrupted checkpoint left. Page 1 is among them.
        let wal = try WALFile(path: path + "-wal")
        let superseded = wal.committedPages
        XCTAssertTrue(superseded.contains(1), "the test needs page 1 in the WAL")
        let main = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        for page in superseded {
            try main.seek(toOffset: UInt64((page - 1) * wal.pageSize))
            try main.write(contentsOf: Data(repeating: 0, count: wal.pageSize))
        }
        try main.close()
        let alone = try ChildProcess.run(executable: "/usr/bin/env", arguments: ["sqlite3", "file:\(path)?immutable=1", "SELECT count(*) FROM sqlite_master"],
                                         environment: ["PATH": "/usr/bin:/bin"], timeout: 60)
        XCTAssertNotEqual(alone.status, 0, "the main file alone should not be readable")

        let reader = try Vault(path: path, options: TemporaryVault.options).unlock(user: "vesna", passphrase: TemporaryVault.secret("vesna passphrase"))
        for (index, code) in codes.enumerated() {
            XCTAssertEqual(try reader.readCase(code).document.survivor.name, "Prekinuta \(index)")
        }
        XCTAssertTrue(try reader.verifyAuditTrail().isIntact)
    }
}

/// Reads the frame headers of an SQLite WAL file (sqlite.org/fileformat2.html#walformat): which
/// pages have a copy in a committed frame of the current WAL generation.
private struct WALFile {
    let pageSize: Int
    let committedPages: Set<Int>

    init(path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        func word(_ offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        pageSize = word(8)
        let salts = bytes[16..<24]
        var pages: Set<Int> = []
        var pending: Set<Int> = []
        var offset = 32
        while offset + 24 + pageSize <= bytes.count, bytes[offset + 8..<offset + 16].elementsEqual(salts) {
            pending.insert(word(offset))
            if word(offset + 4) != 0 {
                pages.formUnion(pending)
                pending = []
            }
            offset += 24 + pageSize
        }
        committedPages = pages
    }
}
