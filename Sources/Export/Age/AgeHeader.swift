import VaultCrypto

/// A parsed age header: its stanzas, its MAC, the bytes the MAC covers (from the version line
/// through `---`) and where the payload starts.
struct AgeHeader {
    var stanzas: [AgeStanza]
    var mac: [UInt8]
    var authenticatedRange: Range<Int>
    var payloadStart: Int

    /// HMAC-SHA-256 of `bytes` under HKDF(file key, "", "header").
    static func mac(of bytes: ArraySlice<UInt8>, fileKey: SecretBytes) throws -> [UInt8] {
        let key = try HKDFSHA256.deriveKey(inputKey: fileKey, salt: [], info: Array("header".utf8), length: 32)
        return try bytes.withUnsafeBytes { try HMACSHA256.authenticationCode(for: $0, key: key) }
    }

    /// The complete header for `stanzas`, MAC and final newline included.
    static func encode(_ stanzas: [AgeStanza], fileKey: SecretBytes) throws -> [UInt8] {
        var output = AgeFormat.versionLine + [0x0a]
        for stanza in stanzas { output += stanza.encoded() }
        output += Array("---".utf8)
        let mac = try mac(of: output[...], fileKey: fileKey)
        return output + Array(" ".utf8) + AgeBase64.encode(mac) + [0x0a]
    }

    /// Checks the MAC in constant time.
    func verify(file: [UInt8], fileKey: SecretBytes) throws {
        let expected = try Self.mac(of: file[authenticatedRange], fileKey: fileKey)
        guard ConstantTime.equal(expected, mac) else { throw AgeError.hmacFailure }
    }
}
