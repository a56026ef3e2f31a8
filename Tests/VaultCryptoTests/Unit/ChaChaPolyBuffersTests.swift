import VaultCrypto
import XCTest

/// The buffer form of ChaCha20-Poly1305 is the array form with the tag appended, and refuses
/// what the array form refuses.
final class ChaChaPolyBuffersTests: XCTestCase {
    private func seal(_ plaintext: [UInt8], key: SecretBytes, nonce: [UInt8]) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: plaintext.count + 16)
        try plaintext.withUnsafeBytes { input in
            try output.withUnsafeMutableBytes { try ChaChaPolyBuffers.seal(input, into: $0, key: key, nonce: nonce) }
        }
        return output
    }

    private func open(_ sealed: [UInt8], key: SecretBytes, nonce: [UInt8], outputLength: Int? = nil) throws -> [UInt8] {
        var output = [UInt8](repeating: 0xaa, count: outputLength ?? max(sealed.count - 16, 0))
        do {
            try sealed.withUnsafeBytes { input in
                try output.withUnsafeMutableBytes { try ChaChaPolyBuffers.open(input, into: $0, key: key, nonce: nonce) }
            }
        } catch {
            XCTAssertTrue(output.allSatisfy { $0 == 0 } || output.allSatisfy { $0 == 0xaa }, "no partial plaintext left")
            throw error
        }
        return output
    }

    func testMatchesArrayFormAndRoundTrips() throws {
        let key = try SecretBytes.random(count: 32)
        for length in [0, 1, 63, 64 * 1024] {
            let plaintext = try SecureRandom.bytes(count: length)
            let nonce = try SecureRandom.bytes(count: 12)
            let sealed = try seal(plaintext, key: key, nonce: nonce)
            let reference = try AEAD.seal(plaintext, key: key, nonce: nonce, associatedData: [], algorithm: .chaCha20Poly1305)
            XCTAssertEqual(sealed, reference.ciphertext + reference.tag, "length \(length)")
            XCTAssertEqual(try open(sealed, key: key, nonce: nonce), plaintext, "length \(length)")
        }
    }

    func testRefusals() throws {
        let key = try SecretBytes.random(count: 32)
        let nonce = [UInt8](repeating: 0, count: 12)
        var sealed = try seal(Array("sixteen byte msg".utf8), key: key, nonce: nonce)
        XCTAssertThrowsError(try open(sealed, key: key, nonce: [UInt8](repeating: 0, count: 11) + [1])) {
            XCTAssertEqual($0 as? VaultCryptoError, .authenticationFailed)
        }
        XCTAssertThrowsError(try open(sealed, key: try SecretBytes.random(count: 32), nonce: nonce)) {
            XCTAssertEqual($0 as? VaultCryptoError, .authenticationFailed)
        }
        XCTAssertThrowsError(try open(Array(sealed.prefix(15)), key: key, nonce: nonce)) {
            XCTAssertEqual($0 as? VaultCryptoError, .authenticationFailed)
        }
        XCTAssertThrowsError(try open(sealed, key: key, nonce: nonce, outputLength: 15)) {
            XCTAssertEqual($0 as? VaultCryptoError, .invalidParameter("output length"))
        }
        XCTAssertThrowsError(try open(sealed, key: key, nonce: Array(nonce.prefix(8)))) {
            XCTAssertEqual($0 as? VaultCryptoError, .invalidParameter("nonce length"))
        }
        sealed[3] ^= 1
        XCTAssertThrowsError(try open(sealed, key: key, nonce: nonce)) { XCTAssertEqual($0 as? VaultCryptoError, .authenticationFailed) }
        var short = [UInt8](repeating: 0, count: 20)
        XCTAssertThrowsError(try [UInt8](repeating: 1, count: 5).withUnsafeBytes { input in
            try short.withUnsafeMutableBytes { try ChaChaPolyBuffers.seal(input, into: $0, key: key, nonce: nonce) }
        }) { XCTAssertEqual($0 as? VaultCryptoError, .invalidParameter("output length")) }
    }
}
