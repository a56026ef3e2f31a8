import VaultCrypto

/// The audit hash chain (docs/audit.md): `h_i = SHA-256("casevault/audit/v1" ‖ u64(i) ‖ h_(i-1) ‖
/// entry_i)`, where `entry_i` is the length-prefixed stored bytes of the entry and `h_0` is
/// `SHA-256("casevault/audit/v1/genesis" ‖ vault id)`. It is computed over what is stored
/// (sealed payloads included), so anyone can verify it without a decryption key.
public enum AuditChain {
    static let label = Array("casevault/audit/v1".utf8)

    /// The hash before the first entry of the vault `vaultID`.
    public static func genesis(vaultID: [UInt8]) throws -> [UInt8] {
        try SHA256.hash(Array("casevault/audit/v1/genesis".utf8) + vaultID)
    }

    /// The hash of entry `seq` given the previous hash.
    public static func hash(seq: Int64, previous: [UInt8], at: String, actor: String, action: String,
                            caseCode: String?, outcome: String, payload: [UInt8]?) throws -> [UInt8] {
        var bytes = CanonicalBytes(prefix: label)
        bytes.number(seq)
        bytes.raw(previous)
        for field in [at, actor, action] { bytes.field(field) }
        bytes.field(caseCode)
        bytes.field(outcome)
        bytes.field(payload)
        return try SHA256.hash(bytes.bytes)
    }

    /// The hash a stored row should have after `previous`.
    static func expectedHash(of row: AuditEntryRow, previous: [UInt8]) throws -> [UInt8] {
        try hash(seq: row.seq, previous: previous, at: row.at, actor: row.actor, action: row.action,
                 caseCode: row.caseCode, outcome: row.outcome, payload: row.payload)
    }
}
