import Access
@testable import CaseStore
import Foundation
import GRDB
import TestSupport
import VaultCrypto
import XCTest

/// Key rotation: enabled users keep working, a disabled user's old slot opens nothing new, and a
/// rekey killed at any point leaves every case readable.
final class RekeyTests: XCTestCase {
    func testEnabledUsersKeepAccessAndDisabledUsersOldSlotOpensNothingNew() throws {
        let fixture = try AccessFixture()
        let maja = try fixture.login("maja")
        let before = try maja.createCases([fixture.document("Prije Rekey")])[0]
        let oldSlot = try DatabaseQueue(path: fixture.path).read { try Row.fetchOne($0, sql: "SELECT * FROM key_slots WHERE user_name = 'vesna'") }

        let admin = try fixture.login("admin")
        try admin.setDisabled("vesna", true)
        let report = try admin.rekey(passphrase: AccessFixture.passphrase("admin"))
        XCTAssertEqual(report.keyVersion, 2)
        XCTAssertEqual(report.casesRewrapped, 1)
        XCTAssertEqual(report.usersLeftOut, 1)
        XCTAssertEqual(report.usersGranted, 3)

        let majaAfter = try fixture.login("maja")
        XCTAssertEqual(try majaAfter.readCase(before).document.survivor.name, "Prije Rekey")
        XCTAssertEqual(try majaAfter.findCases(name: "rekey").map(\.code), [before.rawValue], "the name index was rebuilt")
        let after = try majaAfter.createCases([fixture.document("Posle Rekey")])[0]
        try fixture.login("sofija").assignCase(after, to: "vesna")

        // Put vesna's old slot back, enabled, as someone holding a copy of it would: the signed
        // directory still says she is disabled, so the program does not let her in.
        let slot = try XCTUnwrap(oldSlot)
        try DatabaseQueue(path: fixture.path).write { db in
            try db.execute(sql: "UPDATE key_slots SET disabled = 0, sealed_keys = ?, key_version = ? WHERE user_name = 'vesna'",
                           arguments: [slot["sealed_keys"] as Data, slot["key_version"] as Int])
        }
        XCTAssertThrowsError(try fixture.vault().unlock(user: "vesna", passphrase: AccessFixture.passphrase("vesna"))) {
            XCTAssertEqual($0 as? CaseStoreError, .userDisabled("vesna"))
        }

        // With her own tools, the keys in her old slot open nothing written after the rekey.
        let vault = try fixture.vault()
        let oldRow = try XCTUnwrap(try vault.storage.keySlot(user: "vesna"))
        let old = try KeySlotSealer.open(oldRow, passphrase: AccessFixture.passphrase("vesna"), meta: vault.meta).ring
        let newCase = try XCTUnwrap(try vault.storage.caseRow(code: after.rawValue))
        // Her tools may claim the new key version: the old case-wrapping key still unwraps nothing.
        let oldSealer = CaseSealer(vaultID: vault.meta.vaultID, keyVersion: newCase.keyVersion, keys: old)
        XCTAssertThrowsError(try oldSealer.dataKey(for: newCase, code: after)) {
            XCTAssertEqual($0 as? CaseStoreError, .tamperedRecord(.caseFile(after.rawValue)))
        }
        XCTAssertEqual(try vault.storage.listings(withAllTokens: oldSealer.nameTokens("Posle Rekey")).map(\.summary.code), [], "the old name-index key matches nothing new")

        // Nor does her old audit key open audit details written after the rekey, while the
        // current audit key opens the details of the whole trail.
        let rekeySeq = try XCTUnwrap(try fixture.login("ivan").auditLog(AuditFilter(action: "rekey")).first?.seq)
        let current = try fixture.login("ivan").auditLog(AuditFilter())
        let rows = try vault.storage.auditEntries(AuditFilter())
        let detailed = current.filter { !$0.details.isEmpty }
        XCTAssertTrue(detailed.contains { $0.seq > rekeySeq }, "some entries after the rekey have details")
        XCTAssertTrue(detailed.contains { $0.seq < rekeySeq }, "some entries before the rekey have details")
        for entry in detailed {
            XCTAssertNotEqual(entry.details, ["sealed": "true"], "the auditor reads entry \(entry.seq)")
            let row = try XCTUnwrap(rows.first { $0.seq == entry.seq })
            let seenByOldKey = AuditPayload.open(row, keys: [try old.key(.audit)])
            if entry.seq > rekeySeq {
                XCTAssertEqual(seenByOldKey, ["sealed": "true"], "entry \(entry.seq) opened with a retired audit key")
            } else {
                XCTAssertEqual(seenByOldKey, entry.details)
            }
        }
    }

