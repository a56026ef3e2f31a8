import Foundation
import VaultCrypto
import XCTest

/// SECURITY.md claim: scrypt parameters read from a (possibly hostile) key slot are bounded, so
/// unlock can neither exhaust memory nor hang: log2 N ≤ 22, r ≤ 32, p ≤ 16, 128·r·N ≤ 4 GiB,
/// N·r·p ≤ 2^26. The numbers are written out: raising a cap must fail a test.
final class ScryptParameterTests: XCTestCase {
    private func refused(_ logN: UInt8, _ r: UInt32, _ p: UInt32, file: StaticString = #filePath, line: UInt = #line) {
        let parameters = ScryptParameters(logN: logN, r: r, p: p)
        XCTAssertThrowsError(try Scrypt.check(parameters), "logN \(logN), r \(r), p \(p)", file: file, line: line) {
            XCTAssertEqual($0 as? VaultCryptoError, .invalidParameter("scrypt parameters"), file: file, line: line)
        }
        // deriveKey refuses them as well, before any work.
        let started = Date()
        XCTAssertThrowsError(try Scrypt.deriveKey(passphrase: SecretBytes(Array("x".utf8)), salt: [1, 2, 3],
                                                  parameters: parameters, length: 32), file: file, line: line)
        XCTAssertLessThan(Date().timeIntervalSince(started), 0.5, "refused at once", file: file, line: line)
    }

    private func accepted(_ logN: UInt8, _ r: UInt32, _ p: UInt32, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNoThrow(try Scrypt.check(ScryptParameters(logN: logN, r: r, p: p)), "logN \(logN), r \(r), p \(p)", file: file, line: line)
    }

    func testBoundsAreTheDocumentedNumbers() {
        XCTAssertEqual(Scrypt.maximumLogN, 22)
        XCTAssertEqual(Scrypt.maximumR, 32)
        XCTAssertEqual(Scrypt.maximumP, 16)
        XCTAssertEqual(Scrypt.maximumMemoryBytes, 4 * 1024 * 1024 * 1024)
        XCTAssertEqual(Scrypt.maximumWork, 67_108_864)
    }

    func testLogN() {
        accepted(22, 8, 1)
        accepted(17, 8, 1)
        accepted(1, 1, 1)
        refused(23, 8, 1)
        refused(23, 1, 1)
        refused(0, 8, 1)
        refused(63, 8, 1)
        refused(64, 8, 1)
        refused(255, 8, 1)
    }

    func testBlockSize() {
        accepted(10, 32, 1)
        refused(10, 33, 1)
        refused(10, 0, 1)
        refused(10, 1 << 20, 1)
        refused(10, .max, 1)
    }

    func testParallelism() {
        accepted(10, 8, 16)
        accepted(17, 8, 16)
        refused(10, 8, 17)
        refused(10, 8, 0)
        refused(10, 8, 1 << 20)
        refused(17, 8, .max)
        refused(1, 1, .max)
    }

    func testMemoryAndWork() {
        accepted(20, 32, 1)  // 128 · 32 · 2^20 = 4 GiB
        refused(21, 32, 1)   // 8 GiB
        refused(22, 9, 1)    // 4.5 GiB
        refused(22, 16, 1)
        accepted(22, 8, 2)   // N·r·p = 2^26
        refused(22, 8, 3)
        refused(20, 32, 3)
        accepted(17, 32, 16) // 2^26
        refused(18, 32, 16)
    }

    func testSmallParametersStillDerive() throws {
        let key = try Scrypt.deriveKey(passphrase: SecretBytes(Array("x".utf8)), salt: [1, 2, 3],
                                       parameters: ScryptParameters(logN: 4, r: 32, p: 16), length: 32)
        XCTAssertEqual(key.count, 32)
    }
}
