import VaultCrypto

/// An X25519 private key that opens age files, written `AGE-SECRET-KEY-1…`; made from that text,
/// from a fresh random key, or from 32 raw bytes (so that the vault can use a user's own X25519
/// exchange key). The key stays in `SecretBytes`; printing an identity shows only its recipient.
public struct AgeIdentity: Sendable, CustomStringConvertible {
    let privateKey: X25519PrivateKey
    /// The recipient whose files this identity opens.
    public let recipient: AgeRecipient

    /// An identity from a raw 32-byte X25519 private key.
    public init(privateKey: SecretBytes) throws {
        guard privateKey.count == 32 else { throw AgeError.invalidKey }
        self.privateKey = try X25519PrivateKey(rawValue: privateKey)
        recipient = try AgeRecipient(publicKey: try self.privateKey.publicKey())
    }

    /// Parses the UTF-8 text `AGE-SECRET-KEY-1…` (upper case only, as age writes it); surrounding
    /// whitespace is not accepted.
    public init(parsing text: SecretBytes) throws {
        var bytes = text.copyBytes()
        defer { SecretBytes.cleanse(&bytes) }
        guard let decoded = Bech32.decode(bytes) else { throw AgeError.invalidKey }
        var data = decoded.data
        defer { SecretBytes.cleanse(&data) }
        guard decoded.hrp == Array("AGE-SECRET-KEY-".utf8), data.count == 32 else { throw AgeError.invalidKey }
        try self.init(privateKey: SecretBytes(data))
    }

    /// `AgeIdentity(age1…)`: the public half only.
    public var description: String { "AgeIdentity(\(recipient))" }

    /// A fresh random identity.
    public static func generate() throws -> AgeIdentity {
        try AgeIdentity(privateKey: try SecretBytes.random(count: 32))
    }

    /// The UTF-8 text `AGE-SECRET-KEY-1…`, as age-keygen writes it (without a newline).
    public func encoded() -> SecretBytes {
        var raw = privateKey.rawValue.copyBytes()
        var text = Bech32.encode(hrp: "age-secret-key-", data: raw)
        defer {
            SecretBytes.cleanse(&raw)
            SecretBytes.cleanse(&text)
        }
        for index in text.indices where text[index] >= UInt8(ascii: "a") && text[index] <= UInt8(ascii: "z") { text[index] -= 32 }
        return SecretBytes(text)
    }
}
