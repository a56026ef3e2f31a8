@testable import CaseStore
import Foundation
import XCTest

/// Known answers for the byte layouts the specs define, computed independently with Python's
/// `hashlib` from the text of docs/audit.md ("Hash chain") and docs/vault-format.md ("Sealed
/// values"), not from this code. A change to a layout (a dropped length prefix, a missing
/// separator, upper-case hex) fails here even when writer and reader change together.
///
/// ```python
/// F = lambda x: b"\xff\xff\xff\xff" if x is None else struct.pack(">I", len(x)) + x
/// h = lambda i, prev, *cols: hashlib.sha256(b"casevault/audit/v1" + struct.pack(">Q", i) + prev
///                                           + b"".join(F(c) for c in cols)).hexdigest()
/// ad = lambda *parts: (b"casevault/v1" + b"".join(b"\0" + p.encode() for p in parts)).hex()
/// ```
final class KnownAnswerTests: XCTestCase {
    static let vaultID: [UInt8] = Array(0..<16)
    static let otherVaultID: [UInt8] = [0x0a, 0xff, 0x00, 0x10, 0xab, 0xcd, 0xef, 0x01, 0x23, 0x45, 0x67, 0x89, 0x9a, 0xbc, 0xde, 0xf0]

    private func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
    private func bytes(_ hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            result.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return result
    }

    // MARK: docs/audit.md, "Hash chain"

    func testGenesis() throws {
        XCTAssertEqual(hex(try AuditChain.genesis(vaultID: Self.vaultID)),
                       "15b6e5fe6a32268c720c082a1f2ae5d28b7fbb45c5afa41d453a23edaf1d953f")
        XCTAssertEqual(hex(try AuditChain.genesis(vaultID: Self.otherVaultID)),
                       "bb27f41694207931122ca6d206c8c42fabdf4aa8be03455c8cb77462511362bf")
    }

    func testChainHashes() throws {
        let genesis = try AuditChain.genesis(vaultID: Self.vaultID)
        // NULL case code and payload.
        let first = try AuditChain.hash(seq: 1, previous: genesis, at: "2026-03-21T10:05Z", actor: "admin", action: "user_add",
                                        caseCode: nil, outcome: "ok", payload: nil)
        XCTAssertEqual(hex(first), "34226bc707aa762a947223f03ccfe93793e1923c82e44eb419ce750e9d354ec6")
        // Every column empty (not NULL).
        let second = try AuditChain.hash(seq: 2, previous: first, at: "", actor: "", action: "", caseCode: "", outcome: "", payload: [])
        XCTAssertEqual(hex(second), "09646824a305c33eab7d2fd039b3cb61ba2d2adbda07b97f57fbdd89489e5ba9")
        // A case code and a payload.
        let third = try AuditChain.hash(seq: 3, previous: second, at: "2026-03-21T10:06Z", actor: "vesna", action: "case_read",
                                        caseCode: "K7Q4-M2XA", outcome: "denied", payload: Array(1...42))
        XCTAssertEqual(hex(third), "ad55c3269cb7e710587ad7bb3297f6b9e029ba4fcb839ae39daddf09d4e78856")
        // A sequence number above 32 bits, a one-byte payload.
        let far = try AuditChain.hash(seq: (1 << 40) + 5, previous: Array(repeating: 0xAB, count: 32), at: "2026-12-31T23:59Z",
                                      actor: "ivan", action: "audit_verify", caseCode: nil, outcome: "failed", payload: [0])
        XCTAssertEqual(hex(far), "80531aad004740c5667a1bf031ce85f2abe3cb766caac2525a7a874ac22d51de")
    }

    func testLengthPrefixesSeparateTheColumns() throws {
        let previous = try AuditChain.genesis(vaultID: Self.vaultID)
        func hash(_ at: String, _ actor: String, _ action: String, _ code: String?, _ outcome: String, _ payload: [UInt8]?) throws -> [UInt8] {
            try AuditChain.hash(seq: 7, previous: previous, at: at, actor: actor, action: action, caseCode: code, outcome: outcome, payload: payload)
        }
        let base = try hash("2026-03-21T10:05Z", "vesna", "case_read", "K7Q4-M2XA", "ok", [1, 2])
        // One byte moved from actor to action, from at to actor, from outcome to payload...
        XCTAssertNotEqual(base, try hash("2026-03-21T10:05Z", "vesn", "acase_read", "K7Q4-M2XA", "ok", [1, 2]))
        XCTAssertNotEqual(base, try hash("2026-03-21T10:05", "Zvesna", "case_read", "K7Q4-M2XA", "ok", [1, 2]))
        XCTAssertNotEqual(base, try hash("2026-03-21T10:05Z", "vesna", "case_rea", "dK7Q4-M2XA", "ok", [1, 2]))
        XCTAssertNotEqual(base, try hash("2026-03-21T10:05Z", "vesna", "case_read", "K7Q4-M2XA", "o", Array("k".utf8) + [1, 2]))
        // NULL is not the empty value.
        let empty = try hash("", "", "", "", "", [])
        XCTAssertNotEqual(empty, try hash("", "", "", nil, "", []))
        XCTAssertNotEqual(empty, try hash("", "", "", "", "", nil))
        XCTAssertNotEqual(try hash("", "", "", nil, "", []), try hash("", "", "", "", "", nil))
    }

