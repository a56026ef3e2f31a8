@testable import CaseStore
import Foundation
import VaultCrypto
import XCTest

/// A session remembers the case-state signatures it has verified, so that listing, searching and
/// opening the same cases again does not verify them again; a state changed in the file after it
/// was verified must still be refused in that same session.
final class VerifiedSignaturesTests: XCTestCase {
    func testOnlyTheExactKeySignatureAndMessageAreRemembered() throws {
        let key = try Ed25519PrivateKey.generate()
        let publicKey = try key.publicKey()
        let message = Array("casevault state".utf8)
        let signature = try key.signature(for: message)
        let memory = VerifiedSignatures()
        XCTAssertTrue(memory.isValid(signature, for: message, publicKey: publicKey))
        XCTAssertTrue(memory.isValid(signature, for: message, publicKey: publicKey), "remembered")
        var flipped = signature
        flipped[5] ^= 0x01
        XCTAssertFalse(memory.isValid(flipped, for: message, publicKey: publicKey))
        XCTAssertFalse(memory.isValid(signature, for: message + [0], publicKey: publicKey))
        XCTAssertFalse(memory.isValid(signature, for: message, publicKey: try Ed25519PrivateKey.generate().publicKey()))
        XCTAssertFalse(memory.isValid(flipped, for: message, publicKey: publicKey), "a refusal is not remembered as valid")
    }

    func testAStateChangedAfterThisSessionVerifiedItIsRefused() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        let code = try worker.createCase(sampleDocument("Ana Anić"))
        _ = try worker.readCase(code)
        XCTAssertEqual(try worker.findCases(name: "ana").map(\.code), [code.rawValue])

        // Someone with the file closes the case in place, keeping the signature (a state its
        // signer could have made, so only the signature can refuse it).
        try RawVault(vault.path).execute("UPDATE cases SET status = 'closed' WHERE code = ?", [code.rawValue])
        XCTAssertThrowsError(try worker.readCase(code)) {
            XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.caseState(code.rawValue)))
        }
        XCTAssertThrowsError(try worker.findCases(name: "ana")) {
            XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.caseState(code.rawValue)))
        }
        XCTAssertThrowsError(try worker.listCases()) {
            XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.caseState(code.rawValue)))
        }
    }
}
