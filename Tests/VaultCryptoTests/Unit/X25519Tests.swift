import VaultCrypto
import XCTest

/// `X25519PrivateKey` agreement between generated keys and refusal of bad peer keys.
final class X25519Tests: XCTestCase {
    func testAgreementIsSymmetric() throws {
        let alice = try X25519PrivateKey.generate()
        let bob = try X25519PrivateKey.generate()
        let alicePublic = try alice.publicKey()
        let bobPublic = try bob.publicKey()
        XCTAssertEqual(alicePublic.count, 32)
        XCTAssertNotEqual(alicePublic, bobPublic)
        let aliceShared = try alice.sharedSecret(with: bobPublic)
        let bobShared = try bob.sharedSecret(with: alicePublic)
        XCTAssertEqual(aliceShared.count, 32)
        XCTAssertTrue(aliceShared.isEqual(to: bobShared))

        let carol = try X25519PrivateKey.generate()
        XCTAssertFalse(try carol.sharedSecret(with: bobPublic).isEqual(to: aliceShared))
    }

    func testRawValueRecreatesKey() throws {
        let key = try X25519PrivateKey.generate()
        let restored = try X25519PrivateKey(rawValue: SecretBytes(key.rawValue.copyBytes()))
        XCTAssertEqual(try restored.publicKey(), try key.publicKey())
    }

    func testBadPeerKeysThrow() throws {
        let key = try X25519PrivateKey.generate()
        XCTAssertThrowsError(try key.sharedSecret(with: [UInt8](repeating: 0, count: 32)), "all-zero (low-order) point")
        var one = [UInt8](repeating: 0, count: 32)
        one[0] = 1
        XCTAssertThrowsError(try key.sharedSecret(with: one), "point of order 1")
        XCTAssertThrowsError(try key.sharedSecret(with: [UInt8](repeating: 9, count: 31)), "short public key")
        XCTAssertThrowsError(try X25519PrivateKey(rawValue: SecretBytes([UInt8](repeating: 1, count: 33))), "long private key")
    }
}
