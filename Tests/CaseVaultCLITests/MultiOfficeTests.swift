import CaseStore
import Foundation
import PostgresStorage
import TestSupport
import VaultCrypto
import XCTest

/// Several offices on one PostgreSQL vault, through the real `casevault` binary: two offices
/// writing at once, and a vault moved to the server and back.
final class MultiOfficeTests: XCTestCase {
    /// An office's environment: the database password from a private file, English messages.
    private struct Office {
        let directory: URL
        let database: PostgresTestDatabase
        let environment: [String: String]

        init(database: PostgresTestDatabase) throws {
            self.database = database
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("casevault-offices-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let password = directory.appendingPathComponent("db.password").path
            try PrivateFile.create(at: password, contents: Data("\(database.appPassword)\n".utf8))
            environment = ["CASEVAULT_DB_PASSWORD_FILE": password, "LANG": "C"]
        }

        func passphraseFile(_ user: String) throws -> String {
            let path = directory.appendingPathComponent("\(user).pass").path
            if !FileManager.default.fileExists(atPath: path) {
                try Data("\(user) has a long passphrase\n".utf8).write(to: URL(fileURLWithPath: path))
            }
            return path
        }

        func run(as user: String, _ arguments: [String], vault: String? = nil, stdin: String = "") throws -> CLIProcess.Result {
            try CLIProcess.run(arguments + ["--vault", vault ?? database.url, "--user", user, "--passphrase-file", passphraseFile(user)],
                               stdin: stdin, environment: environment)
        }

        func makeVault(caseworkers: [String]) throws {
            let created = try CLIProcess.run(["init", "--vault", database.url, "--admin", "ana", "--passphrase-file", passphraseFile("ana")],
                                             environment: environment)
            XCTAssertEqual(created.status, 0, created.err)
            for user in caseworkers {
                let added = try run(as: "ana", ["user", "add", user, "--role", "caseworker", "--new-passphrase-file", passphraseFile(user)])
                XCTAssertEqual(added.status, 0, added.err)
            }
        }

        /// The vault opened in this process, as `user`.
        func unlock(_ user: String) throws -> UnlockedVault {
            let storage = try PostgresVaultStorage.open(PostgresLocation(database.url), password: database.appPassword, create: false)
            return try Vault(storage: storage).unlock(user: user, passphrase: SecretBytes(Array("\(user) has a long passphrase".utf8)))
        }
    }

    private func office() throws -> Office {
        guard let server = try PostgresTestServer.shared() else { throw XCTSkip(PostgresTestServer.notInstalled) }
        let database = try server.makeDatabase()
        addTeardownBlock { try? database.dropDatabase() }
        let office = try Office(database: database)
        addTeardownBlock { try? FileManager.default.removeItem(at: office.directory) }
        return office
    }

    /// What one office acknowledged: the codes it was given and the notes each took.
    final class Acknowledged: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var notes: [String: Int] = [:]
        private(set) var failures: [String] = []
        func created(_ code: String) { lock.withLock { notes[code] = 0 } }
        func noted(_ code: String) { lock.withLock { notes[code, default: 0] += 1 } }
        func failed(_ text: String) { lock.withLock { failures.append(text) } }
    }

    /// Seconds each office writes (`CASEVAULT_MULTI_OFFICE_SECONDS`, default 60).
    private var writingSeconds: TimeInterval {
        ProcessInfo.processInfo.environment["CASEVAULT_MULTI_OFFICE_SECONDS"].flatMap(TimeInterval.init) ?? 60
    }

