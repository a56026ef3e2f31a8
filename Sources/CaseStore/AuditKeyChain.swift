import VaultCrypto

/// The audit keys of a vault across rekeys. A rekey replaces the audit key (so a disabled user's
/// copied slot opens no audit details written afterwards) and keeps the old key sealed under the
/// new one, so whoever holds the current key can open every older key in turn and read the
/// details of the whole trail, while an old key opens nothing newer than itself.
enum AuditKeyChain {
    /// The row that retires `old` (audit key `version`) under its successor `new`.
    static func retire(_ old: SecretBytes, version: Int, under new: SecretBytes, vaultID: [UInt8]) throws -> RetiredAuditKeyRow {
        var bytes = old.copyBytes()
        defer { SecretBytes.cleanse(&bytes) }
        return RetiredAuditKeyRow(version: version,
                                  sealed: try SealedValue.seal(bytes, key: new, associatedData: associatedData(version: version, vaultID: vaultID)))
    }

    /// The current key followed by every retired key it opens, newest first. The walk stops at a
    /// row that does not open (altered): older details then show as sealed.
    static func keys(current: SecretBytes, retired: [RetiredAuditKeyRow], vaultID: [UInt8]) -> [SecretBytes] {
        var keys = [current]
        for row in retired.sorted(by: { $0.version > $1.version }) {
            guard var bytes = try? SealedValue.open(row.sealed, key: keys[keys.count - 1],
                                                    associatedData: associatedData(version: row.version, vaultID: vaultID)) else { break }
            keys.append(SecretBytes(bytes))
            SecretBytes.cleanse(&bytes)
        }
        return keys
    }

    /// The version the current audit key will have when the next rekey retires it.
    static func currentVersion(retired: [RetiredAuditKeyRow]) -> Int {
        (retired.map(\.version).max() ?? 0) + 1
    }

    private static func associatedData(version: Int, vaultID: [UInt8]) -> [UInt8] {
        AssociatedData.make("retired_audit_keys.sealed", AssociatedData.hex(vaultID), "v\(version)")
    }
}
