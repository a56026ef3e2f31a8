internal import COpenSSL

/// Comparison whose running time does not depend on where two byte strings differ, for MACs,
/// tags and blind-index values.
public enum ConstantTime {
    /// True when both buffers have the same length and the same bytes.
    public static func equal(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard lhs.count > 0 else { return true }
        return CRYPTO_memcmp(lhs.baseAddress, rhs.baseAddress, lhs.count) == 0
    }

    /// True when both arrays have the same length and the same bytes.
    public static func equal(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        lhs.withUnsafeBytes { l in rhs.withUnsafeBytes { r in equal(l, r) } }
    }
}
