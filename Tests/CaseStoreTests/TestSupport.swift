import CaseStore
import Foundation
import VaultCrypto
import XCTest

/// A temporary directory that deletes itself, and a vault in it with a cheap KDF.
final class TemporaryVault {
    static let options = VaultOptions(kdf: ScryptParameters(logN: 10, r: 8, p: 1))
    static let adminPassphrase = "admin passphrase for tests"

    let directory: URL
    let path: String
    let admin: UnlockedVault

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("casevault-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("vault.casevault").path
        admin = try Vault.create(path: path, admin: "admin", passphrase: Self.secret(Self.adminPassphrase), options: Self.options)
    }

    static func secret(_ text: String) -> SecretBytes { SecretBytes(Array(text.utf8)) }

    /// Adds a user of `role` (passphrase = "<name> passphrase") and returns them unlocked.
    func user(_ name: String, _ role: Role) throws -> UnlockedVault {
        try admin.addUser(name, role: role, passphrase: Self.secret("\(name) passphrase"))
        return try reopen().unlock(user: name, passphrase: Self.secret("\(name) passphrase"))
    }

    func reopen() throws -> Vault { try Vault(path: path, options: Self.options) }

    deinit { try? FileManager.default.removeItem(at: directory) }
}

enum Fixtures {
    static func url(_ name: String) throws -> URL {
        let directory = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return directory.appendingPathComponent(name)
    }

    static func distinctiveCases() throws -> [CaseDocument] {
        try CaseDocumentCodec.decodeBatch(Data(contentsOf: url("distinctive_cases.json")))
    }
}

func sampleDocument(_ name: String = "Ana Anić", narrative: String = "Sample narrative") -> CaseDocument {
    CaseDocument(survivor: .init(name: name, sex: .female), incident: .init(date: "2026-01-05", narrative: narrative, type: .rape),
                 consent: .init(statistics: true))
}

/// Asserts that `body` throws exactly `expected`.
func XCTAssertThrows(_ expected: CaseStoreError, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void) {
    do {
        try body()
        XCTFail("expected \(expected), nothing thrown", file: file, line: line)
    } catch let error as CaseStoreError {
        XCTAssertEqual(error, expected, file: file, line: line)
    } catch {
        XCTFail("expected \(expected), got \(error)", file: file, line: line)
    }
}
