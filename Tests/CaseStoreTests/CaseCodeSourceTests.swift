import CaseStore
import XCTest

/// Real vaults draw every case code from the secure random source; only a vault opened with a
/// `CaseCodeSequence` (the demo's invented cases) gets codes from a seed, and that seed is not
/// stored: the same vault opened without it draws random codes again.
final class CaseCodeSourceTests: XCTestCase {
    func seededWorker(_ vault: TemporaryVault) throws -> UnlockedVault {
        var options = TemporaryVault.options
        options.caseCodes = CaseCodeSequence(seed: 42)
        return try Vault(path: vault.path, options: options).unlock(user: "vesna", passphrase: TemporaryVault.secret("vesna passphrase"))
    }

    func testOnlyAnExplicitSequenceGivesRepeatableCodes() throws {
        XCTAssertNil(VaultOptions().caseCodes, "a real vault has no sequence")
        let one = try TemporaryVault(), other = try TemporaryVault()
        let first = try one.user("vesna", .caseworker).createCase(sampleDocument())
        let second = try other.user("vesna", .caseworker).createCase(sampleDocument())
        XCTAssertNotEqual(first, second, "two real vaults draw different codes")

        let seeded = try TemporaryVault(), sameSeed = try TemporaryVault()
        let random = try seeded.user("vesna", .caseworker).createCase(sampleDocument())
        _ = try sameSeed.user("vesna", .caseworker)
        let fromSeed = try seededWorker(seeded).createCase(sampleDocument())
        XCTAssertEqual(try seededWorker(sameSeed).createCase(sampleDocument()), fromSeed, "one seed, one sequence")
        XCTAssertNotEqual(random, fromSeed)
        let reopened = try seeded.reopen().unlock(user: "vesna", passphrase: TemporaryVault.secret("vesna passphrase")).createCase(sampleDocument())
        XCTAssertNotEqual(reopened, try seededWorker(sameSeed).createCase(sampleDocument()), "without the sequence the codes are random again")
    }
}
