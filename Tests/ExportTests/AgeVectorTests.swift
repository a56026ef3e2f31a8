import Export
import VaultCrypto
import XCTest

/// The C2SP CCTV age vectors: every X25519 and scrypt vector, binary and armored, gives exactly
/// the expected outcome and releases exactly the expected plaintext. Only the post-quantum
/// hybrid vectors (an identity type CaseVault does not implement) are left out, by name.
final class AgeVectorTests: XCTestCase {
    /// The binary vectors expected to decrypt; the counts below pin the other outcomes.
    private static let binarySuccesses: Set = [
        "scrypt", "stanza_empty_body", "stanza_empty_last_line", "stanza_valid_characters", "stream_257_chunks",
        "stream_257_chunks_full", "stream_258_chunks", "stream_empty_payload", "stream_last_chunk_full",
        "stream_last_chunk_full_second", "stream_three_chunks", "stream_two_chunks", "x25519", "x25519_grease",
        "x25519_multiple_recipients",
    ]
    private static let binaryNoMatches: Set = [
        "scrypt_bad_tag", "scrypt_no_match", "scrypt_uppercase", "scrypt_work_factor_wrong", "x25519_bad_tag",
        "x25519_lowercase", "x25519_no_match",
    ]

    private func check(_ vectors: [AgeVector]) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for vector in vectors {
            let result = try AgeVectorResult.run(vector)
            XCTAssertEqual(result.outcome, vector.expect, vector.name)
            counts[result.outcome, default: 0] += 1
            switch vector.expect {
            case "success", "payload failure":
                XCTAssertEqual(result.releasedHash, vector.payloadHash, "\(vector.name): released plaintext")
            default:
                XCTAssertEqual(result.releasedHash, try AgeVectorResult.hex(SHA256.hash([])), "\(vector.name): nothing released")
            }
        }
        return counts
    }

    func testBinaryVectors() throws {
        let vectors = try AgeVector.all().filter { !$0.armored && !$0.isHybrid }
        XCTAssertEqual(vectors.count, 92)
        XCTAssertEqual(Set(vectors.filter { $0.expect == "success" }.map(\.name)), Self.binarySuccesses)
        XCTAssertEqual(Set(vectors.filter { $0.expect == "no match" }.map(\.name)), Self.binaryNoMatches)
        let counts = try check(vectors)
        XCTAssertEqual(counts, ["success": 15, "no match": 7, "HMAC failure": 1, "header failure": 51, "payload failure": 18])
    }

    func testArmoredVectors() throws {
        let vectors = try AgeVector.all().filter { $0.armored && !$0.isHybrid }
        XCTAssertEqual(vectors.count, 32)
        let counts = try check(vectors)
        XCTAssertEqual(counts, ["success": 6, "no match": 1, "header failure": 2, "payload failure": 1, "armor failure": 22])
    }

    /// Everything in the folder is accounted for: 92 binary, 32 armored, and 19 hybrid
    /// vectors (18 binary, one armored).
    func testNoVectorIsOverlooked() throws {
        let vectors = try AgeVector.all()
        XCTAssertEqual(vectors.count, 143)
        XCTAssertEqual(vectors.filter(\.isHybrid).count, 19)
    }
}
