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
        var bytes = label
        bytes += bigEndian(UInt64(bitPattern: seq))
        bytes += previous
        for field in [Array(at.utf8), Array(actor.utf8), Array(action.utf8)] { append(field, to: &bytes) }
        append(caseCode.map { Array($0.utf8) }, to: &bytes)
        append(Array(outcome.utf8), to: &bytes)
        append(payload, to: &bytes)
        return try SHA256.hash(bytes)
    }

    /// The hash a stored row should have after `previous`.
    static func expectedHash(of row: AuditEntryRow, previous: [UInt8]) throws -> [UInt8] {
        try hash(seq: row.seq, previous: previous, at: row.at, actor: row.actor, action: row.action,
                 caseCode: row.caseCode, outcome: row.outcome, payload: row.payload)
    }

    private static func append(_ field: [UInt8]?, to bytes: inout [UInt8]) {
        guard let field else {
            bytes += [0xFF, 0xFF, 0xFF, 0xFF]
            return
        }
        bytes += bigEndian(UInt32(field.count))
        bytes += field
    }

    private static func bigEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }
}
