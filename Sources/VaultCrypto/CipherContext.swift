internal import COpenSSL

/// Owns one `EVP_CIPHER_CTX`; freeing it in `deinit` is safer than relying on `defer`.
final class CipherContext {
    let pointer: OpaquePointer

    init() throws {
        guard let context = EVP_CIPHER_CTX_new() else { throw VaultCryptoError.libraryFailure("cipher context") }
        pointer = context
    }

    deinit { EVP_CIPHER_CTX_free(pointer) }
}

/// A cipher implementation fetched once from the default provider and kept for the process.
final class FetchedCipher: @unchecked Sendable {
    let pointer: OpaquePointer?

    init(_ name: String) { pointer = EVP_CIPHER_fetch(nil, name, nil) }

    static let aes128GCM = FetchedCipher("AES-128-GCM")
    static let aes192GCM = FetchedCipher("AES-192-GCM")
    static let aes256GCM = FetchedCipher("AES-256-GCM")
    static let chaCha20Poly1305 = FetchedCipher("ChaCha20-Poly1305")
}
