internal import COpenSSL

/// Opens many values sealed by `SealedValue.seal` under one key, keeping the key schedule and the
/// cipher context between them: a statistics query opens one value per case, a million at a time.
/// Each value is authenticated exactly as `SealedValue.open` does (same layout, same associated
/// data), which the tests check value by value. Not for concurrent use.
public final class SealedValueOpener {
    private let context: CipherContext

    public init(key: SecretBytes) throws {
        guard key.count == 32 else { throw VaultCryptoError.invalidParameter("key length") }
        context = try CipherContext()
        let cipher = try AEAD.cipher(for: .aesGCM, keyLength: 32)
        guard EVP_CipherInit_ex2(context.pointer, cipher, nil, nil, 0, nil) == 1,
              EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_AEAD_SET_IVLEN, Int32(SealedValue.nonceLength), nil) == 1
        else { throw VaultCryptoError.libraryFailure("cipher init") }
        let keyed = key.withUnsafeBytes { bytes in
            EVP_CipherInit_ex2(context.pointer, nil, bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), nil, 0, nil)
        }
        guard keyed == 1 else { throw VaultCryptoError.libraryFailure("cipher key") }
    }

    /// The plaintext of `combined`, bound to `associatedData`; throws `authenticationFailed` for a
    /// wrong key, wrong associated data, an unknown version or any altered byte.
    public func open(_ combined: [UInt8], associatedData: [UInt8]) throws -> [UInt8] {
        guard combined.count >= SealedValue.overhead, combined[0] == SealedValue.version else { throw VaultCryptoError.authenticationFailed }
        let bodyLength = combined.count - SealedValue.overhead
        var output = [UInt8](repeating: 0, count: bodyLength)
        let opened: Bool = combined.withUnsafeBytes { all in
            let base = all.baseAddress!.assumingMemoryBound(to: UInt8.self)
            guard EVP_CipherInit_ex2(context.pointer, nil, nil, base + 1, 0, nil) == 1 else { return false }
            var length: Int32 = 0
            var version = SealedValue.version
            guard EVP_CipherUpdate(context.pointer, nil, &length, &version, 1) == 1 else { return false }
            if !associatedData.isEmpty {
                let added = associatedData.withUnsafeBufferPointer {
                    EVP_CipherUpdate(context.pointer, nil, &length, $0.baseAddress, Int32($0.count))
                }
                guard added == 1 else { return false }
            }
            let body = base + 1 + SealedValue.nonceLength
            if bodyLength > 0 {
                let decrypted = output.withUnsafeMutableBufferPointer {
                    EVP_CipherUpdate(context.pointer, $0.baseAddress, &length, body, Int32(bodyLength))
                }
                guard decrypted == 1 else { return false }
            }
            // libcrypto copies the tag and only reads it, so it is given in place.
            let tag = UnsafeMutableRawPointer(mutating: all.baseAddress! + (all.count - AEAD.tagLength))
            guard EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_AEAD_SET_TAG, Int32(AEAD.tagLength), tag) == 1 else { return false }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { scratch in
                EVP_CipherFinal_ex(context.pointer, scratch.baseAddress, &length) == 1
            }
        }
        guard opened else {
            SecretBytes.cleanse(&output)
            throw VaultCryptoError.authenticationFailed
        }
        return output
    }
}
