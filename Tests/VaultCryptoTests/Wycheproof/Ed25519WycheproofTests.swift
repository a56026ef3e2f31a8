import VaultCrypto
import XCTest

/// A group of `eddsa_verify_schema_v1`: one public key (raw form in `publicKey.pk`).
struct EdDSATestGroup: WycheproofTestGroup {
    /// The raw-key part of the group's `publicKey` object.
    struct PublicKey: Decodable {
        let curve: String
        let pk: HexBytes
    }

    let publicKey: PublicKey
    let tests: [EdDSATestCase]
}

/// One `eddsa_verify_schema_v1` case.
struct EdDSATestCase: WycheproofTestCase {
    let tcId: Int
    let comment: String
    let flags: [String]
    let result: WycheproofResult
    let msg: HexBytes
    let sig: HexBytes
}

/// Every vector of Wycheproof `ed25519_test.json`: `Ed25519.isValidSignature` must return true
/// for valid cases and false for invalid ones (wrong lengths, non-canonical S, altered bytes).
final class Ed25519WycheproofTests: XCTestCase {
    func testAllVectors() throws {
        try WycheproofRunner.run("ed25519_test.json", groupType: EdDSATestGroup.self, requiring: [.valid, .invalid]) { group, test, vector in
            vector.expect(group.publicKey.curve == "edwards25519", "unexpected curve \(group.publicKey.curve)")
            let verified = Ed25519.isValidSignature(test.sig.bytes, for: test.msg.bytes, publicKey: group.publicKey.pk.bytes)
            switch test.result {
            case .valid: vector.expect(verified, "valid signature rejected")
            case .invalid: vector.expect(!verified, "invalid signature accepted")
            case .acceptable: break
            }
        }
    }
}
