import VaultCrypto
import XCTest

/// A group of `mac_test_schema_v1`: `tagSize` in bits (128 means the tag is truncated to 16 bytes).
struct MACTestGroup: WycheproofTestGroup {
    let keySize: Int
    let tagSize: Int
    let tests: [MACTestCase]
}

/// One `mac_test_schema_v1` case.
struct MACTestCase: WycheproofTestCase {
    let tcId: Int
    let comment: String
    let flags: [String]
    let result: WycheproofResult
    let key: HexBytes
    let msg: HexBytes
    let tag: HexBytes
}

/// Every vector of Wycheproof `hmac_sha256_test.json`: the first `tagSize / 8` bytes of
/// `HMACSHA256.authenticationCode` must equal the tag exactly for valid cases and differ for
/// invalid ones, and `HMACSHA256.isValid` must agree.
final class HMACSHA256WycheproofTests: XCTestCase {
    func testAllVectors() throws {
        try WycheproofRunner.run("hmac_sha256_test.json", groupType: MACTestGroup.self, requiring: [.valid, .invalid]) { group, test, vector in
            let key = SecretBytes(test.key.bytes)
            let full = try HMACSHA256.authenticationCode(for: test.msg.bytes, key: key)
            vector.expect(full.count == HMACSHA256.length, "code length \(full.count)")
            let truncated = Array(full.prefix(group.tagSize / 8))
            let matches = truncated == test.tag.bytes
            let isValid = try HMACSHA256.isValid(test.tag.bytes, for: test.msg.bytes, key: key)
            switch test.result {
            case .valid:
                vector.expect(matches, "tag \(Hex.encode(truncated)) != \(Hex.encode(test.tag.bytes))")
                vector.expect(isValid, "isValid rejected a valid tag")
            case .invalid:
                vector.expect(!matches, "invalid tag matched the computed code")
                vector.expect(!isValid, "isValid accepted an invalid tag")
            case .acceptable:
                vector.expect(matches == isValid, "isValid (\(isValid)) disagrees with the computed code (\(matches))")
            }
        }
    }
}
