import Access
import CaseStore
import Foundation
import TestSupport
import VaultCrypto
import XCTest

/// A vault in a temporary directory with a cheap KDF, a fake clock and a recorded sleep, plus
/// one user of each role.
final class AccessFixture {
    final class FakeClock: @unchecked Sendable {
        private let lock = NSLock()
        private var time = Date(timeIntervalSince1970: 1_790_000_000)
        private(set) var slept: TimeInterval = 0
        func now() -> Date { lock.withLock { time } }
        func sleep(_ seconds: TimeInterval) { lock.withLock { time += seconds; slept += seconds } }
        func advance(_ seconds: TimeInterval) { lock.withLock { time += seconds } }
    }

    let clock = FakeClock()
    let directory: URL
    let path: String
    let options: VaultOptions

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("casevault-access-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("vault.casevault").path
        let clock = clock
        options = VaultOptions(kdf: ScryptParameters(logN: 10, r: 8, p: 1), now: { clock.now() }, sleep: { clock.sleep($0) })
        let admin = AccessSession(try Vault.create(path: path, admin: "admin", passphrase: Self.passphrase("admin"), options: options))
        for (name, role) in [("maja", Role.caseworker), ("vesna", .caseworker), ("sofija", .supervisor), ("ivan", .auditor)] {
            try admin.addUser(name, role: role, passphrase: Self.passphrase(name))
        }
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    static func passphrase(_ user: String) -> SecretBytes { SecretBytes(Array("\(user) has a long passphrase".utf8)) }

    func vault() throws -> Vault { try Vault(path: path, options: options) }

    func login(_ user: String) throws -> AccessSession {
        AccessSession(try vault().unlock(user: user, passphrase: Self.passphrase(user)))
    }

    func document(_ name: String = "Ana Anić") -> CaseDocument {
        CaseDocument(survivor: .init(name: name), incident: .init(narrative: "secret narrative"), consent: .init(statistics: true))
    }

    /// Runs the stock `sqlite3` command-line tool on the vault file; returns its exit status.
    @discardableResult
    func sqlite3(_ sql: String) throws -> Int32 {
        // A busy timeout, as any attacker's script would set, so a reader finishing does not fail the edit.
        try ChildProcess.run(executable: "/usr/bin/env", arguments: ["sqlite3", "-cmd", ".timeout 5000", path, sql],
                             environment: ["PATH": "/usr/bin:/bin"], timeout: 60).status
    }
}

func XCTAssertDenied(_ action: AccessAction, _ reason: DenyReason, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void) {
    do {
        try body()
        XCTFail("expected a denial of \(action.rawValue)", file: file, line: line)
    } catch let error as AccessError {
        XCTAssertEqual(error, .denied(action, reason), file: file, line: line)
    } catch {
        XCTFail("expected a denial, got \(error)", file: file, line: line)
    }
}
