import VaultCrypto

/// The age reader's inner parts, reachable by the fuzz targets (`Fuzz/Targets`) without
/// `@testable`: the header parser alone, and the payload (STREAM) under a known file key, which a
/// fuzzer could never reach through `AgeDecryptor` (it cannot forge the header MAC). SPI
/// (`@_spi(Fuzzing)`), so the module's public API is unchanged.
@_spi(Fuzzing) public enum AgeFuzzing {
    /// The header of `file` as the parser reads it: each stanza written out again (`-> type
    /// args…` and its wrapped body), and where the payload starts.
    public static func header(_ file: [UInt8]) throws -> (stanzas: [[UInt8]], payloadStart: Int) {
        let header = try AgeHeaderParser.parse(file)
        return (header.stanzas.map { $0.encoded() }, header.payloadStart)
    }

    /// A complete header (version line, `stanzas` as `header` gives them, MAC under `fileKey`).
    public static func encodeHeader(_ stanzas: [[UInt8]], fileKey: SecretBytes) throws -> [UInt8] {
        var output = AgeFormat.versionLine + [0x0a]
        for stanza in stanzas { output += stanza }
        output += Array("---".utf8)
        let mac = try AgeHeader.mac(of: output[...], fileKey: fileKey)
        return output + Array(" ".utf8) + AgeBase64.encode(mac) + [0x0a]
    }

    /// The plaintext of `payload` (nonce and sealed chunks) under `fileKey`.
    public static func openPayload(_ payload: [UInt8], fileKey: SecretBytes) throws -> [UInt8] {
        var plaintext: [UInt8] = []
        try AgePayload.open(payload, from: 0, fileKey: fileKey) { plaintext += $0 }
        return plaintext
    }

    /// `plaintext` sealed as a payload under `fileKey`, with a fresh nonce.
    public static func sealPayload(_ plaintext: [UInt8], fileKey: SecretBytes) throws -> [UInt8] {
        var payload = [UInt8](repeating: 0, count: AgePayload.sealedLength(plaintext.count))
        try payload.withUnsafeMutableBytes { try AgePayload.seal(plaintext, fileKey: fileKey, into: $0) }
        return payload
    }
}
