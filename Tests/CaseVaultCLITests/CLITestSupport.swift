import CaseVaultCLI
import Foundation
import TestSupport
import XCTest

/// Runs `casevault` in-process against a vault in a temporary directory and captures what it
/// writes to stdout and stderr. The test process is first taken off the terminal, so a command
/// that would ask the terminal fails as it would in a script instead of waiting.
final class CLIHarness {
    final class Capture: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ more: String) { lock.withLock { text += more } }
        func take() -> String { lock.withLock { defer { text = "" }; return text } }
    }

    struct Result {
        let status: Int32
        let out: String
        let err: String
    }

    let directory: URL
    let vault: String
    private let out = Capture()
    private let err = Capture()

    init() throws {
        TestProcessIsolation.apply()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("casevault-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        vault = directory.appendingPathComponent("vault.casevault").path
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Writes a passphrase file for `user` and returns its path.
    @discardableResult
    func passphraseFile(_ user: String) throws -> String {
        let path = directory.appendingPathComponent("\(user).pass").path
        try Data("\(user) has a long passphrase\n".utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The environment commands see: English unless a test asks otherwise, so a developer's own
    /// `LANG` or `CASEVAULT_LANG` cannot change the texts the tests compare.
    static let englishEnvironment = ["LANG": "C"]

    func run(_ arguments: [String], environment: [String: String] = CLIHarness.englishEnvironment) -> Result {
        let console = Console(out: { [out] in out.append($0) }, err: { [err] in err.append($0) })
        let status = CaseVaultCommand.run(arguments: arguments, console: console, environment: environment)
        return Result(status: status, out: out.take(), err: err.take())
    }

    /// Runs a command that unlocks the vault as `user`.
    func run(as user: String, _ arguments: [String], environment: [String: String] = CLIHarness.englishEnvironment) throws -> Result {
        run(arguments + ["--vault", vault, "--user", user, "--passphrase-file", try passphraseFile(user)], environment: environment)
    }

    /// Creates the vault with the administrator `ana` and adds `users` (name, role), each with
    /// the passphrase of `passphraseFile(name)`.
    func makeVault(users: [(name: String, role: String)] = [], file: StaticString = #filePath, line: UInt = #line) throws {
        let created = run(["init", "--vault", vault, "--admin", "ana", "--passphrase-file", try passphraseFile("ana")])
        XCTAssertEqual(created.status, 0, created.err, file: file, line: line)
        for user in users {
            let added = try run(as: "ana", ["user", "add", user.name, "--role", user.role, "--new-passphrase-file", passphraseFile(user.name)])
            XCTAssertEqual(added.status, 0, added.err, file: file, line: line)
        }
    }

    /// Imports `two_cases.json` as the caseworker `user` and returns the first case's code.
    func importTwoCases(as user: String) throws -> String {
        try XCTUnwrap(try run(as: user, ["case", "create", "--from", Self.fixture("two_cases.json")]).out
            .split(separator: "\n").first.map(String.init))
    }

    static func fixture(_ name: String) throws -> String {
        try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent(name).path
    }
}
