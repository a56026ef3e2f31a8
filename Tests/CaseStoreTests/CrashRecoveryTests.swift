import CaseStore
import Foundation
import GRDB
import TestSupport
import XCTest

/// SECURITY.md / design claim: nothing acknowledged is lost. A writer process is killed with
/// SIGKILL at random moments; afterwards the vault opens, passes `PRAGMA integrity_check`, and
/// every case whose creation had returned is present and readable.
final class CrashRecoveryTests: XCTestCase {
    /// The helper is built beside the test bundle's resource bundle (`.build/<config>/`).
    static var writerURL: URL {
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("casevault-crash-writer")
    }

    func testSIGKILLAtRandomPointsLosesNoAcknowledgedCase() throws {
        let writer = Self.writerURL
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: writer.path), "casevault-crash-writer not built at \(writer.path)")
        let vault = try TemporaryVault()
        _ = try vault.user("vesna", .caseworker)
        let passphraseFile = vault.directory.appendingPathComponent("passphrase")
        try Data("vesna passphrase".utf8).write(to: passphraseFile)

        var generator = SystemRandomNumberGenerator()
        var acknowledged: [String] = []
        let rounds = 25
        for round in 0..<rounds {
            let writerProcess = try ChildProcess(executable: writer.path, arguments: ["create", vault.path, "vesna", passphraseFile.path],
                                                 environment: ProcessInfo.processInfo.environment, timeout: 120)
            usleep(UInt32.random(in: 30_000...400_000, using: &generator))
            writerProcess.send(signal: SIGKILL)
            XCTAssertEqual(writerProcess.wait(), .signalled(SIGKILL), "round \(round): the writer stopped before it was killed")
            let text = writerProcess.outputText
            // Only complete lines were acknowledged; a partial last line was still being written.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            acknowledged += lines.dropLast().map(String.init)
        }
        XCTAssertGreaterThan(acknowledged.count, rounds, "the writer should commit several cases per round")

        let integrity = try DatabaseQueue(path: vault.path).read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
        XCTAssertEqual(integrity, ["ok"])
        let reader = try vault.reopen().unlock(user: "vesna", passphrase: TemporaryVault.secret("vesna passphrase"))
        for code in acknowledged {
            let caseCode = try XCTUnwrap(CaseCode(code), "not a code: \(code)")
            XCTAssertTrue(try reader.readCase(caseCode).document.survivor.name.hasPrefix("Crash Test "))
        }
        XCTAssertGreaterThanOrEqual(try reader.listCases().count, acknowledged.count)
    }
}
