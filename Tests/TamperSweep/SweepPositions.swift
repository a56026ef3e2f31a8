import Foundation

/// Which byte positions a sweep flips: `all` of them, or `sample:N`: every byte of the SQLite
/// file header (the first 100) and N more drawn with the seed from the rest.
enum SweepPositions {
    static func choose(_ spec: String, vault: String, size: Int, seed: UInt64) throws -> [Int] {
        if spec == "all" { return Array(0..<size) }
        guard spec.hasPrefix("sample:"), let count = Int(spec.dropFirst("sample:".count)) else {
            throw SweepFailure("positions must be all or sample:N")
        }
        let page = min(100, size)
        var generator = SeededGenerator(seed: seed)
        var rest = Set<Int>()
        while rest.count < min(count, size - page) { rest.insert(Int.random(in: page..<size, using: &generator)) }
        return Array(0..<page) + rest.sorted()
    }
}

/// SplitMix64: a repeatable random source for the sampled positions.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
