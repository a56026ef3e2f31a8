import Access
import CaseStore
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

        // Put vesna's old slot back, enabled, as someone holding a copy of it would.
        let slot = try XCTUnwrap(oldSlot)
        try DatabaseQueue(path: fixture.path).write { db in
            try db.execute(sql: "UPDATE key_slots SET disabled = 0, sealed_keys = ?, key_version = ? WHERE user_name = 'vesna'",
                           arguments: [slot["sealed_keys"] as Data, slot["key_version"] as Int])
        }
        let vesna = try fixture.vault().unlock(user: "vesna", passphrase: AccessFixture.passphrase("vesna"))
        XCTAssertThrowsError(try vesna.readCase(after)) { XCTAssertEqual($0 as? CaseStoreError, .tamperedRecord(.caseFile(after.rawValue))) }
        XCTAssertEqual(try vesna.findCases(name: "Posle Rekey"), [], "the old name-index key matches nothing new")
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
                                         environment: [:], timeout: 600)
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
