/// A small, fixed pseudo-random generator (SplitMix64) for the demo data: the same seed gives
/// the same cases on every machine and every Swift version, because every draw goes through
/// the helpers below rather than the standard library's sampling algorithms.
/// Not for anything secret: keys and case codes come from `SecureRandom`.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A number in `0..<bound` (0 when `bound` is not positive).
    mutating func below(_ bound: Int) -> Int {
        guard bound > 0 else { return 0 }
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A number in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// True in about `percent` of the draws.
    mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }

    /// One element of a non-empty list, every element equally likely.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }

    /// One value of a non-empty list of (value, weight) pairs, in proportion to the weights.
    mutating func weighted<Value>(_ choices: [(Value, Int)]) -> Value {
        var remaining = below(choices.reduce(0) { $0 + max($1.1, 0) })
        for (value, weight) in choices where weight > 0 {
            if remaining < weight { return value }
            remaining -= weight
        }
        return choices[choices.count - 1].0
    }
}
