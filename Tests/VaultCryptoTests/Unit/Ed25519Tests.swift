import VaultCrypto
import XCTest

/// `Ed25519PrivateKey` signing and `Ed25519.isValidSignature`.
final class Ed25519Tests: XCTestCase {
    func testSignVerifyRoundTrip() throws {
        let key = try Ed25519PrivateKey.generate()
        let publicKey = try key.publicKey()
        XCTAssertEqual(publicKey.count, 32)
        for message in [[], Array("audit checkpoint 17".utf8), [UInt8](repeating: 7, count: 4096)] {
            let signature = try key.signature(for: message)
            XCTAssertEqual(signature.count, 64)
            XCTAssertTrue(Ed25519.isValidSignature(signature, for: message, publicKey: publicKey))
        }
    }

    func testTamperingFails() throws {
        let key = try Ed25519PrivateKey.generate()
        let publicKey = try key.publicKey()
        let message = Array("audit checkpoint 17".utf8)
        let signature = try key.signature(for: message)

        var tamperedMessage = message
        tamperedMessage[0] ^= 1
        XCTAssertFalse(Ed25519.isValidSignature(signature, for: tamperedMessage, publicKey: publicKey), "tampered message")
        XCTAssertFalse(Ed25519.isValidSignature(signature, for: message + [0], publicKey: publicKey), "extended message")
        for position in [0, 31, 32, 63] {
            var tamperedSignature = signature
            tamperedSignature[position] ^= 0x01
            XCTAssertFalse(Ed25519.isValidSignature(tamperedSignature, for: message, publicKey: publicKey), "signature byte \(position)")
        }
        XCTAssertFalse(Ed25519.isValidSignature(Array(signature.dropLast()), for: message, publicKey: publicKey), "short signature")
        let otherKey = try Ed25519PrivateKey.generate().publicKey()
        XCTAssertFalse(Ed25519.isValidSignature(signature, for: message, publicKey: otherKey), "other public key")
        XCTAssertFalse(Ed25519.isValidSignature(signature, for: message, publicKey: Array(publicKey.dropLast())), "short public key")
    }

    func testSeedRecreatesKey() throws {
        let key = try Ed25519PrivateKey.generate()
        let restored = try Ed25519PrivateKey(seed: SecretBytes(key.seed.copyBytes()))
        XCTAssertEqual(try restored.publicKey(), try key.publicKey())
        XCTAssertThrowsError(try Ed25519PrivateKey(seed: SecretBytes([UInt8](repeating: 1, count: 31))))
    }

    /// RFC 8032 section 7.1, TEST 1 (empty message): signing is deterministic.
    func testRFC8032Test1() throws {
        let key = try Ed25519PrivateKey(seed: SecretBytes(Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")))
        XCTAssertEqual(Hex.encode(try key.publicKey()), "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
        XCTAssertEqual(Hex.encode(try key.signature(for: [])),
                       "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")
    }
}