    // MARK: docs/vault-format.md, "Sealed values"

    func testAssociatedDataLayout() throws {
        XCTAssertEqual(AssociatedData.hex(Self.otherVaultID), "0aff0010abcdef01234567899abcdef0")
        XCTAssertEqual(AssociatedData.hex([]), "")
        let code = try XCTUnwrap(CaseCode("K7Q4-M2XA"))
        let other = try XCTUnwrap(CaseCode("0000-ZZZZ"))

        XCTAssertEqual(hex(AssociatedData.keySlot(vaultID: Self.vaultID, user: "vesna", role: .caseworker, keyVersion: 3)),
                       "636173657661756c742f7631006b65795f736c6f74732e7365616c65645f6b657973003030303130323033303430353036303730383039306130623063306430653066007665736e610063617365776f726b6572006b33")
        XCTAssertEqual(hex(AssociatedData.keySlot(vaultID: Self.otherVaultID, user: "admin", role: .admin, keyVersion: 1)),
                       "636173657661756c742f7631006b65795f736c6f74732e7365616c65645f6b6579730030616666303031306162636465663031323334353637383939616263646566300061646d696e0061646d696e006b31")
        XCTAssertEqual(hex(AssociatedData.wrappedCaseKey(vaultID: Self.vaultID, code: code, keyVersion: 1)),
                       "636173657661756c742f76310063617365732e777261707065645f6b6579003030303130323033303430353036303730383039306130623063306430653066004b3751342d4d325841006b31")
        XCTAssertEqual(hex(AssociatedData.wrappedCaseKey(vaultID: Self.otherVaultID, code: other, keyVersion: 12)),
                       "636173657661756c742f76310063617365732e777261707065645f6b657900306166663030313061626364656630313233343536373839396162636465663000303030302d5a5a5a5a006b3132")
        XCTAssertEqual(hex(AssociatedData.caseDocument(code: code, version: 1)),
                       "636173657661756c742f76310063617365732e646f63756d656e74004b3751342d4d325841007631")
        XCTAssertEqual(hex(AssociatedData.caseDocument(code: other, version: 105)),
                       "636173657661756c742f76310063617365732e646f63756d656e7400303030302d5a5a5a5a0076313035")
        // docs/audit.md: audit payloads.
        XCTAssertEqual(hex(AuditPayload.associatedData(at: "2026-03-21T10:05Z", actor: "vesna", action: "case_find")),
                       "636173657661756c742f76310061756469745f6c6f672e7061796c6f616400323032362d30332d32315431303a30355a007665736e6100636173655f66696e64")
        // The generic layout the other rows of the table use (retired audit keys, intake
        // drafts, key grants build their AD with it).
        XCTAssertEqual(hex(AssociatedData.make("retired_audit_keys.sealed", AssociatedData.hex(Self.otherVaultID), "v2")),
                       "636173657661756c742f763100726574697265645f61756469745f6b6579732e7365616c6564003061666630303130616263646566303132333435363738393961626364656630007632")
        XCTAssertEqual(hex(AssociatedData.make("intake_drafts.sealed", AssociatedData.hex(Self.otherVaultID), "vesna")),
                       "636173657661756c742f763100696e74616b655f6472616674732e7365616c6564003061666630303130616263646566303132333435363738393961626364656630007665736e61")
        XCTAssertEqual(hex(AssociatedData.make("key_grants.sealed_keys", AssociatedData.hex(Self.otherVaultID), "sofija", "supervisor", "k4")),
                       "636173657661756c742f7631006b65795f6772616e74732e7365616c65645f6b65797300306166663030313061626364656630313233343536373839396162636465663000736f66696a610073757065727669736f72006b34")
        XCTAssertEqual(bytes("636173657661756c742f7631"), Array("casevault/v1".utf8))
    }
}
