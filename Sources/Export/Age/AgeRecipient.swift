/// An X25519 public key that an age file can be encrypted to, written `age1…`: what a partner
/// service hands over so that an export can be opened only with its own identity.
public struct AgeRecipient: Sendable, Equatable, CustomStringConvertible {
    /// The 32-byte X25519 public key.
    public let publicKey: [UInt8]

    /// A recipient from a raw 32-byte X25519 public key.
    public init(publicKey: [UInt8]) throws {
        guard publicKey.count == 32 else { throw AgeError.invalidKey }
        self.publicKey = publicKey
    }

    /// Parses `age1…`; only the lowercase form is accepted, as age requires.
    public init(parsing text: String) throws {
        guard let (hrp, data) = Bech32.decode(Array(text.utf8)), hrp == Array("age".utf8) else { throw AgeError.invalidKey }
        try self.init(publicKey: data)
    }

    /// The `age1…` form.
    public var description: String { String(decoding: Bech32.encode(hrp: "age", data: publicKey), as: UTF8.self) }
}
