import VaultCrypto

/// Hands new vault keys to a user without their passphrase (after a rekey, a role change, an
/// enable or the upgrade to the signed directory): the keys are sealed to the user's certified
/// X25519 exchange public key with an ephemeral key, as age and HPKE do:
/// `key = HKDF-SHA256(X25519(e, user), salt: e_pub ‖ user_pub, info: label)`. The grant names the
/// administrator who made it, inside what is sealed (AD) and what she signs, so the grantee can
/// check it against the directory before she uses it: a grant anyone else sealed to her public key
/// gives nothing. A grant may also carry a new exchange key (the upgrade gives every user one).
enum KeyGrantSealer {
    static let label = Array("casevault v1 key grant".utf8)
    static let signatureLabel = "casevault/v1/grant"

    /// What an admin needs to make a grant.
    struct Granter {
        var name: String
        var key: Ed25519PrivateKey
    }

    static func seal(ring: KeyRing, role: Role, user: String, recipient: [UInt8], keyVersion: Int, vaultID: [UInt8],
                     granter: Granter, newExchange: SecretBytes? = nil) throws -> KeyGrantRow {
        let ephemeral = try X25519PrivateKey.generate()
        let ephemeralPublic = try ephemeral.publicKey()
        let key = try grantKey(secret: ephemeral.sharedSecret(with: recipient), ephemeralPublic: ephemeralPublic, recipient: recipient)
        var keys = try ring.keys(for: role)
        if let newExchange { keys[.exchange] = newExchange }
        var payload = KeyRing.encode(keys)
        defer { SecretBytes.cleanse(&payload) }
        let aad = associatedData(user: user, role: role, version: keyVersion, granter: granter.name, vaultID: vaultID)
        let sealed = try SealedValue.seal(payload, key: key, associatedData: aad)
        var row = KeyGrantRow(user: user, role: role, keyVersion: keyVersion, ephemeralKey: ephemeralPublic, sealedKeys: sealed,
                              grantedBy: granter.name, signature: nil)
        row.signature = try granter.key.signature(for: signedBytes(row, vaultID: vaultID))
        return row
    }

    /// What a verified grant gives.
    struct Opened {
        var keys: [KeyPurpose: SecretBytes]
        /// A new exchange key, when the grant replaces the user's.
        var exchange: SecretBytes?
    }

    /// Verifies a grant against the directory (made and signed by an enabled certified admin,
    /// for exactly the role and key version the directory gives the grantee), then opens it with
    /// the user's exchange key.
    static func open(_ grant: KeyGrantRow, exchange: SecretBytes, directory: UserDirectory, vaultID: [UInt8]) throws -> Opened {
        guard isAuthentic(grant, directory: directory, vaultID: vaultID), let granterName = grant.grantedBy else {
            throw CaseStoreError.untrustedSignature(.keyGrant(user: grant.user))
        }
        do {
            let mine = try X25519PrivateKey(rawValue: exchange)
            let key = try grantKey(secret: mine.sharedSecret(with: grant.ephemeralKey), ephemeralPublic: grant.ephemeralKey,
                                   recipient: mine.publicKey())
            let aad = associatedData(user: grant.user, role: grant.role, version: grant.keyVersion, granter: granterName, vaultID: vaultID)
            var payload = try SealedValue.open(grant.sealedKeys, key: key, associatedData: aad)
            defer { SecretBytes.cleanse(&payload) }
            guard var keys = KeyRing.decode(payload)?.keys else { throw CaseStoreError.corruptVault }
            let newExchange = keys.removeValue(forKey: .exchange)
            guard Set(keys.keys) == grant.role.vaultKeys else { throw CaseStoreError.corruptVault }
            return Opened(keys: keys, exchange: newExchange)
        } catch {
            throw CaseStoreError.tamperedRecord(.keyGrant(user: grant.user))
        }
    }

    /// Whether `grant` was made and signed by an enabled certified admin, for exactly the role
    /// and key version the directory gives its grantee.
    static func isAuthentic(_ grant: KeyGrantRow, directory: UserDirectory, vaultID: [UInt8]) -> Bool {
        guard let granterName = grant.grantedBy, let signature = grant.signature, let granter = directory.entry(granterName),
              granter.role == .admin, !granter.disabled, let granterKey = granter.signingPublicKey,
              Ed25519.isValidSignature(signature, for: signedBytes(grant, vaultID: vaultID), publicKey: granterKey),
              let grantee = directory.entry(grant.user) else { return false }
        return grantee.role == grant.role && grantee.keyVersion == grant.keyVersion
    }

    static func signedBytes(_ grant: KeyGrantRow, vaultID: [UInt8]) -> [UInt8] {
        var bytes = CanonicalBytes(label: signatureLabel)
        bytes.field(vaultID)
        bytes.field(grant.grantedBy)
        bytes.field(grant.user)
        bytes.field(grant.role.rawValue)
        bytes.number(grant.keyVersion)
        bytes.field(grant.ephemeralKey)
        bytes.field(grant.sealedKeys)
        return bytes.bytes
    }

    private static func grantKey(secret: SecretBytes, ephemeralPublic: [UInt8], recipient: [UInt8]) throws -> SecretBytes {
        try HKDFSHA256.deriveKey(inputKey: secret, salt: ephemeralPublic + recipient, info: label, length: 32)
    }

    static func associatedData(user: String, role: Role, version: Int, granter: String, vaultID: [UInt8]) -> [UInt8] {
        AssociatedData.make("key_grants.sealed_keys", AssociatedData.hex(vaultID), user, role.rawValue, "k\(version)", granter)
    }
}
