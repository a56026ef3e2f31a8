import VaultCrypto
import XCTest

/// A group of `xdh_comp_schema_v1`.
struct XDHTestGroup: WycheproofTestGroup {
    let curve: String
    let tests: [XDHTestCase]
}

/// One `xdh_comp_schema_v1` case: `private` scalar, peer `public` point, expected `shared`.
struct XDHTestCase: WycheproofTestCase {
    let tcId: Int
    let comment: String
    let flags: [String]
    let result: WycheproofResult
    let `public`: HexBytes
    let `private`: HexBytes
    let shared: HexBytes
}

/// Every vector of Wycheproof `x25519_test.json`: valid cases must yield `shared`; acceptable
/// ones (low-order points, twist points, non-canonical encodings) may throw or yield `shared`
/// but nothing else; invalid ones must never yield `shared` without an error.
final class X25519WycheproofTests: XCTestCase {
    func testAllVectors() throws {
        // The file has no `invalid` cases; the runner still requires valid and acceptable ones.
        try WycheproofRunner.run("x25519_test.json", groupType: XDHTestGroup.self, requiring: [.valid, .acceptable]) { group, test, vector in
            vector.expect(group.curve == "curve25519", "unexpected curve \(group.curve)")
            let outcome = Result {
                try X25519PrivateKey(rawValue: SecretBytes(test.private.bytes)).sharedSecret(with: test.public.bytes).copyBytes()
            }
            switch (test.result, outcome) {
            case (.valid, .success(let shared)):
                vector.expect(shared == test.shared.bytes, "shared \(Hex.encode(shared)) != \(Hex.encode(test.shared.bytes))")
            case (.valid, .failure(let error)):
                vector.fail("threw \(error)")
            case (.acceptable, .success(let shared)):
                vector.note("acceptable: computed")
                vector.expect(shared == test.shared.bytes, "shared \(Hex.encode(shared)) != \(Hex.encode(test.shared.bytes))")
            case (.acceptable, .failure):
                vector.note("acceptable: threw")
            case (.invalid, .success(let shared)):
                vector.expect(shared != test.shared.bytes, "invalid case silently produced the expected secret")
            case (.invalid, .failure):
                break
            }
        }
    }
}
