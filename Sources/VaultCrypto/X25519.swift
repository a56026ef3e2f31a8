internal import COpenSSL

/// X25519 key agreement, for age recipients in exports.
public struct X25519PrivateKey: Sendable {
    /// The 32-byte scalar.
    public let rawValue: SecretBytes
    private let key: PKey

    /// Creates a key from 32 stored bytes.
    public init(rawValue: SecretBytes) throws {
        self.rawValue = rawValue
        key = try PKey(privateKey: rawValue, type: EVP_PKEY_X25519)
    }

    /// A fresh random key.
    public static func generate() throws -> X25519PrivateKey {
        try X25519PrivateKey(rawValue: SecretBytes.random(count: 32))
    }

    /// The 32-byte public key.
    public func publicKey() throws -> [UInt8] { try key.rawPublicKey() }

    /// The shared secret with `peerPublicKey`; throws for a low-order point (all-zero secret).
    public func sharedSecret(with peerPublicKey: [UInt8]) throws -> SecretBytes {
        let peer = try PKey(publicKey: peerPublicKey, type: EVP_PKEY_X25519)
        let context = try PKeyContext(key: key)
        guard EVP_PKEY_derive_init(context.pointer) == 1 else { throw VaultCryptoError.libraryFailure("x25519 init") }
        guard EVP_PKEY_derive_set_peer(context.pointer, peer.pointer) == 1 else {
            ERR_clear_error()
            throw VaultCryptoError.invalidParameter("peer public key")
        }
        var output = [UInt8](repeating: 0, count: 32)
        defer { SecretBytes.cleanse(&output) }
        var length = 32
        guard EVP_PKEY_derive(context.pointer, &output, &length) == 1, length == 32 else {
            ERR_clear_error()
            throw VaultCryptoError.invalidParameter("shared secret")
        }
        return SecretBytes(output)
    }
}
