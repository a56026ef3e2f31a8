@testable import CaseStore
@testable import PostgresStorage
import XCTest

/// `apply` on a real server: a batch commits whole or not at all, its expectations (key version,
/// audit head, case version and state revision) are checked under the writers' lock, the trail
/// refuses every change in the database itself, and a writer that waits too long is told the
/// vault is locked.
final class PostgresApplyTests: XCTestCase {
    private var vault: PostgresTestVault!
    private var storage: PostgresVaultStorage!

    override func setUpWithError() throws {
        vault = try PostgresTestVault.make()
        storage = try vault.open(create: true)
        try storage.apply(batch([
            .insertMeta(VaultMetaRow(vaultID: Array(repeating: 7, count: 16), formatVersion: 3, keyVersion: 1, createdDay: "2026-01-05")),
            .insertKeySlot(KeySlotRow(user: "ana", role: .admin, kdfLogN: 15, kdfR: 8, kdfP: 1, salt: [1, 2], keyVersion: 1,
                                      sealedKeys: [3, 4], createdDay: "2026-01-05", disabled: false, exchangePublicKey: [5])),
        ], keyVersion: nil))
    }

    override func tearDownWithError() throws {
        try storage?.close()
        vault?.drop()
    }

    /// A batch whose entries (numbered `after + 1`, …) follow the entry numbered `after`.
    private func batch(_ mutations: [StorageMutation], after: Int64? = nil, appending actions: [(AuditAction, String?)] = [],
                       signed: Bool = false, keyVersion: Int? = 1) -> StorageBatch {
        let first = (after ?? 0) + 1
        let entries = actions.enumerated().map { offset, action in
            AuditEntryRow(seq: first + Int64(offset), at: "2026-03-01T10:00Z", actor: "ana", action: action.0.rawValue,
                          caseCode: action.1, outcome: "ok", payload: nil, hash: hash(first + Int64(offset)))
        }
        let head = signed ? AuditHeadRow(seq: first + Int64(actions.count) - 1, signer: "ana", directoryRevision: 1, signature: [6]) : nil
        let audit = actions.isEmpty && !signed
            ? nil : AuditAppend(after: after.map { AuditPosition(seq: $0, hash: hash($0)) }, entries: entries, signedHead: head)
        return StorageBatch(mutations: mutations, audit: audit, keyVersion: keyVersion)
    }

    private func hash(_ seq: Int64) -> [UInt8] { [UInt8](repeating: UInt8(seq), count: 32) }

    private func newCase(_ code: String) -> StorageMutation {
        .insertCase(CaseRow(code: code, status: .open, assignee: "ana", createdDay: "2026-03-01", updatedDay: "2026-03-01", keyVersion: 1,
                            wrappedKey: [9], version: 1, document: [1, 1], state: nil), nameTokens: [[0xAA], [0xBB]])
    }

    private func state(_ revision: Int) -> CaseStateSignature {
        CaseStateSignature(revision: revision, signer: "ana", documentHash: [1], signature: [2])
    }

    private func assertThrows(_ expected: CaseStoreError, _ batch: StorageBatch, line: UInt = #line) {
        XCTAssertThrowsError(try storage.apply(batch), line: line) { XCTAssertEqual($0 as? CaseStoreError, expected, line: line) }
    }

    func testABatchIsStoredWithItsTrail() throws {
        try storage.apply(batch([newCase("K1")], appending: [(.caseCreate, "K1")], signed: true))
        let row = try XCTUnwrap(storage.caseRow(code: "K1"))
        XCTAssertEqual(row.committedRevision, 1)
        XCTAssertEqual(row.document, [1, 1])
        XCTAssertEqual(try storage.listings(withAllTokens: [[0xAA], [0xBB], [0xAA]]).map(\.summary.code), ["K1"])
        XCTAssertEqual(try storage.listings(withAllTokens: [[0xAA], [0xCC]]).map(\.summary.code), [])
        XCTAssertEqual(try storage.auditHead()?.seq, 1)
        XCTAssertEqual(try storage.newestAuditHead()?.signer, "ana")

        try storage.apply(batch([
            .replaceDocument(code: "K1", version: 2, document: [2, 2], updatedDay: "2026-03-02", nameTokens: [[0xCC]]),
            .setCaseState(code: "K1", status: .closed, assignee: nil, state: state(2), updatedDay: "2026-03-02", replacing: 0),
        ], after: 1, appending: [(.caseUpdate, "K1"), (.caseClose, "K1")]))
        XCTAssertEqual(try storage.history(code: "K1"), [HistoryRow(version: 1, document: [1, 1])])
        XCTAssertEqual(try storage.listings(withAllTokens: [[0xCC]]).map(\.summary.code), ["K1"])
        let changed = try XCTUnwrap(storage.caseRow(code: "K1"))
        XCTAssertEqual(changed.status, .closed)
        XCTAssertEqual(changed.state?.revision, 2)
        XCTAssertEqual(changed.committedRevision, 3)
        XCTAssertEqual(try storage.listings(codes: ["K1", "nope"]).map(\.committedRevision), [3])
        XCTAssertEqual(try storage.auditEntries(AuditFilter(action: "case_close")).map(\.seq), [3])
        var after: [String] = []
        try storage.forEachAuditEntry(after: 1) { entry, _ in after.append(entry.action) }
        XCTAssertEqual(after, ["case_update", "case_close"])

        try storage.apply(batch([.eraseCase(code: "K1", updatedDay: "2026-03-03", replacing: 2)], after: 3, appending: [(.caseErase, "K1")]))
        let tombstone = try XCTUnwrap(storage.caseRow(code: "K1"))
        XCTAssertEqual(tombstone.status, .erased)
        XCTAssertNil(tombstone.document)
        XCTAssertEqual(try storage.history(code: "K1"), [])
        XCTAssertNotNil(try storage.caseRow(code: "K1"))
        XCTAssertEqual(try storage.listings(codes: nil), [])
    }

