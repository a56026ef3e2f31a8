import VaultCrypto
import XCTest

/// `SecretBytes`: contents, constant-time equality and fresh random material.
final class SecretBytesTests: XCTestCase {
    func testHoldsTheGivenBytes() {
        let bytes: [UInt8] = [0, 1, 2, 0xFE, 0xFF]
        let secret = SecretBytes(bytes)
        XCTAssertEqual(secret.count, bytes.count)
        XCTAssertEqual(secret.copyBytes(), bytes)
        XCTAssertEqual(SecretBytes([UInt8]()).count, 0)
        XCTAssertEqual(SecretBytes([UInt8]()).copyBytes(), [])
    }

    func testEquality() {
        let secret = SecretBytes([1, 2, 3, 4])
        XCTAssertTrue(secret.isEqual(to: secret))
        XCTAssertTrue(secret.isEqual(to: SecretBytes([1, 2, 3, 4])))
        XCTAssertFalse(secret.isEqual(to: SecretBytes([1, 2, 3, 5])))
        XCTAssertFalse(secret.isEqual(to: SecretBytes([0, 2, 3, 4])))
        XCTAssertFalse(secret.isEqual(to: SecretBytes([1, 2, 3])))
        XCTAssertFalse(secret.isEqual(to: SecretBytes([1, 2, 3, 4, 0])))
        XCTAssertTrue(SecretBytes([UInt8]()).isEqual(to: SecretBytes([UInt8]())))
    }

    func testRandom() throws {
        let first = try SecretBytes.random(count: 32)
        let second = try SecretBytes.random(count: 32)
        XCTAssertEqual(first.count, 32)
        XCTAssertEqual(second.count, 32)
        XCTAssertFalse(first.isEqual(to: second), "two 256-bit random secrets collided")
        XCTAssertNotEqual(first.copyBytes(), [UInt8](repeating: 0, count: 32))
        XCTAssertEqual(try SecretBytes.random(count: 0).count, 0)
        XCTAssertEqual(try SecretBytes.random(count: 1000).count, 1000)
    }

    func testCleanseZeroesArray() {
        var bytes: [UInt8] = [9, 8, 7]
        SecretBytes.cleanse(&bytes)
        XCTAssertEqual(bytes, [0, 0, 0])
        var empty: [UInt8] = []
        SecretBytes.cleanse(&empty)
        XCTAssertEqual(empty, [])
    }
}
