/// The one format in which the vault stores an encrypted value:
/// `version (1 byte) ‖ nonce (12) ‖ ciphertext ‖ tag (16)`, AES-256-GCM with a random nonce.
/// The version byte is authenticated together with the caller's associated data, which binds the
/// value to its table, column, row and key version (see docs/vault-format.md).
public enum SealedValue {
    /// The only layout version written today.
    public static let version: UInt8 = 1
    /// Fixed bytes around the ciphertext: version, nonce and tag.
    public static let overhead = 1 + nonceLength + AEAD.tagLength
    static let nonceLength = 12

    /// Seals `plaintext` under a 32-byte `key`, bound to `associatedData`.
    public static func seal(_ plaintext: [UInt8], key: SecretBytes, associatedData: [UInt8]) throws -> [UInt8] {
        guard key.count == 32 else { throw VaultCryptoError.invalidParameter("key length") }
        let nonce = try SecureRandom.bytes(count: nonceLength)
        let aad = [version] + associatedData
        var combined = [UInt8](repeating: 0, count: overhead + plaintext.count)
        combined[0] = version
        combined.replaceSubrange(1...nonceLength, with: nonce)
        try combined.withUnsafeMutableBytes { out in
            let body = UnsafeMutableRawBufferPointer(rebasing: out[(1 + nonceLength)..<(1 + nonceLength + plaintext.count)])
            let tag = UnsafeMutableRawBufferPointer(rebasing: out[(out.count - AEAD.tagLength)...])
            try plaintext.withUnsafeBytes { input in
                try nonce.withUnsafeBytes { nonceIn in
                    try aad.withUnsafeBytes { aadIn in
                        try AEAD.sealRaw(input, into: body, tag: tag, key: key, nonce: nonceIn, associatedData: aadIn, algorithm: .aesGCM)
                    }
                }
            }
        }
        return combined
    }

    /// Opens a value made by `seal`; throws `authenticationFailed` for a wrong key, wrong
    /// associated data, an unknown version or any altered byte.
    public static func open(_ combined: [UInt8], key: SecretBytes, associatedData: [UInt8]) throws -> [UInt8] {
        guard key.count == 32 else { throw VaultCryptoError.invalidParameter("key length") }
        guard combined.count >= overhead, combined[0] == version else { throw VaultCryptoError.authenticationFailed }
        let bodyLength = combined.count - overhead
        let aad = [version] + associatedData
        var plaintext = [UInt8](repeating: 0, count: bodyLength)
        try combined.withUnsafeBytes { all in
            let nonce = UnsafeRawBufferPointer(rebasing: all[1...nonceLength])
            let body = UnsafeRawBufferPointer(rebasing: all[(1 + nonceLength)..<(1 + nonceLength + bodyLength)])
            let tag = UnsafeRawBufferPointer(rebasing: all[(all.count - AEAD.tagLength)...])
            try plaintext.withUnsafeMutableBytes { out in
                try aad.withUnsafeBytes { aadIn in
                    try AEAD.openRaw(body, into: out, tag: tag, key: key, nonce: nonce, associatedData: aadIn, algorithm: .aesGCM)
                }
            }
        }
        return plaintext
    }
}
