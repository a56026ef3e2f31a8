internal import COpenSSL

/// HKDF-SHA256 (RFC 5869): derives purpose-bound subkeys from the vault's root key.
public enum HKDFSHA256 {
    /// Derives `length` bytes (at most 255 × 32) from `inputKey`, `salt` and `info`.
    public static func deriveKey(inputKey: SecretBytes, salt: [UInt8], info: [UInt8], length: Int) throws -> SecretBytes {
        guard length > 0, length <= 255 * 32 else { throw VaultCryptoError.invalidParameter("hkdf length") }
        let context = try PKeyContext(id: EVP_PKEY_HKDF)
        guard EVP_PKEY_derive_init(context.pointer) == 1,
              EVP_PKEY_CTX_set_hkdf_md(context.pointer, try FetchedDigest.sha256.require()) == 1
        else { throw VaultCryptoError.libraryFailure("hkdf init") }
        let keyed = inputKey.withUnsafeBytes { ikm in
            withNonNullBytes(ikm) { EVP_PKEY_CTX_set1_hkdf_key(context.pointer, $0, Int32($1)) }
        }
        guard keyed == 1 else { throw VaultCryptoError.libraryFailure("hkdf key") }
        if !salt.isEmpty {
            guard EVP_PKEY_CTX_set1_hkdf_salt(context.pointer, salt, Int32(salt.count)) == 1 else {
                throw VaultCryptoError.libraryFailure("hkdf salt")
            }
        }
        if !info.isEmpty {
            guard EVP_PKEY_CTX_add1_hkdf_info(context.pointer, info, Int32(info.count)) == 1 else {
                throw VaultCryptoError.invalidParameter("hkdf info")
            }
        }
        var output = [UInt8](repeating: 0, count: length)
        defer { SecretBytes.cleanse(&output) }
        var outLength = length
        guard EVP_PKEY_derive(context.pointer, &output, &outLength) == 1, outLength == length else {
            throw VaultCryptoError.libraryFailure("hkdf derive")
        }
        return SecretBytes(output)
    }
}
