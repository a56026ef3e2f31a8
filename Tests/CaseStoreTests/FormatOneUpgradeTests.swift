@testable import CaseStore
import Foundation
import GRDB
import VaultCrypto
import XCTest

/// A vault made by the previous version (format 1, before the signed directory: the demo vault
/// of `casevault demo --cases 12` with demo-vesna disabled, kept as a fixture) upgrades with every
/// case, user and audit entry intact.
final class FormatOneUpgradeTests: XCTestCase {
    static let passphrase = SecretBytes(Array("demo passphrase - not for real cases".utf8))

    private func copyOfFixture() throws -> (String, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("casevault-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("vault.casevault").path
        let fixture = Bundle.module.url(forResource: "format1-demo", withExtension: "casevault", subdirectory: "Fixtures")!
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        return (path, directory)
    }

    func testFormatOneVaultUpgradesWithEverythingIntact() throws {
        let (path, directory) = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = try DatabaseQueue(path: path).read { db in
            (cases: try Row.fetchAll(db, sql: "SELECT code, status, assignee, version FROM cases ORDER BY code")
                .map { "\($0["code"] as String) \($0["status"] as String) \($0["assignee"] as String? ?? "-") v\($0["version"] as Int)" },
             audit: try Row.fetchAll(db, sql: "SELECT seq, hash FROM audit_log ORDER BY seq").map { "\($0["seq"] as Int) \(($0["hash"] as Data).base64EncodedString())" })
        }
        XCTAssertEqual(before.cases.count, 12)
        XCTAssertEqual(before.audit.count, 42)

        XCTAssertThrowsError(try Vault(path: path).unlock(user: "demo-maja", passphrase: Self.passphrase)) {
            XCTAssertEqual($0 as? CaseStoreError, .directoryNotEstablished, "only an admin may build the directory")
        }
        let admin = try Vault(path: path).unlock(user: "demo-admin", passphrase: Self.passphrase)
        XCTAssertEqual(Set(try admin.users().map(\.name)), ["demo-admin", "demo-maja", "demo-vesna", "demo-sofija", "demo-ivan"])
        XCTAssertEqual(try admin.users().first { $0.name == "demo-vesna" }?.disabled, true)
        var opened = 0
        for summary in try admin.listCases() {
            let record = try admin.readCase(XCTUnwrap(CaseCode(summary.code)), recordAccess: false)
            XCTAssertFalse(record.document.survivor.name.isEmpty)
            opened += 1
        }
        XCTAssertEqual(opened, 12, "every case opens after the upgrade")

        let after = try DatabaseQueue(path: path).read { db in
            (cases: try Row.fetchAll(db, sql: "SELECT code, status, assignee, version FROM cases ORDER BY code")
                .map { "\($0["code"] as String) \($0["status"] as String) \($0["assignee"] as String? ?? "-") v\($0["version"] as Int)" },
             audit: try Row.fetchAll(db, sql: "SELECT seq, hash FROM audit_log WHERE seq <= 42 ORDER BY seq")
                .map { "\($0["seq"] as Int) \(($0["hash"] as Data).base64EncodedString())" })
        }
        XCTAssertEqual(after.cases, before.cases)
        XCTAssertEqual(after.audit, before.audit, "the old trail is kept byte for byte")

        // Every other user: her first login takes her upgrade grant and pins the directory key.
        let maja = try Vault(path: path).unlock(user: "demo-maja", passphrase: Self.passphrase)
        let hers = try maja.listCases(assignedTo: "demo-maja")
        XCTAssertEqual(hers.count, 4)
        for summary in hers { _ = try maja.readCase(XCTUnwrap(CaseCode(summary.code))) }
        let sofija = try Vault(path: path).unlock(user: "demo-sofija", passphrase: Self.passphrase)
        XCTAssertEqual(try sofija.listCases().count, 12)
        let vesnas = try XCTUnwrap(try sofija.listCases().first { $0.assignee == "demo-vesna" })
        try sofija.assignCase(XCTUnwrap(CaseCode(vesnas.code)), to: "demo-maja")
        XCTAssertNoThrow(try Vault(path: path).unlock(user: "demo-maja", passphrase: Self.passphrase).readCase(XCTUnwrap(CaseCode(vesnas.code))))
        XCTAssertThrowsError(try Vault(path: path).unlock(user: "demo-vesna", passphrase: Self.passphrase)) {
            XCTAssertEqual($0 as? CaseStoreError, .userDisabled("demo-vesna"))
        }
        let ivan = try Vault(path: path).unlock(user: "demo-ivan", passphrase: Self.passphrase)
        let result = try ivan.verifyAuditTrail()
        XCTAssertTrue(result.isIntact, "\(result)")
        XCTAssertEqual(result.signedThrough, Int64(result.entries), "the old trail is covered by the upgrade's signed head")

        // Enabling the user who was disabled at the upgrade gives her a new exchange key by grant.
        try Vault(path: path).unlock(user: "demo-admin", passphrase: Self.passphrase).setDisabled("demo-vesna", false)
        let vesna = try Vault(path: path).unlock(user: "demo-vesna", passphrase: Self.passphrase)
        XCTAssertEqual(try vesna.listCases(assignedTo: "demo-vesna").count, 7)
        _ = try Vault(path: path).unlock(user: "demo-admin", passphrase: Self.passphrase).rekey(passphrase: Self.passphrase)
        XCTAssertNoThrow(try Vault(path: path).unlock(user: "demo-vesna", passphrase: Self.passphrase))
    }

    /// A vault from before statistics has no facts: a supervisor is told how many cases wait, the
    /// next administrator login computes them once (in audited batches), and from then on the
    /// consenting cases are counted.
    func testAnExistingVaultGetsItsFactsComputedOnce() throws {
        let (path, directory) = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: directory) }
        let admin = try Vault(path: path).unlock(user: "demo-admin", passphrase: Self.passphrase)
        let consenting = try admin.listCases().filter { summary in
            (try? admin.readCase(CaseCode(summary.code)!, recordAccess: false).document.consent.statistics) == true
        }.count
        let sofija = try Vault(path: path).unlock(user: "demo-sofija", passphrase: Self.passphrase)
        XCTAssertThrows(.statisticsNotPrepared(12)) { try sofija.forEachFacts { _ in } }
        XCTAssertEqual(try admin.factsToCompute(), 12)
        var seen: [(Int, Int)] = []
        XCTAssertEqual(try admin.computeMissingFacts { seen.append(($0, $1)) }, 12)
        XCTAssertEqual(seen.last?.0, 12)
        XCTAssertEqual(try admin.computeMissingFacts(), 0, "only once")
        var counted = 0
        try sofija.forEachFacts { _ in counted += 1 }
        XCTAssertEqual(counted, consenting)
        XCTAssertGreaterThan(consenting, 0)
        XCTAssertLessThan(consenting, 12, "the fixture has cases without consent")
        XCTAssertTrue(try Vault(path: path).unlock(user: "demo-ivan", passphrase: Self.passphrase).verifyAuditTrail().isIntact)
    }
}
