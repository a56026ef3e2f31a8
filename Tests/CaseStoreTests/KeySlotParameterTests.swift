import CaseStore
import Foundation
import XCTest

/// SECURITY.md claim: a key slot whose scrypt parameters were raised in the file (log2 N, r, p
/// or the memory they need) is refused at once as a tampered slot, instead of making unlock
/// exhaust memory or run for ever. The numbers are literal: raising a cap must fail a test.
final class KeySlotParameterTests: XCTestCase {
    func testSlotWithHostileScryptParametersIsRefusedAtOnce() throws {
        let vault = try TemporaryVault()
        _ = try vault.user("vesna", .caseworker)
        let raw = try RawVault(vault.path)
        let hostile: [(logN: Int, r: Int, p: Int)] = [
            (23, 8, 1), (40, 8, 1), (10, 33, 1), (10, 8, 17), (10, 8, 1_000_000), (10, 8, 4_294_967_295),
            (10, 1_073_741_823, 1), (22, 9, 1), (21, 32, 1), (22, 8, 3), (0, 8, 1), (10, 0, 1), (10, 8, 0),
            (10, 8, 4_294_967_296), (10, 8, -1),
        ]
        for parameters in hostile {
            try raw.execute("UPDATE key_slots SET kdf_log_n = ?, kdf_r = ?, kdf_p = ? WHERE user_name = 'vesna'",
                            [parameters.logN, parameters.r, parameters.p])
            let started = Date()
            XCTAssertThrows(.tamperedRecord(.keySlot(user: "vesna"))) {
                _ = try vault.reopen().unlock(user: "vesna", passphrase: TemporaryVault.secret("vesna passphrase"))
            }
            XCTAssertLessThan(Date().timeIntervalSince(started), 0.5, "\(parameters) was not refused at once")
        }
        try raw.execute("UPDATE key_slots SET kdf_log_n = 10, kdf_r = 8, kdf_p = 1 WHERE user_name = 'vesna'")
        XCTAssertNoThrow(try vault.reopen().unlock(user: "vesna", passphrase: TemporaryVault.secret("vesna passphrase")))
    }
}
