import VaultCrypto

/// Reads age v1 files (c2sp.org/age) strictly, as the C2SP CCTV vectors require, with X25519
/// identities or a passphrase. Errors are `AgeError` (or `VaultCryptoError.libraryFailure`).
public enum AgeDecryptor {
    /// What opens a file.
    public enum Credential: Sendable {
        /// Any of these X25519 identities.
        case identities([AgeIdentity])
        /// This passphrase (UTF-8 bytes), for a file whose only stanza is `scrypt`.
        case passphrase(SecretBytes)
    }

    /// The whole plaintext, released only once the file authenticated to its end.
    public static func decrypt(_ file: [UInt8], with credential: Credential) throws -> [UInt8] {
        var plaintext: [UInt8] = []
        // Never reallocated (the payload is shorter than the file), so no copy is left uncleansed.
        plaintext.reserveCapacity(file.count)
        do {
            try decrypt(file, with: credential) { plaintext += $0 }
        } catch {
            SecretBytes.cleanse(&plaintext)
            throw error
        }
        return plaintext
    }

    /// Streams the plaintext chunk by chunk (64 KiB each, the last shorter) to `release` as each
    /// authenticates. When it throws `payloadFailure`, what was released is a prefix of the
    /// plaintext but the file as a whole is not authentic: the caller must discard it.
    public static func decrypt(_ file: [UInt8], with credential: Credential, release: ([UInt8]) throws -> Void) throws {
        let header = try AgeHeaderParser.parse(file)
        let hasScrypt = header.stanzas.contains { $0.type == AgeScryptStanza.type }
        guard !hasScrypt || header.stanzas.count == 1 else { throw AgeError.headerFailure }
        guard let fileKey = try fileKey(header.stanzas, credential: credential) else { throw AgeError.noMatch }
        try header.verify(file: file, fileKey: fileKey)
        try AgePayload.open(file, from: header.payloadStart, fileKey: fileKey, release: release)
    }

    private static func fileKey(_ stanzas: [AgeStanza], credential: Credential) throws -> SecretBytes? {
        for stanza in stanzas {
            switch (credential, stanza.type) {
            case (.identities(let identities), AgeX25519Stanza.type):
                for identity in identities {
                    if let fileKey = try AgeX25519Stanza.unwrap(stanza, with: identity) { return fileKey }
                }
            case (.passphrase(let passphrase), AgeScryptStanza.type):
                if let fileKey = try AgeScryptStanza.unwrap(stanza, passphrase: passphrase) { return fileKey }
            default:
                continue
            }
        }
        return nil
    }
}
