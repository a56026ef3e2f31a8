import Foundation
import VaultCrypto

/// One audit entry as a reader sees it, with its sealed details opened when the reader holds
/// the audit key.
public struct AuditEntry: Sendable, Equatable, Codable {
    public var seq: Int64
    public var at: String
    public var actor: String
    public var action: String
    public var caseCode: String?
    public var outcome: String
    public var details: [String: String]
}

extension UnlockedVault {
    /// An audit entry by this user; `details` are sealed under the audit key.
    func auditDraft(_ action: AuditAction, caseCode: String? = nil, outcome: AuditOutcome = .ok,
                    details: [String: String] = [:]) throws -> AuditDraft {
        let at = vault.options.minute
        var payload: [UInt8]?
        if !details.isEmpty {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            payload = try SealedValue.seal(Array(try encoder.encode(details)), key: keys.key(.audit),
                                           associatedData: AuditPayload.associatedData(at: at, actor: user, action: action.rawValue))
        }
        return AuditDraft(at: at, actor: user, action: action, caseCode: caseCode, outcome: outcome, payload: payload)
    }

    /// Records an event that is not itself a change to the vault: a denial, an export.
    public func recordAudit(_ action: AuditAction, caseCode: String? = nil, outcome: AuditOutcome, details: [String: String] = [:]) throws {
        try commit([.appendAudit(auditDraft(action, caseCode: caseCode, outcome: outcome, details: details))])
    }

    /// Who opened or changed a case and when, without its content (the access is itself audited).
    public func accessLog(_ code: CaseCode) throws -> [AuditEntry] {
        let keys = try auditReadingKeys()
        let entries = try storage.auditEntries(AuditFilter(caseCode: code.rawValue)).map { readable($0, keys: keys) }
        try commit([.appendAudit(auditDraft(.caseAccessLog, caseCode: code.rawValue))])
        return entries
    }

    /// Audit entries matching `filter` (the reading is itself audited).
    public func auditLog(_ filter: AuditFilter) throws -> [AuditEntry] {
        let keys = try auditReadingKeys()
        let entries = try storage.auditEntries(filter).map { readable($0, keys: keys) }
        try commit([.appendAudit(auditDraft(.auditRead))])
        return entries
    }

    /// Every audit key this user can use, newest first; none without the audit key.
    func auditReadingKeys() throws -> [SecretBytes] {
        guard keys.holds(.audit) else { return [] }
        return AuditKeyChain.keys(current: try keys.key(.audit), retired: try storage.retiredAuditKeys(), vaultID: vault.meta.vaultID)
    }

    private func readable(_ row: AuditEntryRow, keys: [SecretBytes]) -> AuditEntry {
        AuditEntry(seq: row.seq, at: row.at, actor: row.actor, action: row.action, caseCode: row.caseCode, outcome: row.outcome,
                   details: AuditPayload.open(row, keys: keys))
    }

    /// Verifies the whole trail (and the checkpoint, if given), then records that it did. When
    /// the trail written since this session's last write is not vouched for, recording would sign
    /// over it: the report of a broken trail is then returned unrecorded.
    public func verifyAuditTrail(checkpoint: AuditCheckpoint? = nil, paper: AuditPaperCheckpoint? = nil) throws -> AuditVerification {
        let result = try vault.verifyAuditTrail(checkpoint: checkpoint, paper: paper, directory: currentDirectory())
        do {
            try commit([.appendAudit(auditDraft(.auditVerify, outcome: result.isIntact ? .ok : .failed))])
        } catch CaseStoreError.untrustedSignature(.auditTrail) where !result.isIntact {
            return result
        }
        return result
    }

    /// Signs `(vault id, sequence, head hash)` with the vault's Ed25519 key, after recording the
    /// checkpoint itself, so the checkpoint covers its own entry.
    public func checkpoint() throws -> AuditCheckpoint {
        let signing = try Ed25519PrivateKey(seed: keys.key(.signing))
        try commit([.appendAudit(auditDraft(.auditCheckpoint))])
        guard let head = try storage.auditHead() else { throw CaseStoreError.corruptVault }
        return try AuditCheckpoint.sign(vaultID: vault.meta.vaultID, seq: head.seq, head: head.hash, key: signing)
    }
}

/// Sealing of audit details: AES-256-GCM under the audit key, bound to the entry's time, actor
/// and action.
enum AuditPayload {
    static func associatedData(at: String, actor: String, action: String) -> [UInt8] {
        AssociatedData.make("audit_log.payload", at, actor, action)
    }

    /// The details of `row`, opened with the first of `keys` (newest first) that opens them;
    /// `sealed: true` when none does.
    static func open(_ row: AuditEntryRow, keys: [SecretBytes]) -> [String: String] {
        guard let payload = row.payload else { return [:] }
        let associatedData = associatedData(at: row.at, actor: row.actor, action: row.action)
        for key in keys {
            if let plain = try? SealedValue.open(payload, key: key, associatedData: associatedData),
               let details = try? JSONDecoder().decode([String: String].self, from: Data(plain)) {
                return details
            }
        }
        return ["sealed": "true"]
    }
}
