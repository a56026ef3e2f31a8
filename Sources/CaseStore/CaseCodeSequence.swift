import Foundation

/// Case codes in a fixed order from a seed, for a demo vault of invented people only: its
/// walkthrough can name the same codes on every run. Real vaults never use it (their
/// `VaultOptions.caseCodes` is nil, so each code is 40 bits from `SecureRandom`); nothing about
/// it is stored in the vault, so a vault reopened later draws random codes again.
public final class CaseCodeSequence: @unchecked Sendable {
    private let lock = NSLock()
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// The next code of the sequence (SplitMix64, its top 40 bits).
    func next() -> CaseCode {
        let bits: UInt64 = lock.withLock {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return (mixed ^ (mixed >> 31)) >> 24
        }
        return CaseCode(bits: bits)
    }
}
