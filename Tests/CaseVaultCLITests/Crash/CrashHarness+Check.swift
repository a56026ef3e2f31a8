import CaseStore
import Foundation
import TestSupport
import XCTest

extension CrashHarness {
    /// The checks after every run. What was seen becomes the ledger, so a write that appeared
    /// once (acknowledged or not) must never disappear later.
    func check(after run: String) throws {
        let integrity = try ExternalTool.run("sqlite3", [scene.vault, "PRAGMA integrity_check;"])
        XCTAssertEqual(integrity.outputText.trimmingCharacters(in: .whitespacesAndNewlines), "ok", "\(run): integrity_check")
        let verified = try scene.run("aida", ["audit", "verify"])
        XCTAssertEqual(verified.status, 0, "\(run): audit verify: \(verified.out)\(verified.err)")

        let vesna = try scene.unlock("vesna")
        let listed = Set(try vesna.listCases(assignedTo: "vesna").map(\.code))
        for (code, notes) in ledger.notes {
            if ledger.maybeErased.contains(code), !listed.contains(code) {
                try expectErased(code, in: vesna, run)
                ledger.notes[code] = nil
                ledger.due.remove(code)
                ledger.erased.insert(code)
                continue
            }
            XCTAssertTrue(listed.contains(code), "\(run): case \(code) is missing")
            guard listed.contains(code), let caseCode = CaseCode(code) else { continue }
            let seen = try vesna.readCase(caseCode, recordAccess: false).document.work?.notes.map { $0.text } ?? []
            if let killed = ledger.killedNote, killed.code == code {
                XCTAssertTrue(seen == notes || seen == notes + [killed.text], "\(run): the notes of \(code) are not what was written")
            } else {
                XCTAssertEqual(seen, notes, "\(run): the notes of \(code)")
            }
            ledger.notes[code] = seen
        }
        let unacknowledged = listed.subtracting(ledger.notes.keys)
        XCTAssertLessThanOrEqual(unacknowledged.count, ledger.killedIntakes, "\(run): cases nobody made: \(unacknowledged.sorted())")
        for code in unacknowledged {
            let record = try vesna.readCase(XCTUnwrap(CaseCode(code)), recordAccess: false)
            XCTAssertEqual(record.document.survivor.name, "M. K.", "\(run): \(code) is not the intake that was killed")
            ledger.notes[code] = record.document.work?.notes.map { $0.text } ?? []
        }
        for code in ledger.erased {
            XCTAssertFalse(listed.contains(code), "\(run): erased case \(code) is back")
            try expectErased(code, in: vesna, run)
        }
        let keyVersion = try vesna.status().keyVersion
        XCTAssertTrue((ledger.keyVersion...(ledger.keyVersion + ledger.killedRekeys)).contains(keyVersion),
                      "\(run): key version \(keyVersion), acknowledged \(ledger.keyVersion)")
        ledger.keyVersion = keyVersion
        ledger.killedRekeys = 0
        ledger.killedIntakes = 0
        ledger.killedNote = nil
        ledger.maybeErased = []
    }

    private func expectErased(_ code: String, in vault: UnlockedVault, _ run: String) throws {
        XCTAssertThrowsError(try vault.readCase(XCTUnwrap(CaseCode(code)), recordAccess: false), "\(run): erased \(code) still reads") { error in
            XCTAssertEqual(error as? CaseStoreError, .caseErased(code), "\(run): \(code)")
        }
    }
}
