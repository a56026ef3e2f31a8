import VaultCrypto

/// What a key slot's holder trusts, sealed inside her slot (so that someone who cannot open the
/// slot cannot change it): the vault's id and the directory public key that every certified value
/// must verify against. Slots made before the signed directory (format 1) have none; they are
/// given one at the first login after the upgrade (docs/vault-format.md, "Upgrade").
struct TrustAnchor: Sendable, Equatable {
    static let vaultIDName = "trust.vault-id"
    static let directoryName = "trust.directory"

    var vaultID: [UInt8]
    var directoryPublicKey: [UInt8]
}

/// Each user's Ed25519 signing key, derived from her own exchange key so that the slot needs no
/// new entry: `HKDF-SHA256(exchange, salt: vault id, info: "casevault v1 key user-signing")` as the
/// seed. Its public half is certified in the directory; she signs her case changes and audit
/// heads with it.
enum UserSigningKey {
    static let label = Array("casevault v1 key user-signing".utf8)

    static func derive(exchange: SecretBytes, vaultID: [UInt8]) throws -> Ed25519PrivateKey {
        try Ed25519PrivateKey(seed: HKDFSHA256.deriveKey(inputKey: exchange, salt: vaultID, info: label, length: 32))
    }

    /// The public halves of the exchange and signing keys a directory entry certifies.
    static func publicKeys(exchange: SecretBytes, vaultID: [UInt8]) throws -> (exchange: [UInt8], signing: [UInt8]) {
        (try X25519PrivateKey(rawValue: exchange).publicKey(), try derive(exchange: exchange, vaultID: vaultID).publicKey())
    }
}
