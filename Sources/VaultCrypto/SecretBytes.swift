internal import COpenSSL

/// Key material that zeroes itself (with `OPENSSL_cleanse`) when the last reference goes away.
/// Every key in CaseVault lives in one of these, never in a plain array that outlives its use.
public final class SecretBytes: @unchecked Sendable {
    private let storage: UnsafeMutableRawBufferPointer
    private let release: @Sendable (UnsafeMutableRawBufferPointer) -> Void

    /// Copies `bytes` into protected storage. The caller should cleanse its own copy if it can.
    public convenience init<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        self.init(bytes, releasingWith: { $0.deallocate() })
    }

    /// Copies `bytes` into protected storage that `release` frees after the bytes were cleansed:
    /// the seam through which a test inspects the region a released secret leaves behind.
    @_spi(Testing)
    public init<Bytes: Collection>(_ bytes: Bytes, releasingWith release: @escaping @Sendable (UnsafeMutableRawBufferPointer) -> Void)
        where Bytes.Element == UInt8 {
        storage = .allocate(byteCount: max(bytes.count, 1), alignment: 16)
        storage.initializeMemory(as: UInt8.self, repeating: 0)
        _ = UnsafeMutableRawBufferPointer(rebasing: storage[0..<bytes.count]).initializeMemory(as: UInt8.self, from: bytes)
        count = bytes.count
        self.release = release
    }

    /// Fresh random key material from the libcrypto CSPRNG.
    public static func random(count: Int) throws -> SecretBytes {
        var bytes = try SecureRandom.bytes(count: count)
        defer { Self.cleanse(&bytes) }
        return SecretBytes(bytes)
    }

    /// Number of secret bytes.
    public let count: Int

    /// Gives temporary read access to the secret bytes; do not let the pointer escape.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(rebasing: storage[0..<count]))
    }

    /// A copy of the bytes as an array, for serialising into a sealed container. The caller owns
    /// the copy and should cleanse it with `SecretBytes.cleanse(_:)` after use.
    public func copyBytes() -> [UInt8] {
        withUnsafeBytes { Array($0) }
    }

    /// Constant-time equality of two secrets.
    public func isEqual(to other: SecretBytes) -> Bool {
        withUnsafeBytes { mine in other.withUnsafeBytes { theirs in ConstantTime.equal(mine, theirs) } }
    }

    /// Overwrites an array holding secret bytes.
    public static func cleanse(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress { OPENSSL_cleanse(base, buffer.count) }
        }
    }

    deinit {
        OPENSSL_cleanse(storage.baseAddress, storage.count)
        release(storage)
    }
}
