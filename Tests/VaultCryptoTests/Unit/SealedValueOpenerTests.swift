import VaultCrypto
import XCTest

/// The reusable opener authenticates exactly as `SealedValue.open`: the same plaintext for every
/// value, and a refusal for every altered byte, wrong key, wrong associated data or version,
/// with the context still good for the next value.
final class SealedValueOpenerTests: XCTestCase {
    func testOpensWhatSealedValueSealsValueByValue() throws {
        let key = try SecretBytes.random(count: 32)
        let opener = try SealedValueOpener(key: key)
        for length in [0, 1, 15, 16, 17, 128, 1000] {
            let plaintext = Array(try SecureRandom.bytes(count: length))
            let associatedData = Array("casevault/v1\0case_facts.sealed\0row \(length)".utf8)
            let sealed = try SealedValue.seal(plaintext, key: key, associatedData: associatedData)
            XCTAssertEqual(try opener.open(sealed, associatedData: associatedData), plaintext)
            XCTAssertEqual(try SealedValue.open(sealed, key: key, associatedData: associatedData), plaintext)
        }
    }

    func testEveryAlteredByteWrongDataAndWrongKeyAreRefusedAndTheOpenerKeepsWorking() throws {
        let key = try SecretBytes.random(count: 32)
        let opener = try SealedValueOpener(key: key)
        let plaintext = Array("facts of one case".utf8)
        let associatedData = Array("row 7".utf8)
        let sealed = try SealedValue.seal(plaintext, key: key, associatedData: associatedData)
        for position in sealed.indices {
            var altered = sealed
            altered[position] ^= 0x01
            XCTAssertThrowsError(try opener.open(altered, associatedData: associatedData), "byte \(position)")
            XCTAssertEqual(try opener.open(sealed, associatedData: associatedData), plaintext, "after byte \(position)")
        }
        XCTAssertThrowsError(try opener.open(sealed, associatedData: Array("row 8".utf8)))
        XCTAssertThrowsError(try opener.open(sealed, associatedData: []))
        XCTAssertThrowsError(try opener.open(Array(sealed.dropLast()), associatedData: associatedData))
        XCTAssertThrowsError(try opener.open([], associatedData: associatedData))
        XCTAssertThrowsError(try SealedValueOpener(key: try SecretBytes.random(count: 32)).open(sealed, associatedData: associatedData))
        XCTAssertThrowsError(try SealedValueOpener(key: try SecretBytes.random(count: 16)))
        XCTAssertEqual(try opener.open(sealed, associatedData: associatedData), plaintext)
    }
}
