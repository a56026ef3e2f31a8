import CaseStore
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// SECURITY.md claim: vault and backup files are created with mode 0600 whatever the umask, and
/// never overwritten: a file or a symlink already at the path (even one pointing nowhere) is
/// refused as `fileExists` and left as it was.
final class PrivateFileTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("casevault-private-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private func mode(_ path: String) throws -> Int {
        var status = stat()
        guard lstat(path, &status) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return Int(status.st_mode & 0o7777)
    }

    /// Runs `body` with the process umask set to `mask` (tests run one at a time).
    private func withUmask<T>(_ mask: mode_t, _ body: () throws -> T) rethrows -> T {
        let previous = umask(mask)
        defer { umask(previous) }
        return try body()
    }

    private func isSymlink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK
    }

    func testModeIs0600WhateverTheUmask() throws {
        for mask: mode_t in [0, 0o022, 0o277, 0o777] {
            let empty = path("empty-\(mask)")
            try withUmask(mask) { try PrivateFile.create(at: empty) }
            XCTAssertEqual(try mode(empty), 0o600, "umask \(String(mask, radix: 8))")
            let filled = path("filled-\(mask)")
            try withUmask(mask) { try PrivateFile.create(at: filled, contents: Data("checkpoint\n".utf8)) }
            XCTAssertEqual(try mode(filled), 0o600, "umask \(String(mask, radix: 8))")
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: filled)), Data("checkpoint\n".utf8))
        }
    }

    func testExistingFileDirectoryOrSymlinkIsRefusedUntouched() throws {
        let existing = path("existing")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: existing))
        XCTAssertEqual(chmod(existing, 0o644), 0)
        let target = path("target")
        let dangling = path("dangling")
        XCTAssertEqual(symlink(target, dangling), 0)
        let toExisting = path("to-existing")
        XCTAssertEqual(symlink(existing, toExisting), 0)
        let folder = path("folder")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)

        for planted in [existing, dangling, toExisting, folder] {
            XCTAssertThrows(.fileExists(planted)) { try PrivateFile.create(at: planted) }
            XCTAssertThrows(.fileExists(planted)) { try PrivateFile.create(at: planted, contents: Data("new".utf8)) }
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: existing)), Data("keep me".utf8))
        XCTAssertEqual(try mode(existing), 0o644)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target), "a dangling symlink was followed")
        XCTAssertTrue(isSymlink(dangling))
        XCTAssertTrue(isSymlink(toExisting))
    }

    func testVaultFileIsCreatedPrivateUnderUmaskZeroAndNeverThroughASymlink() throws {
        let vaultPath = path("vault.casevault")
        let vault = try withUmask(0) {
            try Vault.create(path: vaultPath, admin: "admin", passphrase: TemporaryVault.secret("admin passphrase"),
                             options: TemporaryVault.options)
        }
        XCTAssertEqual(try mode(vaultPath), 0o600)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: vaultPath + suffix) {
            XCTAssertEqual(try mode(vaultPath + suffix), 0o600, suffix)
        }

        let target = path("elsewhere.casevault")
        let planted = path("planted.casevault")
        XCTAssertEqual(symlink(target, planted), 0)
        XCTAssertThrows(.fileExists(planted)) {
            _ = try Vault.create(path: planted, admin: "admin", passphrase: TemporaryVault.secret("x"), options: TemporaryVault.options)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: target), "the vault was written through a planted symlink")
        XCTAssertTrue(isSymlink(planted))

        let backup = path("backup.casevault")
        try withUmask(0) { try vault.backup(to: backup) }
        XCTAssertEqual(try mode(backup), 0o600)
        let backupTarget = path("backup-elsewhere.casevault")
        let plantedBackup = path("planted-backup.casevault")
        XCTAssertEqual(symlink(backupTarget, plantedBackup), 0)
        XCTAssertThrows(.fileExists(plantedBackup)) { try vault.backup(to: plantedBackup) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: backupTarget), "the backup was written through a planted symlink")
        XCTAssertTrue(isSymlink(plantedBackup))
    }
}
