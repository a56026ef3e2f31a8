import VaultCrypto
import XCTest

/// The scrypt test vectors of RFC 7914 section 12, read from `Fixtures/scrypt_rfc7914.json`.
struct ScryptVectorFile: Decodable {
    /// One vector: ASCII password and salt, cost parameters, expected output.
    struct Vector: Decodable {
        let password: String
        let salt: String
        let N: UInt64
        let r: UInt32
        let p: UInt32
        let dkLen: Int
        let derivedKey: HexBytes
    }

    let source: String
    let vectors: [Vector]

    static func load() throws -> ScryptVectorFile {
        try Fixtures.decode(ScryptVectorFile.self, from: "scrypt_rfc7914.json")
    }
}

/// `Scrypt.deriveKey` against all four RFC 7914 vectors. The last one (N = 2^20, r = 8) needs
/// about 1 GiB and a few seconds; it has its own test method so its time shows separately.
final class ScryptRFC7914Tests: XCTestCase {
    private func check(_ index: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let vectors = try ScryptVectorFile.load().vectors
        XCTAssertEqual(vectors.count, 4, "RFC 7914 section 12 has four vectors", file: file, line: line)
        let vector = try XCTUnwrap(vectors.indices.contains(index) ? vectors[index] : nil, file: file, line: line)
        XCTAssertEqual(vector.N.nonzeroBitCount, 1, "N must be a power of two", file: file, line: line)
        let logN = UInt8(vector.N.trailingZeroBitCount)
        let parameters = ScryptParameters(logN: logN, r: vector.r, p: vector.p)
        let key = try Scrypt.deriveKey(
            passphrase: SecretBytes(Array(vector.password.utf8)), salt: Array(vector.salt.utf8),
            parameters: parameters, length: vector.dkLen
        ).copyBytes()
        XCTAssertEqual(Hex.encode(key), Hex.encode(vector.derivedKey.bytes),
                       "RFC 7914 vector \(index + 1) (N=\(vector.N), r=\(vector.r), p=\(vector.p))", file: file, line: line)
    }

    func testVector1EmptyPasswordN16() throws { try check(0) }
    func testVector2PasswordNaClN1024() throws { try check(1) }
    func testVector3PleaseLetMeInN16384() throws { try check(2) }
    func testVector4PleaseLetMeInN1048576() throws { try check(3) }

    func testRefusesLogNAboveMaximumAndZeroLength() {
        let passphrase = SecretBytes(Array("x".utf8))
        XCTAssertThrowsError(try Scrypt.deriveKey(passphrase: passphrase, salt: [1],
                                                  parameters: ScryptParameters(logN: 23, r: 8, p: 1), length: 32))
        XCTAssertThrowsError(try Scrypt.deriveKey(passphrase: passphrase, salt: [1],
                                                  parameters: ScryptParameters(logN: 4, r: 1, p: 1), length: 0))
    }
}
