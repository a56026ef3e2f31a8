import VaultCrypto
import XCTest

/// `SHA256.hash` against the FIPS 180-2 appendix B examples and the empty-string digest.
final class SHA256Tests: XCTestCase {
    func testABC() throws {
        XCTAssertEqual(Hex.encode(try SHA256.hash(Array("abc".utf8))),
                       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testTwoBlockMessage() throws {
        XCTAssertEqual(Hex.encode(try SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    func testEmpty() throws {
        let digest = try SHA256.hash([])
        XCTAssertEqual(digest.count, SHA256.length)
        XCTAssertEqual(Hex.encode(digest), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
