/// ChaCha20-Poly1305 without associated data over caller-owned buffers, the tag stored after the
/// ciphertext: the layout of age's payload chunks, sealed and opened in place in the file buffer
/// (the array form of `AEAD` costs three copies of every chunk).
public enum ChaChaPolyBuffers {
    /// Encrypts `input` into `output`, which must be `input.count + 16` bytes: ciphertext, then tag.
    public static func seal(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, key: SecretBytes, nonce: [UInt8]) throws {
        guard output.count == input.count + AEAD.tagLength else { throw VaultCryptoError.invalidParameter("output length") }
        let ciphertext = UnsafeMutableRawBufferPointer(rebasing: output[..<input.count])
        let tag = UnsafeMutableRawBufferPointer(rebasing: output[input.count...])
        try nonce.withUnsafeBytes { nonceBytes in
            try AEAD.sealRaw(input, into: ciphertext, tag: tag, key: key, nonce: nonceBytes,
                             associatedData: UnsafeRawBufferPointer(start: nil, count: 0), algorithm: .chaCha20Poly1305)
        }
    }

    /// Authenticates and decrypts `input` (ciphertext, then the 16-byte tag) into `output`, which
    /// must be `input.count - 16` bytes; throws `authenticationFailed` (with `output` zeroed) for
    /// a wrong key or any altered byte.
    public static func open(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, key: SecretBytes, nonce: [UInt8]) throws {
        guard input.count >= AEAD.tagLength else { throw VaultCryptoError.authenticationFailed }
        guard output.count == input.count - AEAD.tagLength else { throw VaultCryptoError.invalidParameter("output length") }
        let ciphertext = UnsafeRawBufferPointer(rebasing: input[..<output.count])
        let tag = UnsafeRawBufferPointer(rebasing: input[output.count...])
        try nonce.withUnsafeBytes { nonceBytes in
            try AEAD.openRaw(ciphertext, into: output, tag: tag, key: key, nonce: nonceBytes,
                             associatedData: UnsafeRawBufferPointer(start: nil, count: 0), algorithm: .chaCha20Poly1305)
        }
    }
}
