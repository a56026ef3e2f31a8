import CaseStore
import Foundation
import PostgresStorage
import TestSupport
import VaultCrypto
import XCTest

/// A vault that caseworkers write to through the real `casevault` binary, as a file or on the
/// PostgreSQL test server, with what the tests need around it: passphrase files, an intake
/// answers file, and the vault opened in the test's own process to check what was stored.
final class WritingOffice: Sendable {
    enum Backend: String, CaseIterable {
        case sqlite = "SQLite"
        case postgresql = "PostgreSQL"
    }

    let backend: Backend
    let directory: URL
    /// The vault file's path, or the database's URL.
    let location: String
    let database: PostgresTestDatabase?
    let environment: [String: String]

    /// The start of the English message of a vault busy with another writer (`cli.error.vault_locked`).
    static let busy = "casevault: error: the vault is busy"

    /// A new, empty place for a vault (not yet made): skips when PostgreSQL is not installed and
    /// not required; removed when `test` ends.
    init(_ backend: Backend, for test: XCTestCase) throws {
        self.backend = backend
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("casevault-writers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        test.addTeardownBlock { [directory] in try? FileManager.default.removeItem(at: directory) }
        switch backend {
        case .sqlite:
            database = nil
            location = directory.appendingPathComponent("office.casevault").path
            environment = ["LANG": "C"]
        case .postgresql:
            guard let server = try PostgresTestServer.shared() else { throw XCTSkip(PostgresTestServer.notInstalled) }
            let database = try server.makeDatabase()
            test.addTeardownBlock { try? database.dropDatabase() }
            self.database = database
            location = database.url
            let password = directory.appendingPathComponent("db.password").path
            try PrivateFile.create(at: password, contents: Data("\(database.appPassword)\n".utf8))
            environment = ["CASEVAULT_DB_PASSWORD_FILE": password, "LANG": "C"]
        }
    }

    func passphraseFile(_ user: String) throws -> String {
        let path = directory.appendingPathComponent("\(user).pass").path
        if !FileManager.default.fileExists(atPath: path) {
            try PrivateFile.create(at: path, contents: Data("\(user) has a long passphrase\n".utf8))
        }
        return path
    }

    /// Runs a command as `user` on the vault (or on `vault`, the same vault reached another way).
    func run(as user: String, _ arguments: [String], vault: String? = nil, stdin: String = "", timeout: TimeInterval = 120) throws
        -> CLIProcess.Result {
        try CLIProcess.run(arguments + ["--vault", vault ?? location, "--user", user, "--passphrase-file", passphraseFile(user)],
                           stdin: stdin, environment: environment, timeout: timeout)
    }

    /// Makes the vault with the administrator `ana` and the caseworkers.
    func makeVault(caseworkers: [String]) throws {
        let created = try CLIProcess.run(["init", "--vault", location, "--admin", "ana", "--passphrase-file", passphraseFile("ana")],
                                         environment: environment)
        XCTAssertEqual(created.status, 0, created.err)
        for user in caseworkers {
            let added = try run(as: "ana", ["user", "add", user, "--role", "caseworker", "--new-passphrase-file", passphraseFile(user)])
            XCTAssertEqual(added.status, 0, added.err)
        }
    }

    /// The answers of the English intake fixture, as `intake --answers` reads them.
    func answersFile() throws -> String {
        let path = directory.appendingPathComponent("answers.json")
        if !FileManager.default.fileExists(atPath: path.path) {
            let fixture = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: CLIHarness.fixture("intake_en.json"))))
            let answers = try XCTUnwrap((fixture as? [String: Any])?["answers"] as? [[String]])
            try JSONSerialization.data(withJSONObject: Dictionary(uniqueKeysWithValues: answers.map { ($0[0], $0[1]) })).write(to: path)
        }
        return path.path
    }

    /// A new case by `intake --answers` as `user`: its code when the command acknowledged it.
    func intake(as user: String, vault: String? = nil, timeout: TimeInterval = 120) throws -> (code: String?, result: CLIProcess.Result) {
        let result = try run(as: user, ["intake", "--answers", answersFile()], vault: vault, timeout: timeout)
        let code = result.out.trimmingCharacters(in: .whitespacesAndNewlines)
        return (result.status == 0 && CaseCode(code) != nil ? code : nil, result)
    }

    /// A note of one line on `code` as `user`.
    func note(_ text: String, on code: String, as user: String, vault: String? = nil, timeout: TimeInterval = 120) throws -> CLIProcess.Result {
        try run(as: user, ["note", code], vault: vault, stdin: "\(text)\n.\n", timeout: timeout)
    }

    /// The vault opened in this process (directly, never through a proxy), as `user`.
    func unlock(_ user: String) throws -> UnlockedVault {
        let vault: Vault
        if let database {
            vault = try Vault(storage: PostgresVaultStorage.open(PostgresLocation(database.url), password: database.appPassword, create: false))
        } else {
            vault = try Vault(path: location)
        }
        return try vault.unlock(user: user, passphrase: SecretBytes(Array("\(user) has a long passphrase".utf8)))
    }

    /// Each of `user`'s cases with the texts of its notes, as stored.
    func storedNotes(of user: String) throws -> [String: [String]] {
        let vault = try unlock(user)
        var notes: [String: [String]] = [:]
        for summary in try vault.listCases(assignedTo: user) {
            notes[summary.code] = try vault.readCase(XCTUnwrap(CaseCode(summary.code)), recordAccess: false).document.work?.notes.map(\.text) ?? []
        }
        return notes
    }

    /// `audit verify` by the administrator through the binary, directly.
    func auditVerifies() throws -> Bool {
        let verified = try run(as: "ana", ["audit", "verify"])
        XCTAssertEqual(verified.status, 0, verified.err)
        return verified.status == 0
    }
}
