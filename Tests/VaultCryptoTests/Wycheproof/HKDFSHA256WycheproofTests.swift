import VaultCrypto
import XCTest

/// A group of `hkdf_test_schema_v1` (`keySize` is the IKM size in bits).
struct HKDFTestGroup: WycheproofTestGroup {
    let keySize: Int
    let tests: [HKDFTestCase]
}

/// One `hkdf_test_schema_v1` case; `size` is the requested output length in bytes.
struct HKDFTestCase: WycheproofTestCase {
    let tcId: Int
    let comment: String
    let flags: [String]
    let result: WycheproofResult
    let ikm: HexBytes
    let salt: HexBytes
    let info: HexBytes
    let size: Int
    let okm: HexBytes
}

/// Every vector of Wycheproof `hkdf_sha256_test.json`: valid cases must derive `okm`; the
/// invalid ones (output larger than 255 × 32 bytes) must throw.
final class HKDFSHA256WycheproofTests: XCTestCase {
    func testAllVectors() throws {
        try WycheproofRunner.run("hkdf_sha256_test.json", groupType: HKDFTestGroup.self, requiring: [.valid, .invalid]) { _, test, vector in
            let derive = {
                try HKDFSHA256.deriveKey(inputKey: SecretBytes(test.ikm.bytes), salt: test.salt.bytes, info: test.info.bytes, length: test.size)
            }
            switch test.result {
            case .valid, .acceptable:
                let okm = try derive().copyBytes()
                vector.expect(okm == test.okm.bytes, "okm \(Hex.encode(okm)) != \(Hex.encode(test.okm.bytes))")
            case .invalid:
                do {
                    let okm = try derive().copyBytes()
                    vector.fail("derivation of \(test.size) bytes did not throw, returned \(okm.count) bytes")
                } catch {
                    vector.note("threw")
                }
            }
        }
    }
}
