internal import COpenSSL

/// Owns one `EVP_PKEY_CTX`.
final class PKeyContext {
    let pointer: OpaquePointer

    init(id: Int32) throws {
        guard let context = EVP_PKEY_CTX_new_id(id, nil) else { throw VaultCryptoError.libraryFailure("pkey context") }
        pointer = context
    }

    init(key: PKey) throws {
        guard let context = EVP_PKEY_CTX_new(key.pointer, nil) else { throw VaultCryptoError.libraryFailure("pkey context") }
        pointer = context
    }

    deinit { EVP_PKEY_CTX_free(pointer) }
}

/// Owns one `EVP_PKEY` (an Ed25519 or X25519 key).
final class PKey: @unchecked Sendable {
    let pointer: OpaquePointer

    init(privateKey: SecretBytes, type: Int32) throws {
        guard privateKey.count == 32 else { throw VaultCryptoError.invalidParameter("private key length") }
        let key = privateKey.withUnsafeBytes {
            EVP_PKEY_new_raw_private_key(type, nil, $0.baseAddress!.assumingMemoryBound(to: UInt8.self), 32)
        }
        guard let key else { throw VaultCryptoError.invalidParameter("private key") }
        pointer = key
    }

    init(publicKey: [UInt8], type: Int32) throws {
        guard publicKey.count == 32 else { throw VaultCryptoError.invalidParameter("public key length") }
        guard let key = EVP_PKEY_new_raw_public_key(type, nil, publicKey, 32) else {
            throw VaultCryptoError.invalidParameter("public key")
        }
        pointer = key
    }

    func rawPublicKey() throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 32)
        var length = 32
        guard EVP_PKEY_get_raw_public_key(pointer, &output, &length) == 1, length == 32 else {
            throw VaultCryptoError.libraryFailure("public key")
        }
        return output
    }

    deinit { EVP_PKEY_free(pointer) }
}

/// Owns one `EVP_MD_CTX`.
final class DigestContext {
    let pointer: OpaquePointer

    init() throws {
        guard let context = EVP_MD_CTX_new() else { throw VaultCryptoError.libraryFailure("digest context") }
        pointer = context
    }

    deinit { EVP_MD_CTX_free(pointer) }
}
