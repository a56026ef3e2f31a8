import VaultCrypto

/// The `scrypt` passphrase stanza: `-> scrypt <16-byte salt> <log2 N>`, the file key wrapped
/// under scrypt(passphrase, "age-encryption.org/v1/scrypt" ‖ salt, N, r = 8, p = 1). It must be
/// the only stanza of its file.
enum AgeScryptStanza {
    static let type = "scrypt"
    private static let saltLength = 16

    private static func wrapKey(passphrase: SecretBytes, salt: [UInt8], workFactor: UInt8) throws -> SecretBytes {
        try Scrypt.deriveKey(passphrase: passphrase, salt: AgeFormat.scryptLabel + salt,
                             parameters: ScryptParameters(logN: workFactor, r: 8, p: 1), length: 32)
    }

    /// A stanza wrapping `fileKey` under `passphrase` with a fresh salt.
    static func wrap(_ fileKey: SecretBytes, passphrase: SecretBytes, workFactor: UInt8) throws -> AgeStanza {
        guard AgeFormat.scryptWorkFactors.contains(workFactor) else { throw AgeError.invalidKey }
        let salt = try SecureRandom.bytes(count: saltLength)
        let key = try wrapKey(passphrase: passphrase, salt: salt, workFactor: workFactor)
        return AgeStanza(type: type, arguments: [String(decoding: AgeBase64.encode(salt), as: UTF8.self), String(workFactor)],
                         body: try AgeFileKeyWrap.wrap(fileKey, key: key))
    }

    /// The work factor written `^[1-9][0-9]*$` and at most 22; nil otherwise (checked before
    /// anything is derived).
    private static func workFactor(_ text: String) -> UInt8? {
        let digits = Array(text.utf8)
        guard let first = digits.first, first != UInt8(ascii: "0"), digits.count <= 2,
              digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let value = UInt8(text), AgeFormat.scryptWorkFactors.contains(value)
        else { return nil }
        return value
    }

    /// The file key if `passphrase` opens `stanza`; nil if it does not; `headerFailure` for a
    /// malformed stanza or a refused work factor.
    static func unwrap(_ stanza: AgeStanza, passphrase: SecretBytes) throws -> SecretBytes? {
        guard stanza.arguments.count == 2, let salt = AgeBase64.decode(stanza.arguments[0].utf8), salt.count == saltLength,
              let workFactor = workFactor(stanza.arguments[1]), stanza.body.count == AgeFileKeyWrap.bodyLength
        else { throw AgeError.headerFailure }
        return try AgeFileKeyWrap.unwrap(stanza.body, key: try wrapKey(passphrase: passphrase, salt: salt, workFactor: workFactor))
    }
}
