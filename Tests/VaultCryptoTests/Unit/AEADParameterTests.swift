import VaultCrypto
import XCTest

/// `AEAD` at the edges of the lengths it accepts: nonce, key and tag sizes, and that each
/// refusal is a `VaultCryptoError` of the right kind rather than a libcrypto failure.
final class AEADParameterTests: XCTestCase {
    private let message = Array("parameter edges".utf8)

    private func roundTrip(_ algorithm: AEAD.Algorithm, keyLength: Int, nonceLength: Int) throws {
        let key = try SecretBytes.random(count: keyLength)
        let nonce = try SecureRandom.bytes(count: nonceLength)
        let sealed = try AEAD.seal(message, key: key, nonce: nonce, associatedData: [1, 2], algorithm: algorithm)
        XCTAssertEqual(sealed.tag.count, AEAD.tagLength)
        XCTAssertEqual(try AEAD.open(ciphertext: sealed.ciphertext, tag: sealed.tag, key: key, nonce: nonce, associatedData: [1, 2],
                                     algorithm: algorithm), message)
    }

    private func assertRefused(
        _ body: @autoclosure () throws -> Any, _ expected: VaultCryptoError, _ message: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(try body(), message, file: file, line: line) { error in
            XCTAssertEqual(error as? VaultCryptoError, expected, message, file: file, line: line)
        }
    }

    func testAESGCMNonceLengths() throws {
        for length in [1, 12, 16, 128] { try roundTrip(.aesGCM, keyLength: 32, nonceLength: length) }
        let key = try SecretBytes.random(count: 32)
        for length in [0, 129, 257] {
            assertRefused(try AEAD.seal(message, key: key, nonce: [UInt8](repeating: 0, count: length), associatedData: [], algorithm: .aesGCM),
                          .invalidParameter("nonce length"), "AES-GCM nonce of \(length) bytes")
        }
    }

    func testAESGCMKeyLengths() throws {
        for length in [16, 24, 32] { try roundTrip(.aesGCM, keyLength: length, nonceLength: 12) }
        for length in [0, 15, 31, 33, 64] {
            assertRefused(try AEAD.seal(message, key: SecretBytes([UInt8](repeating: 1, count: length)), nonce: [UInt8](repeating: 0, count: 12),
                                        associatedData: [], algorithm: .aesGCM),
                          .invalidParameter("key length"), "AES key of \(length) bytes")
        }
    }

    func testAESGCMTruncatedTagsOnOpen() throws {
        let key = try SecretBytes.random(count: 32)
        let nonce = try SecureRandom.bytes(count: 12)
        let sealed = try AEAD.seal(message, key: key, nonce: nonce, associatedData: [], algorithm: .aesGCM)
        for length in 12...16 {
            XCTAssertEqual(try AEAD.open(ciphertext: sealed.ciphertext, tag: Array(sealed.tag.prefix(length)), key: key, nonce: nonce,
                                         associatedData: [], algorithm: .aesGCM), message, "tag prefix of \(length) bytes")
        }
        for length in [0, 4, 8, 11] {
            assertRefused(try AEAD.open(ciphertext: sealed.ciphertext, tag: Array(sealed.tag.prefix(length)), key: key, nonce: nonce,
                                        associatedData: [], algorithm: .aesGCM),
                          .authenticationFailed, "tag prefix of \(length) bytes")
        }
        assertRefused(try AEAD.open(ciphertext: sealed.ciphertext, tag: sealed.tag + [0], key: key, nonce: nonce,
                                    associatedData: [], algorithm: .aesGCM),
                      .authenticationFailed, "17-byte tag")
    }

    func testChaChaPolyLengths() throws {
        try roundTrip(.chaCha20Poly1305, keyLength: 32, nonceLength: 12)
        let key = try SecretBytes.random(count: 32)
        for length in [0, 8, 11, 13, 24] {
            assertRefused(try AEAD.seal(message, key: key, nonce: [UInt8](repeating: 0, count: length), associatedData: [], algorithm: .chaCha20Poly1305),
                          .invalidParameter("nonce length"), "ChaCha20-Poly1305 nonce of \(length) bytes")
        }
        assertRefused(try AEAD.seal(message, key: SecretBytes([UInt8](repeating: 1, count: 16)), nonce: [UInt8](repeating: 0, count: 12),
                                    associatedData: [], algorithm: .chaCha20Poly1305),
                      .invalidParameter("key length"), "ChaCha20-Poly1305 key of 16 bytes")
        let nonce = try SecureRandom.bytes(count: 12)
        let sealed = try AEAD.seal(message, key: key, nonce: nonce, associatedData: [], algorithm: .chaCha20Poly1305)
        assertRefused(try AEAD.open(ciphertext: sealed.ciphertext, tag: Array(sealed.tag.prefix(12)), key: key, nonce: nonce,
                                    associatedData: [], algorithm: .chaCha20Poly1305),
                      .authenticationFailed, "truncated Poly1305 tag")
    }
}
