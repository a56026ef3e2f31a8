internal import COpenSSL

/// HMAC-SHA256, the keyed hash behind blind indexes.
public enum HMACSHA256 {
    /// Length of an untruncated tag in bytes.
    public static let length = 32

    /// The full 32-byte authentication code of `message` under `key`.
    public static func authenticationCode(for message: [UInt8], key: SecretBytes) throws -> [UInt8] {
        try message.withUnsafeBytes { try authenticationCode(for: $0, key: key) }
    }

    /// The same over a raw buffer.
    public static func authenticationCode(for message: UnsafeRawBufferPointer, key: SecretBytes) throws -> [UInt8] {
        let digest = try FetchedDigest.sha256.require()
        var output = [UInt8](repeating: 0, count: length)
        var outLength: UInt32 = 0
        let result = key.withUnsafeBytes { keyBytes in
            withNonNullBytes(keyBytes) { keyPointer, keyCount in
                withNonNullBytes(message) { messagePointer, messageCount in
                    HMAC(digest, keyPointer, Int32(keyCount), messagePointer, messageCount, &output, &outLength)
                }
            }
        }
        guard result != nil, outLength == length else { throw VaultCryptoError.libraryFailure("hmac") }
        return output
    }

    /// Checks a (possibly truncated, at least 16-byte) tag in constant time.
    public static func isValid(_ tag: [UInt8], for message: [UInt8], key: SecretBytes) throws -> Bool {
        guard tag.count >= 16, tag.count <= length else { return false }
        let expected = try authenticationCode(for: message, key: key)
        return ConstantTime.equal(Array(expected.prefix(tag.count)), tag)
    }
}