    func testAFailedExpectationWritesNothing() throws {
        try storage.apply(batch([newCase("K1")], appending: [(.caseCreate, "K1")]))
        let gender = StorageMutation.setGrammaticalGender(user: "ana", gender: .masculine)
        let draft = AuditDraft(at: "2026-03-01T10:00Z", actor: "ana", action: .login, caseCode: nil, outcome: .ok, payload: nil)
        assertThrows(.keysRotated, batch([gender], keyVersion: 2))
        assertThrows(.auditHeadMoved, batch([gender], appending: [(.login, nil)]))
        assertThrows(.auditHeadMoved, batch([gender], after: 2, appending: [(.login, nil)]))
        assertThrows(.caseChanged("K1"), batch([
            gender, .replaceDocument(code: "K1", version: 3, document: [3], updatedDay: "2026-03-02", nameTokens: []),
        ]))
        assertThrows(.caseChanged("K1"), batch([
            gender, .setCaseState(code: "K1", status: .open, assignee: nil, state: state(2), updatedDay: "2026-03-02", replacing: 1),
        ]))
        assertThrows(.caseNotFound("K9"), batch([gender, .putFacts(code: "K9", caseVersion: 1, sealed: [1])]))
        assertThrows(.unknownUser("zora"), batch([gender, .setUserDisabled(user: "zora", disabled: true)]))
        assertThrows(.storageFailure(.engine), batch([gender, .appendAudit(draft)]))
        XCTAssertThrowsError(try storage.apply(batch([gender, newCase("K1")])), "a taken code") { XCTAssertTrue($0 is CaseCodeTaken, "\($0)") }
        XCTAssertEqual(try storage.grammaticalGenders(), [:])
        XCTAssertEqual(try storage.auditHead()?.seq, 1)
        XCTAssertEqual(try storage.caseRow(code: "K1")?.version, 1)
    }

    func testTheExportLedgerGuardsItsDecisionsAndUses() throws {
        let request = ExportRequestRow(id: "R1", caseCode: "K1", requester: "ana", createdDay: "2026-03-01", body: [1], signature: [2])
        let decide = StorageMutation.decideExportRequest(id: "R1", decider: "branka", decision: [3], signature: [4])
        try storage.apply(batch([.insertExportRequest(request)]))
        assertThrows(.exportRequestUsed("R1"), batch([.markExportRequestUsed(id: "R1")]))
        try storage.apply(batch([decide]))
        assertThrows(.exportRequestNotPending("R1"), batch([decide]))
        try storage.apply(batch([.markExportRequestUsed(id: "R1")]))
        assertThrows(.exportRequestUsed("R1"), batch([.markExportRequestUsed(id: "R1")]))
        XCTAssertEqual(try storage.exportRequests().first?.decider, "branka")
    }

    func testTheTrailCannotBeChangedEvenByItsOwner() throws {
        try storage.apply(batch([.retireAuditKey(RetiredAuditKeyRow(version: 1, sealed: [1]))], appending: [(.login, nil)], signed: true))
        for (table, column) in [("audit_log", "seq"), ("audit_heads", "seq"), ("retired_audit_keys", "version")] {
            for statement in ["UPDATE \(table) SET \(column) = 5", "DELETE FROM \(table)", "TRUNCATE \(table)"] {
                XCTAssertThrowsError(try vault.database.psqlAsApp(statement), statement)
            }
        }
        XCTAssertThrowsError(try storage.session.query("UPDATE audit_log SET actor = 'eve'")) {
            XCTAssertEqual($0 as? CaseStoreError, .storageFailure(.engine))
        }
        XCTAssertEqual(try storage.auditEntries(AuditFilter()).map(\.actor), ["ana"])
    }

    /// Another writer holds the lock: this one waits for `lock_timeout`, then gives up with
    /// `vaultLocked` and writes nothing.
    func testAWriterThatWaitsTooLongIsToldTheVaultIsLocked() throws {
        let other = try PostgresSession(location: vault.location, password: vault.password)
        defer { other.close() }
        try other.query("BEGIN")
        try other.lockWriters()
        let gender = StorageMutation.setGrammaticalGender(user: "ana", gender: .masculine)
        let started = Date()
        assertThrows(.vaultLocked, batch([gender]))
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 4.5)
        try other.query("ROLLBACK")
        try storage.apply(batch([gender]))
        XCTAssertEqual(try storage.grammaticalGenders(), ["ana": .masculine])
    }
}
