import VaultCrypto

/// The `X25519` recipient stanza: `-> X25519 <ephemeral share>`, the file key wrapped under
/// HKDF(shared secret, share ‖ recipient, "age-encryption.org/v1/X25519").
enum AgeX25519Stanza {
    static let type = "X25519"

    private static func wrapKey(sharedSecret: SecretBytes, share: [UInt8], recipient: [UInt8]) throws -> SecretBytes {
        try HKDFSHA256.deriveKey(inputKey: sharedSecret, salt: share + recipient, info: AgeFormat.x25519Label, length: 32)
    }

    /// A stanza wrapping `fileKey` to `recipient` with a fresh ephemeral key; `invalidKey` for a
    /// low-order recipient (all-zero shared secret).
    static func wrap(_ fileKey: SecretBytes, to recipient: AgeRecipient) throws -> AgeStanza {
        let ephemeral = try X25519PrivateKey.generate()
        let share = try ephemeral.publicKey()
        let secret: SecretBytes
        do {
            secret = try ephemeral.sharedSecret(with: recipient.publicKey)
        } catch VaultCryptoError.invalidParameter {
            throw AgeError.invalidKey
        }
        let key = try wrapKey(sharedSecret: secret, share: share, recipient: recipient.publicKey)
        return AgeStanza(type: type, arguments: [String(decoding: AgeBase64.encode(share), as: UTF8.self)],
                         body: try AgeFileKeyWrap.wrap(fileKey, key: key))
    }

    /// The file key if `stanza` is for `identity`; nil if it is not; `headerFailure` for a
    /// malformed stanza or a low-order share (all-zero shared secret).
    static func unwrap(_ stanza: AgeStanza, with identity: AgeIdentity) throws -> SecretBytes? {
        guard stanza.arguments.count == 1, let share = AgeBase64.decode(stanza.arguments[0].utf8), share.count == 32,
              stanza.body.count == AgeFileKeyWrap.bodyLength
        else { throw AgeError.headerFailure }
        let secret: SecretBytes
        do {
            secret = try identity.privateKey.sharedSecret(with: share)
        } catch VaultCryptoError.invalidParameter {
            throw AgeError.headerFailure
        }
        let key = try wrapKey(sharedSecret: secret, share: share, recipient: identity.recipient.publicKey)
        return try AgeFileKeyWrap.unwrap(stanza.body, key: key)
    }
}
