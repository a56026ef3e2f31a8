import CaseVaultCLI
import Foundation
import TestSupport
import XCTest

/// The survivor's rights from the command line (issue 11): `case correct`, `case purge` and
/// `case erase` (with their confirmation), `retention rule` and `retention run`, each audited;
/// after an erasure the name, phone and narrative are in no file of the vault directory, in no
/// backup taken afterwards, and `audit verify` passes.
final class RightsCommandTests: XCTestCase {
    var cli: CLIHarness!
    var code = ""

    static let name = "Милица Ђорђевић"
    static let narrative = "Ударио ју је у кухињи пред децом"
    static let phone = "+381 64 909 1122"

    override func setUpWithError() throws {
        cli = try CLIHarness()
        try cli.makeVault(users: [("maja", "caseworker"), ("sofija", "supervisor"), ("ivan", "auditor")])
        let document: [String: Any] = [
            "survivor": ["name": Self.name, "phone": Self.phone, "language": "sr-Cyrl"],
            "incident": ["narrative": Self.narrative, "type": "physical_assault"],
            "consent": ["statistics": true],
        ]
        let file = cli.directory.appendingPathComponent("case.json")
        try JSONSerialization.data(withJSONObject: document).write(to: file)
        let created = try cli.run(as: "maja", ["case", "create", "--from", file.path])
        XCTAssertEqual(created.status, 0, created.err)
        code = created.out.trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.removeItem(at: file)
    }

    override func tearDown() { cli = nil }

    func show() throws -> String { try cli.run(as: "maja", ["case", "show", code, "--format", "json"]).out }

    func testACorrectionChangesOnlyWhatItSaysAndKeepsTheEarlierVersion() throws {
        let patch = cli.directory.appendingPathComponent("patch.json")
        try Data(#"{"survivor": {"name": "Милица Ђорђевић-Петровић", "phone": null}}"#.utf8).write(to: patch)
        let corrected = try cli.run(as: "maja", ["case", "correct", code, "--from", patch.path])
        XCTAssertEqual(corrected.status, 0, corrected.err)
        let now = try show()
        XCTAssertTrue(now.contains("Милица Ђорђевић-Петровић") && now.contains(Self.narrative))
        XCTAssertFalse(now.contains(Self.phone), "null removed the phone")
        XCTAssertTrue(now.contains("corrections"), "the new version is marked as a correction")
        let trail = try cli.run(as: "ivan", ["audit", "log", "--action", "case_correct", "--format", "json"]).out
        XCTAssertTrue(trail.contains("survivor.name"), "the audit entry names the corrected field")
        XCTAssertFalse(trail.contains("Петровић"), "never its value")
        let again = try cli.run(as: "maja", ["case", "correct", code, "--from", patch.path])
        XCTAssertTrue(again.out.contains("Nothing"), again.out + again.err)
        try Data(#"{"work": {"plan": "x"}}"#.utf8).write(to: patch)
        XCTAssertNotEqual(try cli.run(as: "maja", ["case", "correct", code, "--from", patch.path]).status, 0, "work is not correctable")
    }

    func testAPurgeNeedsConfirmationAndRemovesTheNarrativeFromEveryVersion() throws {
        let unconfirmed = try cli.run(as: "maja", ["case", "purge", code, "--field", "narrative", "--reason", "her request"])
        XCTAssertNotEqual(unconfirmed.status, 0)
        XCTAssertTrue(try show().contains(Self.narrative), "nothing changed without confirmation")
        let wrong = try cli.run(as: "maja", ["case", "purge", code, "--field", "narrative", "--reason", "her request", "--confirm", "AAAA-AAAA"])
        XCTAssertTrue(wrong.err.contains("Not confirmed"), wrong.err)
        let purged = try cli.run(as: "maja", ["case", "purge", code, "--field", "narrative", "--reason", "her request", "--confirm", code.lowercased()])
        XCTAssertEqual(purged.status, 0, purged.err)
        XCTAssertFalse(try show().contains(Self.narrative))
        XCTAssertTrue(try show().contains(Self.name), "the rest is kept")
    }

    func testAnErasureLeavesNothingOfHerInTheVaultOrABackupAndTheTrailStillVerifies() throws {
        let notAssigned = try cli.run(as: "ivan", ["case", "erase", code, "--reason", "r", "--confirm", code])
        XCTAssertNotEqual(notAssigned.status, 0)
        let erased = try cli.run(as: "sofija", ["case", "erase", code, "--reason", "her request of erasure", "--confirm", code])
        XCTAssertEqual(erased.status, 0, erased.err)
        let backup = cli.directory.appendingPathComponent("after.casevault").path
        XCTAssertEqual(try cli.run(as: "ana", ["backup", backup]).status, 0)
        let needles = [Self.name, "Milica Đorđević", "milica djordjevic", "MILICA", "Ђорђевић", "Đorđević", "djordjevic", "ђорђевић",
                       Self.narrative, "Udario ju je", "кухињи", "kuhinji", Self.phone, "909 1122", "381649091122"]
        for file in try FileManager.default.contentsOfDirectory(atPath: cli.directory.path) {
            let bytes = try Data(contentsOf: cli.directory.appendingPathComponent(file))
            for needle in needles {
                XCTAssertNil(bytes.range(of: Data(needle.utf8)), "\(file) holds \(needle)")
                XCTAssertNil(bytes.range(of: needle.data(using: .utf16LittleEndian)!), "\(file) holds \(needle) (UTF-16)")
            }
        }
        let verified = try cli.run(as: "ana", ["audit", "verify"])
        XCTAssertEqual(verified.status, 0, verified.out + verified.err)
        XCTAssertNotEqual(try cli.run(as: "maja", ["case", "show", code]).status, 0)
        let trail = try cli.run(as: "ivan", ["audit", "log", "--action", "case_erase", "--format", "json"]).out
        XCTAssertTrue(trail.contains(code) && trail.contains("her request of erasure"), "the trail keeps the code and the reason")
    }

    func testTheRetentionRuleIsSetByAnAdministratorAndItsRunListsNothingEarly() throws {
        XCTAssertNotEqual(try cli.run(as: "sofija", ["retention", "rule", "--closed-years", "5"]).status, 0, "supervisors do not set it")
        let set = try cli.run(as: "ana", ["retention", "rule", "--closed-years", "5"])
        XCTAssertEqual(set.status, 0, set.err)
        XCTAssertTrue(set.out.contains("5 years"), set.out)
        XCTAssertEqual(try cli.run(as: "maja", ["close", code, "--reason", "needs_met"]).status, 0)
        let run = try cli.run(as: "sofija", ["retention", "run"])
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertTrue(run.out.contains("No case is due"), run.out)
        XCTAssertEqual(try cli.run(as: "ana", ["retention", "rule", "--closed-years", "500"]).status, 64, "out of range")
    }
}
