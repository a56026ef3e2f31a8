/// The fixed strings and sizes of age v1 (c2sp.org/age).
enum AgeFormat {
    static let versionLine = Array("age-encryption.org/v1".utf8)
    static let columns = 64
    static let fileKeyLength = 16
    static let macLength = 32
    static let nonceLength = 16
    static let chunkLength = 64 * 1024
    static let tagLength = 16
    static let x25519Label = Array("age-encryption.org/v1/X25519".utf8)
    static let scryptLabel = Array("age-encryption.org/v1/scrypt".utf8)
    /// The only work factors age accepts on reading: more would make opening a hostile file
    /// take minutes and gigabytes.
    static let scryptWorkFactors: ClosedRange<UInt8> = 1...22
}
