@testable import CaseStore
import Foundation
import VaultCrypto
import XCTest

/// A batch signs the head its own entries reach; a batch that appends no entry has nothing new
/// to vouch for and signs nothing (the head it would sign already carries a signature).
final class StorageBatchHeadTests: XCTestCase {
    func testOnlyABatchWithEntriesSignsAHead() throws {
        let vaultID = Array(repeating: UInt8(7), count: 16)
        let head = AuditPosition(seq: 41, hash: Array(repeating: 3, count: 32))
        let sign = AuditHead.mutation(signer: "ana", key: try Ed25519PrivateKey.generate(), directoryRevision: 1, vaultID: vaultID)
        let draft = AuditDraft(at: "2026-12-06T10:00Z", actor: "ana", action: .caseList, caseCode: nil, outcome: .ok, payload: nil)

        let rowsOnly = try StorageBatch.resolving([.setGrammaticalGender(user: "ana", gender: .feminine), sign], after: head,
                                                  vaultID: vaultID, keyVersion: 1)
        XCTAssertNil(rowsOnly.audit)
        XCTAssertEqual(rowsOnly.mutations.count, 1)

        let withEntry = try StorageBatch.resolving([.appendAudit(draft), sign], after: head, vaultID: vaultID, keyVersion: 1)
        XCTAssertEqual(withEntry.audit?.entries.map(\.seq), [head.seq + 1])
        XCTAssertEqual(withEntry.audit?.signedHead?.seq, head.seq + 1)
    }
}

