import Access
import CaseStore
import Foundation
import TestSupport
import VaultCrypto
import XCTest

/// A vault for the crash harness, with the four roles it needs and a cheap KDF (the key slots
/// carry their own cost, so the real `casevault` binary unlocks them quickly): the administrator
/// `ana`, the caseworker `vesna`, the supervisor `sanja` and the auditor `aida`.
final class CrashScene {
    static let options = VaultOptions(kdf: ScryptParameters(logN: 10, r: 8, p: 1))
    let directory: URL
    let vault: String
    private let database: PostgresTestDatabase?

    init(database: PostgresTestDatabase?) throws {
        self.database = database
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("casevault-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        vault = directory.appendingPathComponent("vault.casevault").path
        let admin = try Vault.create(path: vault, admin: "ana", passphrase: Self.secret("ana"), options: Self.options)
        for (name, role) in [("vesna", Role.caseworker), ("sanja", .supervisor), ("aida", .auditor)] {
            try admin.addUser(name, role: role, passphrase: Self.secret(name))
        }
        for name in ["ana", "vesna", "sanja", "aida"] {
            try PrivateFile.create(at: passphraseFile(name), contents: Data(Self.passphrase(name).utf8))
        }
        if let database {
            try PrivateFile.create(at: path("db.password"), contents: Data("\(database.appPassword)\n".utf8))
        }
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    static func passphrase(_ user: String) -> String { "\(user) crash harness passphrase" }
    static func secret(_ user: String) -> SecretBytes { SecretBytes(Array(passphrase(user).utf8)) }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
    func passphraseFile(_ user: String) -> String { path("\(user).pass") }

    /// What every command sees: English, no terminal, the database password from a private file.
    var environment: [String: String] {
        var environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C"]
        if database != nil { environment["CASEVAULT_DB_PASSWORD_FILE"] = path("db.password") }
        return environment
    }

    /// `arguments` logged in as `user` on `vault` (the file unless another location is given).
    func arguments(_ user: String, _ arguments: [String], vault location: String? = nil) -> [String] {
        arguments + ["--vault", location ?? vault, "--user", user, "--passphrase-file", passphraseFile(user)]
    }

    /// Starts a command that the harness may kill, with `extra` variables in its environment.
    func start(_ user: String, _ arguments: [String], stdin: String? = nil, extra: [String: String] = [:]) throws -> ChildProcess {
        let child = try ChildProcess(executable: CLIProcess.binary.path, arguments: self.arguments(user, arguments),
                                     environment: environment.merging(extra) { $1 }, input: stdin == nil ? .nullDevice : .pipe,
                                     timeout: 120)
        if let stdin {
            try? child.write(Data(stdin.utf8))
            child.closeInput()
        }
        return child
    }

    /// Runs a command to its end.
    func run(_ user: String, _ arguments: [String], vault location: String? = nil, stdin: String = "") throws -> CLIProcess.Result {
        let child = try ChildProcess.run(executable: CLIProcess.binary.path, arguments: self.arguments(user, arguments, vault: location),
                                         environment: environment, input: Data(stdin.utf8), timeout: 120)
        return CLIProcess.Result(status: child.status, out: child.outputText, err: child.errorText)
    }

    /// The vault unlocked in this process, as `user`, with a clock that may be set back.
    func unlock(_ user: String, now: Date = Date()) throws -> UnlockedVault {
        var options = Self.options
        options.now = { now }
        return try Vault(path: vault, options: options).unlock(user: user, passphrase: Self.secret(user))
    }

    /// Makes `count` cases that the retention rule makes due: created and closed three years ago.
    func makeCasesDue(_ count: Int) throws -> [String] {
        let past = Date().addingTimeInterval(-3 * 366 * 86_400)
        let vesna = try unlock("vesna", now: past)
        let session = AccessSession(vesna)
        return try (0..<count).map { index in
            let code = try vesna.createCase(CaseDocument(survivor: .init(name: "Retention Due \(index)"), consent: .init(statistics: false)))
            try session.close(code, reason: .needsMet)
            return code.rawValue
        }
    }
}
