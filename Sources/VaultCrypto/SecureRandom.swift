internal import COpenSSL

/// Random bytes from the libcrypto CSPRNG (`RAND_bytes`), the only randomness CaseVault uses
/// for keys, nonces, salts and case codes.
public enum SecureRandom {
    /// `count` random bytes; throws if the generator is not seeded.
    public static func bytes(count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        guard count > 0 else { return bytes }
        let status = bytes.withUnsafeMutableBytes { RAND_bytes($0.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(count)) }
        guard status == 1 else { throw VaultCryptoError.libraryFailure("random") }
        return bytes
    }

    /// A uniformly random integer in `0..<upperBound` (rejection sampling, no modulo bias).
    public static func uniform(below upperBound: UInt32) throws -> UInt32 {
        precondition(upperBound > 0)
        let limit = UInt32.max - UInt32.max % upperBound
        while true {
            let raw = try bytes(count: 4).withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }
            if raw < limit { return raw % upperBound }
        }
    }
}
