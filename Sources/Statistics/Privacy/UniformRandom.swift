internal import VaultCrypto

/// A source of uniformly random integers: the one seam through which differential-privacy noise
/// gets its randomness. Production uses `SystemRandom`; tests pass a seeded generator so the
/// statistical checks of the sampler are reproducible.
public protocol UniformRandom {
    /// A uniformly random integer in `0..<bound`; `bound` is at least 1.
    mutating func below(_ bound: UInt64) throws -> UInt64
}

/// Uniform integers from the libcrypto CSPRNG (through `SecureRandom`), by rejection sampling so
/// no value is favoured (no modulo bias). Noise must come from a secure source: an adversary who
/// could predict it could subtract it.
///
/// It keeps no buffer of random bytes on purpose: it is a value type, and a copy of a buffered
/// generator would hand out the same bytes twice, so two "independent" noise draws would cancel.
public struct SystemRandom: UniformRandom, Sendable {
    public init() {}

    /// Draws 8 bytes at a time and rejects the few raw values below `2^64 mod bound`, so that the
    /// accepted range holds every residue equally often. Throws `NoiseError.randomSourceFailed`
    /// if the generator is unavailable.
    public mutating func below(_ bound: UInt64) throws -> UInt64 {
        precondition(bound >= 1, "below(_:) needs a bound of at least 1")
        let threshold = (0 &- bound) % bound  // 2^64 mod bound
        while true {
            let raw: UInt64
            do {
                raw = try SecureRandom.bytes(count: 8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            } catch {
                throw NoiseError.randomSourceFailed
            }
            if raw >= threshold { return raw % bound }
        }
    }
}
