import VaultCrypto

/// The vault's export-signing key: an Ed25519 key derived with HKDF-SHA256 from the statistics
/// key (salt: vault id, own label), so every role that may write an export — administrators,
/// caseworkers and supervisors, who all hold that key — signs with the same key, and a receiver
/// pins one public key per vault. The auditor's slot lacks the statistics key and cannot sign.
/// Nothing in the file holds or names it: the key comes only from a slot.
enum ExportSigningKey {
    static let label = Array("casevault v1 export-signing".utf8)

    static func derive(statistics: SecretBytes, vaultID: [UInt8]) throws -> Ed25519PrivateKey {
        try Ed25519PrivateKey(seed: HKDFSHA256.deriveKey(inputKey: statistics, salt: vaultID, info: label, length: 32))
    }
}

extension UnlockedVault {
    private func exportSigningKey() throws -> Ed25519PrivateKey {
        try ExportSigningKey.derive(statistics: keys.key(.statistics), vaultID: vaultID)
    }

    /// The public key that verifies this vault's exports (32 bytes).
    public func exportSigningPublicKey() throws -> [UInt8] {
        try exportSigningKey().publicKey()
    }

    /// The vault's Ed25519 signature over an export file's bytes.
    public func signExport(_ file: [UInt8]) throws -> [UInt8] {
        try exportSigningKey().signature(for: file)
    }

    /// This user's own X25519 key as an age identity's 32 bytes: a file someone encrypted with
    /// `age` to this user's certified exchange key can be read by her alone.
    public func exchangePrivateKey() throws -> SecretBytes {
        try keys.key(.exchange)
    }

    /// This user's certified X25519 exchange public key (what `age` encrypts to).
    public func exchangePublicKey() throws -> [UInt8] {
        guard let key = directory.entry(user)?.exchangePublicKey else { throw CaseStoreError.untrustedSignature(.directoryEntry(user: user)) }
        return key
    }
}
