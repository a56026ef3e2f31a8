import VaultCrypto

/// The wrapping every native stanza uses: ChaCha20-Poly1305 of the 16-byte file key under a
/// 32-byte wrap key with an all-zero nonce (each wrap key is used once).
enum AgeFileKeyWrap {
    private static let zeroNonce = [UInt8](repeating: 0, count: 12)
    /// A wrapped file key: 16 bytes of key and a 16-byte tag.
    static let bodyLength = AgeFormat.fileKeyLength + AgeFormat.tagLength

    static func wrap(_ fileKey: SecretBytes, key: SecretBytes) throws -> [UInt8] {
        var plaintext = fileKey.copyBytes()
        defer { SecretBytes.cleanse(&plaintext) }
        let sealed = try AEAD.seal(plaintext, key: key, nonce: zeroNonce, associatedData: [], algorithm: .chaCha20Poly1305)
        return sealed.ciphertext + sealed.tag
    }

    /// The file key, or nil when the tag does not verify (the stanza is not for this key). The
    /// body length is checked by the caller before any key is derived.
    static func unwrap(_ body: [UInt8], key: SecretBytes) throws -> SecretBytes? {
        precondition(body.count == bodyLength)
        do {
            var fileKey = try AEAD.open(ciphertext: Array(body.prefix(AgeFormat.fileKeyLength)), tag: Array(body.suffix(AgeFormat.tagLength)),
                                        key: key, nonce: zeroNonce, associatedData: [], algorithm: .chaCha20Poly1305)
            defer { SecretBytes.cleanse(&fileKey) }
            return SecretBytes(fileKey)
        } catch VaultCryptoError.authenticationFailed {
            return nil
        }
    }
}
