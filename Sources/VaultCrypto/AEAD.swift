internal import COpenSSL

/// Authenticated encryption with associated data from libcrypto: AES-GCM (128/192/256-bit keys,
/// chosen by key length) and ChaCha20-Poly1305. The vault itself uses AES-256-GCM through
/// `SealedValue`; this lower-level form exists for test vectors and the age format.
public enum AEAD {
    /// The AEAD constructions CaseVault may use.
    public enum Algorithm: Sendable {
        case aesGCM
        case chaCha20Poly1305
    }

    /// Length of every tag this module produces.
    public static let tagLength = 16

    /// Encrypts `plaintext`; returns the ciphertext (same length) and a 16-byte tag.
    public static func seal(
        _ plaintext: [UInt8], key: SecretBytes, nonce: [UInt8], associatedData: [UInt8], algorithm: Algorithm
    ) throws -> (ciphertext: [UInt8], tag: [UInt8]) {
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count)
        var tag = [UInt8](repeating: 0, count: tagLength)
        try plaintext.withUnsafeBytes { input in
            try ciphertext.withUnsafeMutableBytes { output in
                try tag.withUnsafeMutableBytes { tagOut in
                    try nonce.withUnsafeBytes { nonceIn in
                        try associatedData.withUnsafeBytes { aad in
                            try sealRaw(input, into: output, tag: tagOut, key: key, nonce: nonceIn, associatedData: aad, algorithm: algorithm)
                        }
                    }
                }
            }
        }
        return (ciphertext, tag)
    }

    /// Decrypts and authenticates; throws `authenticationFailed` for a wrong key or any altered byte.
    public static func open(
        ciphertext: [UInt8], tag: [UInt8], key: SecretBytes, nonce: [UInt8], associatedData: [UInt8], algorithm: Algorithm
    ) throws -> [UInt8] {
        var plaintext = [UInt8](repeating: 0, count: ciphertext.count)
        try ciphertext.withUnsafeBytes { input in
            try plaintext.withUnsafeMutableBytes { output in
                try tag.withUnsafeBytes { tagIn in
                    try nonce.withUnsafeBytes { nonceIn in
                        try associatedData.withUnsafeBytes { aad in
                            try openRaw(input, into: output, tag: tagIn, key: key, nonce: nonceIn, associatedData: aad, algorithm: algorithm)
                        }
                    }
                }
            }
        }
        return plaintext
    }

    static func cipher(for algorithm: Algorithm, keyLength: Int) throws -> OpaquePointer {
        let fetched: FetchedCipher
        switch (algorithm, keyLength) {
        case (.aesGCM, 16): fetched = .aes128GCM
        case (.aesGCM, 24): fetched = .aes192GCM
        case (.aesGCM, 32): fetched = .aes256GCM
        case (.chaCha20Poly1305, 32): fetched = .chaCha20Poly1305
        default: throw VaultCryptoError.invalidParameter("key length")
        }
        guard let pointer = fetched.pointer else { throw VaultCryptoError.libraryFailure("cipher unavailable") }
        return pointer
    }

    /// Longest AES-GCM nonce libcrypto 3.0 accepts: 1024 bits (`GCM_IV_MAX_SIZE`), i.e. 128 bytes.
    static let maximumGCMNonceLength = 128

    static func checkNonce(_ count: Int, algorithm: Algorithm) throws {
        switch algorithm {
        case .aesGCM where count >= 1 && count <= maximumGCMNonceLength: return
        case .chaCha20Poly1305 where count == 12: return
        default: throw VaultCryptoError.invalidParameter("nonce length")
        }
    }

    static func prepare(
        _ context: CipherContext, encrypt: Bool, key: SecretBytes, nonce: UnsafeRawBufferPointer,
        associatedData: UnsafeRawBufferPointer, algorithm: Algorithm
    ) throws {
        try checkNonce(nonce.count, algorithm: algorithm)
        let cipher = try cipher(for: algorithm, keyLength: key.count)
        let enc: Int32 = encrypt ? 1 : 0
        guard EVP_CipherInit_ex2(context.pointer, cipher, nil, nil, enc, nil) == 1,
              EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_AEAD_SET_IVLEN, Int32(nonce.count), nil) == 1
        else { throw VaultCryptoError.libraryFailure("cipher init") }
        let keyed = key.withUnsafeBytes { keyBytes in
            withNonNullBytes(nonce) { noncePointer, _ in
                EVP_CipherInit_ex2(context.pointer, nil, keyBytes.baseAddress!.assumingMemoryBound(to: UInt8.self), noncePointer, enc, nil)
            }
        }
        guard keyed == 1 else { throw VaultCryptoError.libraryFailure("cipher key") }
        if associatedData.count > 0 {
            var outLength: Int32 = 0
            guard EVP_CipherUpdate(context.pointer, nil, &outLength, associatedData.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(associatedData.count)) == 1
            else { throw VaultCryptoError.libraryFailure("cipher aad") }
        }
    }

    /// Encrypts `input` into `output` (same length) and writes the tag into `tag` (16 bytes).
    static func sealRaw(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, tag: UnsafeMutableRawBufferPointer,
        key: SecretBytes, nonce: UnsafeRawBufferPointer, associatedData: UnsafeRawBufferPointer, algorithm: Algorithm
    ) throws {
        guard input.count <= Int(Int32.max) - 32 else { throw VaultCryptoError.invalidParameter("plaintext length") }
        let context = try CipherContext()
        try prepare(context, encrypt: true, key: key, nonce: nonce, associatedData: associatedData, algorithm: algorithm)
        var written: Int32 = 0
        if input.count > 0 {
            guard EVP_CipherUpdate(context.pointer, output.baseAddress!.assumingMemoryBound(to: UInt8.self), &written,
                                   input.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(input.count)) == 1
            else { throw VaultCryptoError.libraryFailure("encrypt") }
        }
        var finalLength: Int32 = 0
        var scratch = [UInt8](repeating: 0, count: 32)
        guard EVP_CipherFinal_ex(context.pointer, &scratch, &finalLength) == 1, Int(written) == input.count, finalLength == 0,
              EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_AEAD_GET_TAG, Int32(tagLength), tag.baseAddress) == 1
        else { throw VaultCryptoError.libraryFailure("encrypt final") }
    }

    /// Decrypts `input` into `output` (same length) after checking `tag` (12 to 16 bytes for
    /// AES-GCM, 16 for ChaCha20-Poly1305). On failure `output` is zeroed.
    static func openRaw(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, tag: UnsafeRawBufferPointer,
        key: SecretBytes, nonce: UnsafeRawBufferPointer, associatedData: UnsafeRawBufferPointer, algorithm: Algorithm
    ) throws {
        let tagRange = algorithm == .aesGCM ? 12...16 : 16...16
        guard tagRange.contains(tag.count) else { throw VaultCryptoError.authenticationFailed }
        guard input.count <= Int(Int32.max) - 32 else { throw VaultCryptoError.invalidParameter("ciphertext length") }
        let context = try CipherContext()
        try prepare(context, encrypt: false, key: key, nonce: nonce, associatedData: associatedData, algorithm: algorithm)
        var written: Int32 = 0
        if input.count > 0 {
            guard EVP_CipherUpdate(context.pointer, output.baseAddress!.assumingMemoryBound(to: UInt8.self), &written,
                                   input.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(input.count)) == 1
            else { throw VaultCryptoError.libraryFailure("decrypt") }
        }
        var tagCopy = Array(tag)
        guard EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_AEAD_SET_TAG, Int32(tag.count), &tagCopy) == 1
        else { throw VaultCryptoError.libraryFailure("decrypt tag") }
        var finalLength: Int32 = 0
        var scratch = [UInt8](repeating: 0, count: 32)
        guard EVP_CipherFinal_ex(context.pointer, &scratch, &finalLength) == 1 else {
            if let base = output.baseAddress, output.count > 0 { OPENSSL_cleanse(base, output.count) }
            throw VaultCryptoError.authenticationFailed
        }
    }
}
