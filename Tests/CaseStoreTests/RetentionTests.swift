import CaseStore
import Foundation
import GRDB
import TestSupport
import VaultCrypto
import XCTest

/// SECURITY.md, "Survivors' rights": the retention rule is signed by an administrator and
/// counted by the trail (a forged or rolled-back rule is a tamper error); a closed case is due
/// on the day N years after its closing entry in the trail (29 February: 1 March), never while
/// reopened; retention erasure erases only due cases and audits each with reason "retention".
final class RetentionTests: XCTestCase {
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var time = Date()
        var now: Date { lock.withLock { time } }
        func set(_ minute: String) { lock.withLock { time = ISO8601DateFormatter().date(from: minute + ":00Z") ?? time } }
    }

    let clock = Clock()
    var directory: URL!
    var path: String { directory.appendingPathComponent("vault.casevault").path }
    var options: VaultOptions {
        let clock = clock
        return VaultOptions(kdf: ScryptParameters(logN: 10, r: 8, p: 1), now: { clock.now })
    }

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("casevault-retention-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        clock.set("2023-01-01T09:00")
        let admin = try Vault.create(path: path, admin: "admin", passphrase: secret("admin"), options: options)
        try admin.addUser("maja", role: .caseworker, passphrase: secret("maja"))
        try admin.addUser("sofija", role: .supervisor, passphrase: secret("sofija"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    private func secret(_ name: String) -> SecretBytes { SecretBytes(Array("\(name) has a long passphrase".utf8)) }

    private func login(_ name: String) throws -> UnlockedVault {
        try Vault(path: path, options: options).unlock(user: name, passphrase: secret(name))
    }

    private func close(_ code: CaseCode, at minute: String, by worker: UnlockedVault) throws {
        clock.set(minute)
        try worker.amendCase(code, action: .caseClose, status: .closed) {
            $0.work = CaseWork(closure: Closure(day: String(minute.prefix(10)), reason: .needsMet, by: "maja"))
        }
    }

    /// A closed 2023-03-10, B closed on the leap day 2024-02-29, C closed and reopened, D open;
    /// the rule: one year.
    private func fourCases() throws -> [CaseCode] {
        let maja = try login("maja")
        let codes = try maja.createCases((0..<4).map { CaseDocument(survivor: .init(name: "Survivor \($0)"), consent: .init(statistics: false)) })
        try close(codes[2], at: "2023-01-02T10:00", by: maja)
        clock.set("2023-02-01T10:00")
        try maja.amendCase(codes[2], action: .caseReopen, status: .open) { $0.work?.closure = nil }
        try close(codes[0], at: "2023-03-10T23:59", by: maja)
        try close(codes[1], at: "2024-02-29T08:00", by: maja)
        try login("admin").setRetentionRule(RetentionRule(closedCaseYears: 1))
        return codes
    }

    func testRuleIsSignedCountedAndRefusedWhenForgedOrRolledBack() throws {
        let admin = try login("admin")
        XCTAssertEqual(try admin.retentionRule(), RetentionRule(closedCaseYears: nil))
        XCTAssertThrows(.invalidRetentionRule(0)) { try admin.setRetentionRule(RetentionRule(closedCaseYears: 0)) }
        try admin.setRetentionRule(RetentionRule(closedCaseYears: 10))
        let raw = try RawVault(path)
        let first = try XCTUnwrap(raw.queue.read { try Row.fetchOne($0, sql: "SELECT revision, signer, body, signature FROM signed_settings WHERE name = 'retention'") })
        try admin.setRetentionRule(RetentionRule(closedCaseYears: 7))
        let rule = try login("sofija").retentionRule()
        XCTAssertEqual(rule.closedCaseYears, 7)
        XCTAssertEqual(rule.revision, 2)

        // Rolled back: the older, validly signed rule put back.
        try raw.execute("UPDATE signed_settings SET revision = ?, signer = ?, body = ?, signature = ? WHERE name = 'retention'", StatementArguments(Array(first.databaseValues)))
        XCTAssertThrows(.untrustedSignature(.retentionRule)) { _ = try self.login("sofija").retentionRule() }
        // Forged: a body of the writer's own with a signature that cannot verify.
        let body = RetentionRuleBody.forged(years: 1, revision: 2, vaultID: try raw.blob("SELECT vault_id FROM vault_meta"))
        try raw.execute("UPDATE signed_settings SET revision = 2, signer = 'admin', body = ?, signature = zeroblob(64) WHERE name = 'retention'", [body])
        XCTAssertThrows(.untrustedSignature(.retentionRule)) { _ = try self.login("sofija").retentionRule() }
        // Deleted: the trail still counts two changes, so "no rule" is not believed either.
        try raw.execute("DELETE FROM signed_settings WHERE name = 'retention'")
        XCTAssertThrows(.untrustedSignature(.retentionRule)) { _ = try self.login("sofija").casesDueForRetention(today: "2099-01-01") }
    }

    func testSelectionBoundaries() throws {
        let codes = try fourCases().map(\.rawValue)
        let sofija = try login("sofija")
        XCTAssertEqual(try sofija.casesDueForRetention(today: "2024-03-09").map(\.code), [])
        let exact = try sofija.casesDueForRetention(today: "2024-03-10")
        XCTAssertEqual(exact.map { [$0.code, $0.closedDay, $0.dueDay] }, [[codes[0], "2023-03-10", "2024-03-10"]])
        XCTAssertEqual(try sofija.casesDueForRetention(today: "2025-02-28").map(\.code), [codes[0]])
        let leap = try sofija.casesDueForRetention(today: "2025-03-01")
        XCTAssertEqual(Set(leap.map(\.code)), [codes[0], codes[1]], "reopened and open cases are never due")
        XCTAssertEqual(leap.first { $0.code == codes[1] }?.dueDay, "2025-03-01")
        XCTAssertEqual(RetentionRule(closedCaseYears: 4).dueDay(closedOn: "2024-02-29"), "2028-02-29")
        XCTAssertNil(RetentionRule(closedCaseYears: nil).dueDay(closedOn: "2024-02-29"))
    }

    func testEraseForRetentionErasesOnlyDueCasesAndAuditsEach() throws {
        let codes = try fourCases()
        clock.set("2025-03-01T12:00")
        let sofija = try login("sofija")
        XCTAssertThrows(.notDueForRetention(codes[3].rawValue)) { try sofija.eraseForRetention([codes[0], codes[3]]) }
        XCTAssertEqual(try sofija.listCases().count, 4, "nothing was erased")
        try sofija.eraseForRetention([codes[0], codes[1]])
        XCTAssertEqual(Set(try sofija.listCases().map(\.code)), [codes[2].rawValue, codes[3].rawValue])
        let entries = try sofija.auditLog(AuditFilter(action: AuditAction.caseErase.rawValue))
        XCTAssertEqual(Set(entries.compactMap(\.caseCode)), [codes[0].rawValue, codes[1].rawValue])
        XCTAssertTrue(entries.allSatisfy { $0.details["reason"] == "retention" && $0.actor == "sofija" })
        XCTAssertTrue(try sofija.verifyAuditTrail().isIntact)
    }

    func testAClosingDayMovedInTheTrailIsATamperError() throws {
        let codes = try fourCases()
        let result = try ChildProcess.run(executable: "/usr/bin/env", arguments: [
            "sqlite3", path, """
            DROP TRIGGER audit_log_no_update;
            UPDATE audit_log SET at = '2000-01-01T00:00Z' WHERE action = 'case_close' AND case_code = '\(codes[1].rawValue)'
            """,
        ], environment: ["PATH": "/usr/bin:/bin"], timeout: 60)
        XCTAssertEqual(result.status, 0, result.errorText)
        XCTAssertThrows(.untrustedSignature(.auditTrail)) { _ = try self.login("sofija").casesDueForRetention(today: "2024-03-10") }
    }
}

/// A retention-rule body laid out as the vault lays it out, as a writer without keys could make.
enum RetentionRuleBody {
    static func forged(years: Int64, revision: Int64, vaultID: Data) -> Data {
        var bytes = Data("casevault/v1/setting/retention".utf8) + [0]
        bytes += withUnsafeBytes(of: UInt32(vaultID.count).bigEndian) { Data($0) } + vaultID
        bytes += withUnsafeBytes(of: revision.bigEndian) { Data($0) }
        bytes += withUnsafeBytes(of: UInt32(5).bigEndian) { Data($0) } + Data("admin".utf8) + [1]
        bytes += withUnsafeBytes(of: years.bigEndian) { Data($0) }
        return bytes
    }
}
