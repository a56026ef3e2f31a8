import VaultCrypto
import XCTest

/// `SealedValue`: round trip, layout, and that every kind of tampering surfaces as
/// `VaultCryptoError.authenticationFailed`.
final class SealedValueTests: XCTestCase {
    private let plaintext = Array("case 42".utf8)
    private let associatedData = Array("cases.notes#7/v1".utf8)

    private func assertAuthenticationFailed(
        _ body: @autoclosure () throws -> [UInt8], _ message: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(try body(), message, file: file, line: line) { error in
            XCTAssertEqual(error as? VaultCryptoError, .authenticationFailed, message, file: file, line: line)
        }
    }

    func testRoundTripAndLayout() throws {
        let key = try SecretBytes.random(count: 32)
        for message in [[], plaintext, [UInt8](repeating: 0xA5, count: 1000)] {
            let sealed = try SealedValue.seal(message, key: key, associatedData: associatedData)
            XCTAssertEqual(sealed.count, message.count + SealedValue.overhead)
            XCTAssertEqual(sealed.first, SealedValue.version)
            XCTAssertEqual(try SealedValue.open(sealed, key: key, associatedData: associatedData), message)
        }
        XCTAssertEqual(SealedValue.overhead, 1 + 12 + 16)
    }

    func testEmptyAssociatedDataRoundTrip() throws {
        let key = try SecretBytes.random(count: 32)
        let sealed = try SealedValue.seal(plaintext, key: key, associatedData: [])
        XCTAssertEqual(try SealedValue.open(sealed, key: key, associatedData: []), plaintext)
    }

    func testWrongKeyFails() throws {
        let sealed = try SealedValue.seal(plaintext, key: SecretBytes.random(count: 32), associatedData: associatedData)
        assertAuthenticationFailed(try SealedValue.open(sealed, key: SecretBytes.random(count: 32), associatedData: associatedData), "wrong key")
    }

    func testWrongAssociatedDataFails() throws {
        let key = try SecretBytes.random(count: 32)
        let sealed = try SealedValue.seal(plaintext, key: key, associatedData: associatedData)
        assertAuthenticationFailed(try SealedValue.open(sealed, key: key, associatedData: Array("cases.notes#8/v1".utf8)), "other row")
        assertAuthenticationFailed(try SealedValue.open(sealed, key: key, associatedData: []), "empty associated data")
        assertAuthenticationFailed(try SealedValue.open(sealed, key: key, associatedData: associatedData + [0]), "extended associated data")
    }

    func testEveryFlippedByteFails() throws {
        let key = try SecretBytes.random(count: 32)
        let sealed = try SealedValue.seal(plaintext, key: key, associatedData: associatedData)
        XCTAssertEqual(sealed.count, plaintext.count + SealedValue.overhead)
        for position in sealed.indices {
            for mask: UInt8 in [0x01, 0x80, 0xFF] {
                var tampered = sealed
                tampered[position] ^= mask
                assertAuthenticationFailed(try SealedValue.open(tampered, key: key, associatedData: associatedData),
                                           "byte \(position) xor \(mask)")
            }
        }
    }

    func testTruncatedAndExtendedFail() throws {
        let key = try SecretBytes.random(count: 32)
        let sealed = try SealedValue.seal(plaintext, key: key, associatedData: associatedData)
        for length in 0..<sealed.count {
            assertAuthenticationFailed(try SealedValue.open(Array(sealed.prefix(length)), key: key, associatedData: associatedData),
                                       "truncated to \(length) bytes")
        }
        for dropped in 1...4 {
            assertAuthenticationFailed(try SealedValue.open(Array(sealed.dropFirst(dropped)), key: key, associatedData: associatedData),
                                       "first \(dropped) bytes dropped")
        }
        assertAuthenticationFailed(try SealedValue.open(sealed + [0], key: key, associatedData: associatedData), "one byte appended")
    }

    func testUnknownVersionFails() throws {
        let key = try SecretBytes.random(count: 32)
        let sealed = try SealedValue.seal(plaintext, key: key, associatedData: associatedData)
        for version: UInt8 in [0, 2, 3, 0x7F, 0xFF] {
            var other = sealed
            other[0] = version
            assertAuthenticationFailed(try SealedValue.open(other, key: key, associatedData: associatedData), "version \(version)")
        }
    }

    func testSealingTwiceGivesDifferentValues() throws {
        let key = try SecretBytes.random(count: 32)
        let first = try SealedValue.seal(plaintext, key: key, associatedData: associatedData)
        let second = try SealedValue.seal(plaintext, key: key, associatedData: associatedData)
        XCTAssertNotEqual(first, second)
        XCTAssertNotEqual(first[1...12], second[1...12], "nonces must differ")
        XCTAssertEqual(try SealedValue.open(first, key: key, associatedData: associatedData), plaintext)
        XCTAssertEqual(try SealedValue.open(second, key: key, associatedData: associatedData), plaintext)
    }

    func testKeyOfWrongLengthIsRefused() throws {
        let shortKey = try SecretBytes.random(count: 16)
        XCTAssertThrowsError(try SealedValue.seal(plaintext, key: shortKey, associatedData: [])) { error in
            XCTAssertEqual(error as? VaultCryptoError, .invalidParameter("key length"))
        }
    }
}
