import CaseStore
import Foundation
import XCTest

/// The case store's API: create, open, update with history, list, find across scripts,
/// erase, backup and verify.
final class CaseLifecycleTests: XCTestCase {
    func testCreateReadUpdateKeepsEarlierVersions() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        let original = sampleDocument("Milena Ristić", narrative: "prva verzija")
        let code = try worker.createCase(original)
        let record = try worker.readCase(code)
        XCTAssertEqual(record.document, original)
        XCTAssertEqual(record.version, 1)
        XCTAssertEqual(record.assignee, "vesna")

        var corrected = original
        corrected.incident.narrative = "ispravljena verzija"
        XCTAssertEqual(try worker.updateCase(code, document: corrected), 2)
        XCTAssertEqual(try worker.readCase(code).document, corrected)
        let history = try worker.history(code)
        XCTAssertEqual(history.map(\.version), [1])
        XCTAssertEqual(history.map(\.document), [original])

        let reopened = try vault.reopen().unlock(user: "vesna", passphrase: TemporaryVault.secret("vesna passphrase"))
        XCTAssertEqual(try reopened.readCase(code).document, corrected)
    }

    func testFindAcrossScriptsAndSpellings() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        let cyrillic = try worker.createCase(sampleDocument("Јелена Ђорђевић"))
        let latin = try worker.createCase(sampleDocument("Đorđe Petrović"))
        _ = try worker.createCase(sampleDocument("Ana Jovanović"))
        for query in ["Ђорђевић", "Đorđević", "Djordjevic", "DORDEVIC", "jelena djordjevic", "Djordjevic Jelena"] {
            XCTAssertEqual(try worker.findCases(name: query).map(\.code), [cyrillic.rawValue], query)
        }
        XCTAssertEqual(try worker.findCases(name: "Ђорђе").map(\.code), [latin.rawValue])
        XCTAssertEqual(try worker.findCases(name: "petrovic").map(\.code), [latin.rawValue])
        XCTAssertEqual(try worker.findCases(name: "Jelena Petrović"), [])
        XCTAssertEqual(try worker.findCases(name: " -- "), [])

        try worker.updateCase(latin, document: sampleDocument("Đorđe Marković"))
        XCTAssertEqual(try worker.findCases(name: "petrovic"), [], "the index follows the current name")
        XCTAssertEqual(try worker.findCases(name: "markovic").map(\.code), [latin.rawValue])
    }

    func testBulkCreateIsAllOrNothing() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        var bad = sampleDocument("Valid")
        bad.survivor.birthDate = "2026-02-31"
        XCTAssertThrows(.invalidDocument(position: 3, field: "survivor.birthDate", rule: .invalidDate)) {
            _ = try worker.createCases([sampleDocument("One"), sampleDocument("Two"), bad])
        }
        XCTAssertEqual(try worker.listCases().count, 0)
        let codes = try worker.createCases((0..<50).map { sampleDocument("Person \($0)") })
        XCTAssertEqual(Set(codes).count, 50)
        XCTAssertEqual(try worker.listCases().count, 50)
    }

    func testRolesWithoutCaseKeysCannotCreate() throws {
        let vault = try TemporaryVault()
        for role in [Role.supervisor, .auditor] {
            let user = try vault.user("\(role.rawValue)1", role)
            XCTAssertThrows(.keyNotInSlot(.caseWrapping)) { _ = try user.createCase(sampleDocument()) }
        }
    }

    func testBackupIsVerifiedAndRefusesOverwrite() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        let code = try worker.createCase(sampleDocument())
        try worker.updateCase(code, document: sampleDocument(narrative: "v2"))
        _ = try worker.createCase(sampleDocument("Second"))
        let path = vault.directory.appendingPathComponent("backup.casevault").path
        var copied: [BackupProgress] = []
        try vault.admin.backup(to: path) { copied.append($0) }
        guard case .copying(let pages, let total)? = copied.last else { return XCTFail("no copy progress: \(copied)") }
        XCTAssertEqual(pages, total, "the copy reports every page")
        XCTAssertGreaterThan(total, 1)
        var checked: [BackupProgress] = []
        let report = try vault.admin.verifyBackup(at: path) { checked.append($0) }
        XCTAssertEqual(checked, [.checking(done: 1, total: 2), .checking(done: 2, total: 2)])
        XCTAssertTrue(report.integrityOK)
        XCTAssertTrue(report.sameVault)
        XCTAssertEqual([report.casesVerified, report.versionsVerified], [2, 3])
        XCTAssertThrows(.fileExists(path)) { try vault.admin.backup(to: path) }
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o077, 0, "backups are private to their owner")

        try RawVault(path).flipByte(column: "document", code: code, at: 20)
        XCTAssertThrows(.tamperedRecord(.caseFile(code.rawValue))) { _ = try vault.admin.verifyBackup(at: path) }

        let other = try TemporaryVault()
        XCTAssertFalse(try other.admin.verifyBackup(at: vault.path).sameVault)
    }

    func testUserNamesAreChecked() throws {
        let vault = try TemporaryVault()
        for name in ["", "has space", String(repeating: "a", count: 65), "semi;colon"] {
            XCTAssertThrows(.invalidUserName(name)) { try vault.admin.addUser(name, role: .caseworker, passphrase: TemporaryVault.secret("x")) }
        }
        XCTAssertNoThrow(try vault.admin.addUser("ana.marija_2-b", role: .caseworker, passphrase: TemporaryVault.secret("x")))
    }

    func testCaseCodesParseLeniently() throws {
        XCTAssertEqual(CaseCode("k7q4m2xa")?.rawValue, "K7Q4-M2XA")
        XCTAssertEqual(CaseCode("O1IL-0000")?.rawValue, "0111-0000")
        XCTAssertNil(CaseCode("K7Q4-M2X"))
        XCTAssertNil(CaseCode("K7Q4-M2XU"))
        XCTAssertNil(CaseCode("'; DROP--"))
    }

    func testVaultFileIsPrivateAndRefusesOverwrite() throws {
        let vault = try TemporaryVault()
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: vault.path)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o077, 0)
        XCTAssertThrows(.fileExists(vault.path)) {
            _ = try Vault.create(path: vault.path, admin: "x", passphrase: TemporaryVault.secret("y"), options: TemporaryVault.options)
        }
        XCTAssertNoThrow(try vault.reopen())
    }
}
