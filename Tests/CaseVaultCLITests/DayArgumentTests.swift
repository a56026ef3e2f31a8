@testable import CaseVaultCLI
import XCTest

/// Days in options are read in ISO and in the form the program shows; days that do not exist
/// are refused, and the refusal is in the user's language.
final class DayArgumentTests: XCTestCase {
    func testBothFormsAreRead() {
        for text in ["2026-12-15", "15.12.2026.", "15.12.2026", "15. 12. 2026.", "15.12.2026. "] {
            XCTAssertEqual(DayArgument(argument: text)?.iso, "2026-12-15", text)
        }
        XCTAssertEqual(DayArgument(argument: "1.3.2026.")?.iso, "2026-03-01")
    }

    func testDaysThatDoNotExistAreRefused() {
        for text in ["31.02.2026.", "2026-13-01", "2026-02-30", "32.01.2026", "yesterday", "", "15.12.26.", "2026-1-5"] {
            XCTAssertNil(DayArgument(argument: text), text)
        }
    }

    func testABadDayIsRefusedInTheUsersLanguage() throws {
        let cli = try CLIHarness()
        let serbian = cli.run(["followup", "K7Q4-M2XA", "--due", "31.02.2026.", "--lang", "sr-Cyrl"])
        XCTAssertEqual(serbian.status, 64)
        XCTAssertTrue(serbian.err.hasPrefix("casevault: error: „31.02.2026.“ није датум; пишите 15.12.2026. или 2026-12-15\n"), serbian.err)
        let romani = cli.run(["audit", "log", "--until", "2026-13-01", "--lang", "rom"])
        XCTAssertTrue(romani.err.contains("„2026-13-01“ naj datumi"), romani.err)
    }

    func testTheLocalFormWorksInFollowUpAndAuditLog() throws {
        let cli = try CLIHarness()
        try cli.makeVault(users: [("maja", "caseworker"), ("ivan", "auditor")])
        let code = try cli.importTwoCases(as: "maja")
        let followUp = try cli.run(as: "maja", ["followup", code, "--due", "15.12.2026."])
        XCTAssertEqual(followUp.status, 0, followUp.err)
        XCTAssertTrue(followUp.out.contains("2026-12-15"), followUp.out)
        let log = try cli.run(as: "ivan", ["audit", "log", "--since", "01.01.2000", "--until", "31. 12. 2999.", "--action", "user_add"])
        XCTAssertEqual(log.status, 0, log.err)
        XCTAssertEqual(log.out.split(separator: "\n").filter { $0.contains("maja") }.count, 1, log.out)
    }
}
