@testable import CaseStore

/// A made-up vault as stored rows (random bytes where ciphertext would be), in the order `load`
/// takes them: every kind of row, live and erased cases with histories, tokens shared between
/// cases, facts for some, and a trail whose case-changing entries order the listings. The
/// backends store and compare rows without opening them, so no key is needed.
enum SyntheticVault {
    static func rows(cases: Int) -> [StoredRow] {
        var generator = SystemRandomNumberGenerator()
        func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8.random(in: 0 ... .max, using: &generator) } }
        let users = ["ana", "branka", "zorica"]
        var rows: [StoredRow] = [.meta(VaultMetaRow(vaultID: bytes(16), formatVersion: 3, keyVersion: 2, createdDay: "2026-01-05",
                                                    signingPublicKey: bytes(32)))]
        for (index, user) in users.enumerated() {
            rows.append(.keySlot(KeySlotRow(user: user, role: [Role.admin, .supervisor, .caseworker][index], kdfLogN: 15, kdfR: 8, kdfP: 1,
                                            salt: bytes(16), keyVersion: 2, sealedKeys: bytes(200), createdDay: "2026-01-05",
                                            disabled: index == 1, exchangePublicKey: bytes(32))))
        }
        rows.append(.keyGrant(KeyGrantRow(user: "zorica", role: .caseworker, keyVersion: 2, ephemeralKey: bytes(32), sealedKeys: bytes(90),
                                          grantedBy: "ana", signature: bytes(64))))
        rows.append(.directory(DirectoryRow(revision: 4, publicKey: bytes(32), body: bytes(300), signature: bytes(64))))
        rows.append(.retiredAuditKey(RetiredAuditKeyRow(version: 1, sealed: bytes(60))))
        rows.append(.intakeDraft(user: "zorica", updatedDay: "2026-02-01", sealed: bytes(500)))
        rows.append(.grammaticalGender(user: "branka", .masculine))
        rows.append(.loginFailure(user: "nobody", LoginFailureRow(failures: 3, lastFailureAt: 1_767_000_000.25)))

        let shared = bytes(32)
        var entries: [AuditEntryRow] = []
        func entry(_ action: AuditAction, _ code: String?, outcome: AuditOutcome = .ok) {
            entries.append(AuditEntryRow(seq: Int64(entries.count + 1), at: "2026-03-01T10:\(String(format: "%02d", entries.count % 60))Z",
                                         actor: users[entries.count % 3], action: action.rawValue, caseCode: code,
                                         outcome: outcome.rawValue, payload: entries.count % 4 == 0 ? nil : bytes(40), hash: bytes(32)))
        }
        entry(.login, nil)
        for index in 0..<cases {
            let code = "C\(String(index, radix: 36, uppercase: true))-\(index % 7)"
            let erased = index % 11 == 5
            let version = 1 + index % 3
            let state = erased ? nil : CaseStateSignature(revision: index % 4, signer: "zorica", documentHash: bytes(32), signature: bytes(64))
            let row = CaseRow(code: code, status: erased ? .erased : (index % 5 == 0 ? .closed : .open),
                              assignee: index % 3 == 0 ? nil : "zorica", createdDay: "2026-02-\(String(format: "%02d", 1 + index % 28))",
                              updatedDay: "2026-03-\(String(format: "%02d", 1 + index % 9))", keyVersion: 2,
                              wrappedKey: erased ? nil : bytes(60), version: version, document: erased ? nil : bytes(700), state: state)
            let history = erased ? [] : (1..<version).map { HistoryRow(version: $0, document: bytes(650)) }
            let tokens = erased ? [] : [bytes(32), index % 2 == 0 ? shared : bytes(32)]
            let facts = erased || index % 4 == 3 ? nil : (version: version - index % 2, sealed: bytes(120))
            rows.append(.storedCase(StoredCase(row: row, history: history, nameTokens: tokens, facts: facts)))
            if index % 3 != 2 { entry(.caseCreate, code) }
            if index % 4 == 1 { entry(.caseUpdate, code) }
            if index % 6 == 1 { entry(.caseRead, code) }
            if index % 8 == 2 { entry(.caseAssign, code, outcome: .denied) }
        }
        rows.append(.statisticsPolicy(StatisticsPolicyRow(revision: 2, signer: "ana", body: bytes(80), signature: bytes(64))))
        rows.append(.signedSetting(name: "retention", SignedSettingRow(revision: 1, signer: "ana", body: bytes(40), signature: bytes(64))))
        rows.append(.signedSetting(name: "export_rules", SignedSettingRow(revision: 3, signer: "ana", body: bytes(40), signature: bytes(64))))
        rows.append(.exportRequest(ExportRequestRow(id: "R2", caseCode: "C1-1", requester: "zorica", createdDay: "2026-03-02",
                                                    body: bytes(100), signature: bytes(64), decider: "branka", decision: bytes(50),
                                                    decisionSignature: bytes(64)), used: true))
        rows.append(.exportRequest(ExportRequestRow(id: "R1", caseCode: nil, requester: "zorica", createdDay: "2026-03-03",
                                                    body: bytes(100), signature: bytes(64)), used: false))
        rows += entries.map { .auditEntry($0) }
        rows.append(.auditHead(AuditHeadRow(seq: 1, signer: "ana", directoryRevision: 4, signature: bytes(64))))
        rows.append(.auditHead(AuditHeadRow(seq: Int64(entries.count), signer: "zorica", directoryRevision: 4, signature: bytes(64))))
        return rows
    }
}
