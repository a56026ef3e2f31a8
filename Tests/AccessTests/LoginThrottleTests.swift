import Access
import CaseStore
import Foundation
import XCTest

/// Wrong passphrases are answered with a growing delay that survives restarts, and each is audited.
final class LoginThrottleTests: XCTestCase {
    func testTwentyWrongPassphrasesTakeAtLeastAMinuteAndAreAudited() throws {
        let fixture = try AccessFixture()
        let before = fixture.clock.slept
        for attempt in 1...20 {
            // A fresh Vault each time, as a restarted program would open it.
            XCTAssertThrowsError(try fixture.vault().unlock(user: "maja", passphrase: AccessFixture.passphrase("guess \(attempt)"))) {
                XCTAssertEqual($0 as? CaseStoreError, .wrongPassphrase)
            }
        }
        XCTAssertGreaterThanOrEqual(fixture.clock.slept - before, 60)
        XCTAssertEqual(fixture.clock.slept - before, (1...19).reduce(0) { $0 + LoginThrottle.delay(afterFailures: $1) })

        let maja = try fixture.login("maja")
        XCTAssertEqual(maja.actor.name, "maja")
        let failures = try fixture.login("ivan").auditLog(AuditFilter(actor: "maja", action: "login_failed"))
        XCTAssertEqual(failures.count, 20)
        XCTAssertTrue(failures.allSatisfy { $0.outcome == "failed" })

        let sleptAfterSuccess = fixture.clock.slept
        XCTAssertThrowsError(try fixture.vault().unlock(user: "maja", passphrase: AccessFixture.passphrase("again")))
        XCTAssertEqual(fixture.clock.slept, sleptAfterSuccess, "a successful login resets the count")
    }

    func testWaitIsOnlyTheRemainderOfTheDelay() throws {
        let fixture = try AccessFixture()
        for _ in 1...3 { XCTAssertThrowsError(try fixture.vault().unlock(user: "maja", passphrase: AccessFixture.passphrase("x"))) }
        fixture.clock.advance(60)
        let before = fixture.clock.slept
        XCTAssertNoThrow(try fixture.login("maja"))
        XCTAssertEqual(fixture.clock.slept, before, "no wait once the delay has passed")
    }

    func testUnknownAndDisabledUsersAreRefusedAndAudited() throws {
        let fixture = try AccessFixture()
        XCTAssertThrowsError(try fixture.vault().unlock(user: "nobody", passphrase: AccessFixture.passphrase("nobody"))) {
            XCTAssertEqual($0 as? CaseStoreError, .unknownUser("nobody"))
        }
        try fixture.login("admin").setDisabled("vesna", true)
        XCTAssertThrowsError(try fixture.login("vesna")) { XCTAssertEqual($0 as? CaseStoreError, .userDisabled("vesna")) }
        try fixture.login("admin").setDisabled("vesna", false)
        XCTAssertNoThrow(try fixture.login("vesna"))
        let failed = try fixture.login("ivan").auditLog(AuditFilter(action: "login_failed")).map(\.actor)
        XCTAssertEqual(failed, ["nobody", "vesna"])
    }
}