    func testTwoOfficesWritingIntakesAndNotesAtOnceLoseNothingAndKeepOneChain() throws {
        let office = try office()
        let workers = ["maja", "vesna"]
        try office.makeVault(caseworkers: workers)
        let intake = office.directory.appendingPathComponent("intake.json")
        try Data(#"[{"survivor":{"name":"Office Writer","sex":"female"},"consent":{"statistics":true}}]"#.utf8).write(to: intake)
        let deadline = Date().addingTimeInterval(writingSeconds)
        let acknowledged = workers.map { _ in Acknowledged() }
        DispatchQueue.concurrentPerform(iterations: workers.count) { index in
            let user = workers[index], record = acknowledged[index]
            var round = 0
            while Date() < deadline {
                round += 1
                do {
                    let created = try office.run(as: user, ["case", "create", "--from", intake.path])
                    guard created.status == 0 else { return record.failed("create: \(created.err)") }
                    let code = created.out.trimmingCharacters(in: .whitespacesAndNewlines)
                    record.created(code)
                    let noted = try office.run(as: user, ["note", code], stdin: "\(user) note \(round)\n")
                    guard noted.status == 0 else { return record.failed("note: \(noted.err)") }
                    record.noted(code)
                } catch {
                    return record.failed("\(error)")
                }
            }
        }
        for (user, record) in zip(workers, acknowledged) {
            XCTAssertEqual(record.failures, [], user)
            XCTAssertGreaterThan(record.notes.count, 3, "\(user) wrote too little to test anything")
            let vault = try office.unlock(user)
            XCTAssertEqual(Set(try vault.listCases(assignedTo: user).map(\.code)), Set(record.notes.keys), user)
            for (code, notes) in record.notes {
                let stored = try vault.readCase(XCTUnwrap(CaseCode(code)), recordAccess: false)
                XCTAssertEqual(stored.document.work?.notes.count ?? 0, notes, "\(user) \(code)")
            }
        }
        let verified = try office.run(as: "ana", ["audit", "verify"])
        XCTAssertEqual(verified.status, 0, verified.err)
        XCTAssertNil(try office.unlock("ana").verifyAuditTrail().firstBad)
    }

    func testAVaultMovesToTheServerWorksThereAndComesBackVerified() throws {
        let office = try office()
        let file = office.directory.appendingPathComponent("office.casevault").path
        let created = try CLIProcess.run(["init", "--vault", file, "--admin", "ana", "--passphrase-file", office.passphraseFile("ana")],
                                         environment: office.environment)
        XCTAssertEqual(created.status, 0, created.err)
        XCTAssertEqual(try office.run(as: "ana", ["user", "add", "maja", "--role", "caseworker", "--new-passphrase-file",
                                                  office.passphraseFile("maja")], vault: file).status, 0)
        let imported = try office.run(as: "maja", ["case", "create", "--from", CLIHarness.fixture("two_cases.json")], vault: file)
        let codes = imported.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(codes.count, 2, imported.err)

        let copied = try office.run(as: "ana", ["vault", "copy", "--to", office.database.url], vault: file)
        XCTAssertEqual(copied.status, 0, copied.err)
        XCTAssertTrue(copied.out.contains("verified"), copied.out)
        XCTAssertFalse(copied.out.contains(office.database.appPassword) || copied.err.contains(office.database.appPassword))

        let listed = try office.run(as: "maja", ["cases"])
        XCTAssertEqual(listed.status, 0, listed.err)
        XCTAssertTrue(codes.allSatisfy(listed.out.contains), listed.out)
        let shown = try office.run(as: "maja", ["case", "show", codes[0]])
        XCTAssertTrue(shown.out.contains("Радмила Стојковић"), shown.err)
        let status = try CLIProcess.run(["status", "--vault", office.database.url], environment: office.environment)
        XCTAssertTrue(status.out.contains("casevault_app@127.0.0.1:"), status.out + status.err)
        XCTAssertFalse(status.out.contains(office.database.appPassword))

        let again = try office.run(as: "ana", ["vault", "copy", "--to", office.database.url], vault: file)
        XCTAssertNotEqual(again.status, 0, "a copy into a database that holds a vault")

        let backup = office.directory.appendingPathComponent("server-backup.casevault").path
        let backedUp = try office.run(as: "ana", ["backup", backup])
        XCTAssertEqual(backedUp.status, 0, backedUp.err)
        XCTAssertEqual(try office.run(as: "ana", ["audit", "verify"], vault: backup).status, 0, "a backup of a server vault is a vault file")

        let back = office.directory.appendingPathComponent("back.casevault").path
        let returned = try office.run(as: "ana", ["vault", "copy", "--to", back])
        XCTAssertEqual(returned.status, 0, returned.err)
        let verified = try office.run(as: "ana", ["audit", "verify"], vault: back)
        XCTAssertEqual(verified.status, 0, verified.err)
        XCTAssertTrue(try office.run(as: "maja", ["case", "show", codes[0]], vault: back).out.contains("Радмила Стојковић"))
    }

    func testAServerLocationWithAPasswordOrAnExposedPasswordFileIsRefused() throws {
        let office = try office()
        let withPassword = office.database.url.replacingOccurrences(of: "casevault_app@", with: "casevault_app:secret@")
        let refused = try CLIProcess.run(["status", "--vault", withPassword], environment: office.environment)
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.err.contains("CASEVAULT_DB_PASSWORD_FILE"), refused.err)
        XCTAssertFalse(refused.err.contains("secret"), refused.err)

        let exposed = office.directory.appendingPathComponent("exposed.password").path
        try Data(office.database.appPassword.utf8).write(to: URL(fileURLWithPath: exposed))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: exposed)
        let leaky = try CLIProcess.run(["status", "--vault", office.database.url], environment: ["CASEVAULT_DB_PASSWORD_FILE": exposed, "LANG": "C"])
        XCTAssertNotEqual(leaky.status, 0)
        XCTAssertTrue(leaky.err.contains("chmod 600"), leaky.err)

        let wrong = office.directory.appendingPathComponent("wrong.password").path
        try PrivateFile.create(at: wrong, contents: Data("not the password".utf8))
        let denied = try CLIProcess.run(["status", "--vault", office.database.url], environment: ["CASEVAULT_DB_PASSWORD_FILE": wrong, "LANG": "C"])
        XCTAssertNotEqual(denied.status, 0)
        XCTAssertTrue(denied.err.contains("refused the user name or password"), denied.err)
    }
}
