import VaultCrypto

/// Writes age v1 files (c2sp.org/age), the encrypted form of exports: to one or more X25519
/// recipients, or to a passphrase alone. Every file has a fresh random file key and nonce.
public enum AgeEncryptor {
    /// Encrypts `plaintext` so that any one of `recipients` (at least one) can open it.
    public static func encrypt(_ plaintext: [UInt8], to recipients: [AgeRecipient]) throws -> [UInt8] {
        guard !recipients.isEmpty else { throw AgeError.invalidKey }
        let fileKey = try SecretBytes.random(count: AgeFormat.fileKeyLength)
        return try file(plaintext, fileKey: fileKey, stanzas: recipients.map { try AgeX25519Stanza.wrap(fileKey, to: $0) })
    }

    /// Encrypts `plaintext` to `passphrase` (its UTF-8 bytes) with scrypt at 2^`workFactor`
    /// (1 to 22; age's own default, 18, unless a test needs it faster).
    public static func encrypt(_ plaintext: [UInt8], passphrase: SecretBytes, workFactor: UInt8 = 18) throws -> [UInt8] {
        guard passphrase.count > 0 else { throw AgeError.invalidKey }
        let fileKey = try SecretBytes.random(count: AgeFormat.fileKeyLength)
        let stanza = try AgeScryptStanza.wrap(fileKey, passphrase: passphrase, workFactor: workFactor)
        return try file(plaintext, fileKey: fileKey, stanzas: [stanza])
    }

    private static func file(_ plaintext: [UInt8], fileKey: SecretBytes, stanzas: [AgeStanza]) throws -> [UInt8] {
        let header = try AgeHeader.encode(stanzas, fileKey: fileKey)
        let length = header.count + AgePayload.sealedLength(plaintext.count)
        // Written once, without first zeroing the whole file.
        return try [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
            let output = UnsafeMutableRawBufferPointer(buffer)
            output.copyBytes(from: header)
            try AgePayload.seal(plaintext, fileKey: fileKey, into: UnsafeMutableRawBufferPointer(rebasing: output[header.count...]))
            initialized = length
        }
    }
}
