import VaultCrypto

/// A running digest over stored rows in their `CanonicalBytes` layout, `d_i = SHA-256(d_(i-1) ‖
/// SHA-256(row_i))`: `vault copy` digests the rows it read from the source and the rows the
/// destination holds afterwards, and the copy is whole only when the two digests agree.
struct StoredRowDigest: Equatable {
    private(set) var value = [UInt8](repeating: 0, count: SHA256.length)
    private(set) var count = 0

    mutating func add(_ row: StoredRow) throws {
        value = try SHA256.hash(value + SHA256.hash(Self.bytes(of: row)))
        count += 1
    }

    static func bytes(of row: StoredRow) -> [UInt8] {
        var out = CanonicalBytes(label: "casevault/stored-row/v1")
        switch row {
        case .meta(let meta):
            out.field("meta")
            out.field(meta.vaultID); out.number(meta.formatVersion); out.number(meta.keyVersion); out.field(meta.createdDay)
            out.field(meta.signingPublicKey)
        case .keySlot(let slot):
            out.field("key_slot")
            out.field(slot.user); out.field(slot.role.rawValue); out.number(slot.kdfLogN); out.number(slot.kdfR); out.number(slot.kdfP)
            out.field(slot.salt); out.number(slot.keyVersion); out.field(slot.sealedKeys); out.field(slot.createdDay)
            out.flag(slot.disabled); out.field(slot.exchangePublicKey)
        case .keyGrant(let grant):
            out.field("key_grant")
            out.field(grant.user); out.field(grant.role.rawValue); out.number(grant.keyVersion); out.field(grant.ephemeralKey)
            out.field(grant.sealedKeys); out.field(grant.grantedBy); out.field(grant.signature)
        case .directory(let directory):
            out.field("directory")
            out.number(directory.revision); out.field(directory.publicKey); out.field(directory.body); out.field(directory.signature)
        case .retiredAuditKey(let key):
            out.field("retired_audit_key")
            out.number(key.version); out.field(key.sealed)
        case .intakeDraft(let user, let updatedDay, let sealed):
            out.field("intake_draft")
            out.field(user); out.field(updatedDay); out.field(sealed)
        case .grammaticalGender(let user, let gender):
            out.field("grammatical_gender")
            out.field(user); out.field(gender.rawValue)
        case .loginFailure(let user, let failures):
            out.field("login_failure")
            out.field(user); out.number(failures.failures); out.number(Int64(bitPattern: failures.lastFailureAt.bitPattern))
        case .storedCase(let stored):
            out.field("case")
            add(stored, to: &out)
        case .statisticsPolicy(let policy):
            out.field("statistics_policy")
            out.number(policy.revision); out.field(policy.signer); out.field(policy.body); out.field(policy.signature)
        case .signedSetting(let name, let setting):
            out.field("signed_setting")
            out.field(name); out.number(setting.revision); out.field(setting.signer); out.field(setting.body); out.field(setting.signature)
        case .exportRequest(let request, let used):
            out.field("export_request")
            out.field(request.id); out.field(request.caseCode); out.field(request.requester); out.field(request.createdDay)
            out.field(request.body); out.field(request.signature); out.field(request.decider); out.field(request.decision)
            out.field(request.decisionSignature); out.flag(used)
        case .auditEntry(let entry):
            out.field("audit_entry")
            out.number(entry.seq); out.field(entry.at); out.field(entry.actor); out.field(entry.action); out.field(entry.caseCode)
            out.field(entry.outcome); out.field(entry.payload); out.field(entry.hash)
        case .auditHead(let head):
            out.field("audit_head")
            out.number(head.seq); out.field(head.signer); out.number(head.directoryRevision); out.field(head.signature)
        }
        return out.bytes
    }

    private static func add(_ stored: StoredCase, to out: inout CanonicalBytes) {
        let row = stored.row
        out.field(row.code); out.field(row.status.rawValue); out.field(row.assignee); out.field(row.createdDay); out.field(row.updatedDay)
        out.number(row.keyVersion); out.field(row.wrappedKey); out.number(row.version); out.field(row.document)
        out.number(row.state?.revision ?? 0); out.field(row.state?.signer); out.field(row.state?.documentHash); out.field(row.state?.signature)
        out.number(stored.history.count)
        for version in stored.history { out.number(version.version); out.field(version.document) }
        out.number(stored.nameTokens.count)
        for token in stored.nameTokens { out.field(token) }
        out.number(stored.facts?.version ?? -1); out.field(stored.facts?.sealed)
    }
}
