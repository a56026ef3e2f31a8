internal import COpenSSL

/// Ed25519 signatures: the vault signs audit checkpoints and exports with its own key.
public struct Ed25519PrivateKey: Sendable {
    /// The 32-byte seed.
    public let seed: SecretBytes
    private let key: PKey

    /// Creates a key from a stored 32-byte seed.
    public init(seed: SecretBytes) throws {
        self.seed = seed
        key = try PKey(privateKey: seed, type: EVP_PKEY_ED25519)
    }

    /// A fresh random key.
    public static func generate() throws -> Ed25519PrivateKey {
        try Ed25519PrivateKey(seed: SecretBytes.random(count: 32))
    }

    /// The 32-byte public key.
    public func publicKey() throws -> [UInt8] { try key.rawPublicKey() }

    /// A 64-byte signature over `message`.
    public func signature(for message: [UInt8]) throws -> [UInt8] {
        let context = try DigestContext()
        guard EVP_DigestSignInit(context.pointer, nil, nil, nil, key.pointer) == 1 else {
            throw VaultCryptoError.libraryFailure("sign init")
        }
        var signature = [UInt8](repeating: 0, count: 64)
        var length = 64
        let status = withNonNullBytes(message) { EVP_DigestSign(context.pointer, &signature, &length, $0, $1) }
        guard status == 1, length == 64 else { throw VaultCryptoError.libraryFailure("sign") }
        return signature
    }
}

/// Verification of Ed25519 signatures.
public enum Ed25519 {
    /// True only if `signature` is a valid signature of `message` under the 32-byte `publicKey`.
    public static func isValidSignature(_ signature: [UInt8], for message: [UInt8], publicKey: [UInt8]) -> Bool {
        guard signature.count == 64, let key = try? PKey(publicKey: publicKey, type: EVP_PKEY_ED25519),
              let context = try? DigestContext(),
              EVP_DigestVerifyInit(context.pointer, nil, nil, nil, key.pointer) == 1
        else { return false }
        let status = withNonNullBytes(message) { EVP_DigestVerify(context.pointer, signature, 64, $0, $1) }
        ERR_clear_error()
        return status == 1
    }
}
