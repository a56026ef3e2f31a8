@testable import CaseStore
import VaultCrypto
import XCTest

/// Known-answer vectors for the signed messages of docs/vault-format.md "Authenticity", computed
/// independently from the spec text (Python's struct module): a change of label, field order or
/// length prefix changes the bytes every signature covers and fails here.
final class SignedLayoutVectorTests: XCTestCase {
    let vaultID = Array(UInt8(0)..<16)

    private func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    func testCaseStateMessage() {
        let bytes = CaseState.signedBytes(code: "K7Q4-M2XA", status: .open, assignee: nil, version: 3, revision: 4,
                                          documentHash: Array(repeating: 0xAB, count: 32), vaultID: vaultID)
        XCTAssertEqual(hex(bytes), "636173657661756c742f76312f636173652d73746174650000000010000102030405060708090a0b0c0d0e0f000000094b3751342d4d325841000000046f70656effffffff0000000000000003000000000000000400000020abababababababababababababababababababababababababababababababab")
    }

    func testAuditHeadMessage() {
        let bytes = AuditHead.signedBytes(seq: 7, hash: Array(repeating: 0x11, count: 32), signer: "maja", directoryRevision: 2, vaultID: vaultID)
        XCTAssertEqual(hex(bytes), "636173657661756c742f61756469742f76312f686561640000000010000102030405060708090a0b0c0d0e0f0000000000000007000000201111111111111111111111111111111111111111111111111111111111111111000000046d616a610000000000000002")
    }

    func testDirectoryBodyAndItsParse() {
        let entry = DirectoryEntry(name: "ana", role: .auditor, disabled: true, exchangePublicKey: Array(repeating: 0x22, count: 32),
                                   signingPublicKey: nil, keyVersion: 9)
        let directory = UserDirectory(revision: 5, entries: ["ana": entry])
        let body = directory.body(vaultID: vaultID)
        XCTAssertEqual(hex(body), "636173657661756c742f76312f6469726563746f72790000000010000102030405060708090a0b0c0d0e0f0000000000000005000000000000000100000003616e610000000761756469746f7201000000202222222222222222222222222222222222222222222222222222222222222222ffffffff0000000000000009")
        XCTAssertEqual(UserDirectory.parse(body, vaultID: vaultID), directory)
        XCTAssertNil(UserDirectory.parse(body, vaultID: Array(repeating: 1, count: 16)), "another vault's directory")
        XCTAssertNil(UserDirectory.parse(Array(body.dropLast()), vaultID: vaultID), "a truncated body")
        XCTAssertNil(UserDirectory.parse(body + [0], vaultID: vaultID), "trailing bytes")
    }

    func testDirectorySignatureBindsEveryEntryAndThePinnedKey() throws {
        let key = try Ed25519PrivateKey.generate()
        let entry = DirectoryEntry(name: "maja", role: .caseworker, disabled: false, exchangePublicKey: Array(repeating: 1, count: 32),
                                   signingPublicKey: Array(repeating: 2, count: 32), keyVersion: 1)
        let row = try UserDirectory(revision: 1, entries: ["maja": entry]).signed(vaultID: vaultID, key: key)
        XCTAssertNoThrow(try UserDirectory.verified(row, pinned: key.publicKey(), vaultID: vaultID))
        XCTAssertThrowsError(try UserDirectory.verified(row, pinned: Ed25519PrivateKey.generate().publicKey(), vaultID: vaultID))
        for index in row.body.indices {
            var flipped = row
            flipped.body[index] ^= 1
            XCTAssertThrowsError(try UserDirectory.verified(flipped, pinned: key.publicKey(), vaultID: vaultID), "byte \(index)")
        }
        var bumped = row
        bumped.revision += 1
        XCTAssertThrowsError(try UserDirectory.verified(bumped, pinned: key.publicKey(), vaultID: vaultID), "revision column edited")
    }
}
