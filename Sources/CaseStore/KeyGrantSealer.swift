import VaultCrypto

/// Hands new vault keys to a user without their passphrase (after a rekey or a role change):
/// the keys are sealed to the user's X25519 exchange public key with an ephemeral key, as age
/// and HPKE do: `key = HKDF-SHA256(X25519(e, user), salt: e_pub ‖ user_pub, info: label)`.
/// The user's next login opens the grant and re-seals their slot with their passphrase.
enum KeyGrantSealer {
    static let label = Array("casevault v1 key grant".utf8)

    static func seal(ring: KeyRing, role: Role, user: String, recipient: [UInt8], meta: VaultMetaRow) throws -> KeyGrantRow {
        let ephemeral = try X25519PrivateKey.generate()
        let ephemeralPublic = try ephemeral.publicKey()
        let key = try grantKey(secret: ephemeral.sharedSecret(with: recipient), ephemeralPublic: ephemeralPublic, recipient: recipient)
        var payload = KeyRing.encode(try ring.keys(for: role))
        defer { SecretBytes.cleanse(&payload) }
        let sealed = try SealedValue.seal(payload, key: key, associatedData: associatedData(user: user, role: role, version: meta.keyVersion, meta: meta))
        return KeyGrantRow(user: user, role: role, keyVersion: meta.keyVersion, ephemeralKey: ephemeralPublic, sealedKeys: sealed)
    }

    /// Opens a grant with the user's exchange key; returns the granted vault keys.
    static func open(_ grant: KeyGrantRow, exchange: SecretBytes, meta: VaultMetaRow) throws -> [KeyPurpose: SecretBytes] {
        do {
            let mine = try X25519PrivateKey(rawValue: exchange)
            let key = try grantKey(secret: mine.sharedSecret(with: grant.ephemeralKey), ephemeralPublic: grant.ephemeralKey,
                                   recipient: mine.publicKey())
            var payload = try SealedValue.open(grant.sealedKeys, key: key,
                                               associatedData: associatedData(user: grant.user, role: grant.role, version: grant.keyVersion, meta: meta))
            defer { SecretBytes.cleanse(&payload) }
            guard let keys = KeyRing.decode(payload), Set(keys.keys) == grant.role.vaultKeys else { throw CaseStoreError.corruptVault }
            return keys
        } catch {
            throw CaseStoreError.tamperedRecord(.keyGrant(user: grant.user))
        }
    }

    private static func grantKey(secret: SecretBytes, ephemeralPublic: [UInt8], recipient: [UInt8]) throws -> SecretBytes {
        try HKDFSHA256.deriveKey(inputKey: secret, salt: ephemeralPublic + recipient, info: label, length: 32)
    }

    private static func associatedData(user: String, role: Role, version: Int, meta: VaultMetaRow) -> [UInt8] {
        AssociatedData.make("key_grants.sealed_keys", AssociatedData.hex(meta.vaultID), user, role.rawValue, "k\(version)")
    }
}