    func testAuditDetailsOfEveryKeyEpochStayReadable() throws {
        let fixture = try AccessFixture()
        var reasons: [String] = []
        for epoch in 0..<3 {
            let maja = try fixture.login("maja")
            let code = try maja.createCases([fixture.document("Epoha \(epoch)")])[0]
            try maja.close(code, reason: ClosureReason.allCases[epoch])
            reasons.append(ClosureReason.allCases[epoch].rawValue)
            if epoch < 2 { _ = try fixture.login("admin").rekey(passphrase: AccessFixture.passphrase("admin")) }
        }
        let vault = try fixture.vault()
        XCTAssertEqual(try vault.status().keyVersion, 3)
        let closures = try fixture.login("ivan").auditLog(AuditFilter(action: "case_close"))
        XCTAssertEqual(closures.compactMap { $0.details["reason"] }, reasons, "details sealed under each of the three audit keys")
        let rekeys = try fixture.login("ivan").auditLog(AuditFilter(action: "rekey"))
        XCTAssertEqual(rekeys.compactMap { $0.details["key_version"] }, ["2", "3"])
    }

    func testRoleChangeAndPassphraseChangeTakeEffect() throws {
        let fixture = try AccessFixture()
        try fixture.login("admin").changeRole("sofija", to: .caseworker)
        let sofija = try fixture.login("sofija")
        XCTAssertEqual(sofija.actor.role, .caseworker)
        XCTAssertNoThrow(try sofija.createCases([fixture.document()]))

        try sofija.changePassphrase(to: SecretBytes(Array("a brand new passphrase for sofija".utf8)))
        XCTAssertThrowsError(try fixture.login("sofija")) { XCTAssertEqual($0 as? CaseStoreError, .wrongPassphrase) }
        let again = try fixture.vault().unlock(user: "sofija", passphrase: SecretBytes(Array("a brand new passphrase for sofija".utf8)))
        XCTAssertEqual(again.role, .caseworker)
    }

    func testRekeyKilledAtRandomPointsLosesNoCase() throws {
        let writer = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("casevault-crash-writer")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: writer.path), "casevault-crash-writer not built at \(writer.path)")
        let fixture = try AccessFixture()
        let maja = try fixture.login("maja")
        var codes: [CaseCode] = []
        for batch in 0..<10 {
            codes += try maja.createCases((0..<1000).map { fixture.document("Osoba \(batch)-\($0)") })
        }
        let passphraseFile = fixture.directory.appendingPathComponent("admin.pass")
        try Data("admin has a long passphrase".utf8).write(to: passphraseFile)

        func runRekey(killAfter: UInt32?) throws -> Bool {
            let rekey = try ChildProcess(executable: writer.path, arguments: ["rekey", fixture.path, "admin", passphraseFile.path],
                                         environment: ProcessInfo.processInfo.environment, timeout: 600)
            if let killAfter {
                usleep(killAfter)
                rekey.send(signal: SIGKILL)
            }
            XCTAssertNotEqual(rekey.wait(), .timedOut)
            return rekey.outputText == "done\n"
        }

        let start = Date()
        XCTAssertTrue(try runRekey(killAfter: nil))
        let duration = Date().timeIntervalSince(start)
        var completed = 1
        for _ in 0..<10 {
            if try runRekey(killAfter: UInt32.random(in: 10_000...UInt32(max(duration, 0.05) * 1_000_000))) { completed += 1 }
        }
        let vault = try fixture.vault()
        let keyVersion = try vault.status().keyVersion
        XCTAssertEqual(keyVersion, 1 + completed, "every completed rekey counts once, every killed one rolled back")
        let admin = try vault.unlock(user: "admin", passphrase: AccessFixture.passphrase("admin"))
        for code in codes { XCTAssertNoThrow(try admin.readCase(code, recordAccess: false)) }
        let majaAgain = try fixture.login("maja")
        XCTAssertEqual(try majaAgain.readCase(codes[4321]).document.survivor.name, "Osoba 4-321")
        XCTAssertTrue(try vault.verifyAuditTrail().isIntact)
    }
}
