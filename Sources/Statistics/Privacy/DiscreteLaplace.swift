/// Errors of differential-privacy noise. They name what went wrong, never a count.
public enum NoiseError: Error, Equatable, Sendable {
    /// A scale of zero (a zero numerator or denominator).
    case invalidScale
    /// A sensitivity below 1.
    case invalidSensitivity
    /// An intermediate product or sum would not fit in 64 bits: the scale or a count is absurd.
    case overflow
    /// The secure random generator failed.
    case randomSourceFailed
}

/// The discrete Laplace distribution (the two-sided geometric mechanism): P(k) ∝ exp(−|k|/scale)
/// over the integers. Adding one draw to a count of sensitivity Δ with scale Δ/ε gives pure ε-DP.
///
/// It exists because floating-point Laplace noise leaks (Mironov 2012): this sampler uses integer
/// arithmetic only, is exact for a rational scale, and takes its randomness from a `UniformRandom`.
/// It follows Canonne, Kamath and Steinke 2020, "The Discrete Gaussian for Differential Privacy"
/// (arXiv:2004.00010), Algorithm 1 (Bernoulli(exp(−γ)) for rational γ) and Algorithm 2 (discrete
/// Laplace with a rational scale), the same algorithms as OpenDP's `sample_discrete_laplace`.
public struct DiscreteLaplace: Sendable, Equatable {
    /// The scale is `numerator / denominator`, kept in lowest terms.
    public let numerator: UInt64
    public let denominator: UInt64

    /// A distribution with scale `numerator / denominator`; both must be positive.
    public init(numerator: UInt64, denominator: UInt64) throws(NoiseError) {
        guard numerator > 0, denominator > 0 else { throw NoiseError.invalidScale }
        let divisor = Self.gcd(numerator, denominator)
        self.numerator = numerator / divisor
        self.denominator = denominator / divisor
    }

    /// The noise for releasing a count of the given sensitivity under budget ε:
    /// scale = sensitivity / ε = sensitivity · 10000 / ε.units, exactly.
    public init(epsilon: Epsilon, sensitivity: Int) throws(NoiseError) {
        guard sensitivity >= 1 else { throw NoiseError.invalidSensitivity }
        let (scaled, overflow) = UInt64(sensitivity).multipliedReportingOverflow(by: UInt64(Epsilon.unitsPerOne))
        guard !overflow else { throw NoiseError.overflow }
        try self.init(numerator: scaled, denominator: UInt64(epsilon.units))
    }

    /// One draw (Algorithm 2 with t = numerator, s = denominator). Throws `NoiseError.overflow`
    /// if the scale is so large that an intermediate value or the result leaves 64 bits.
    public func sample<R: UniformRandom>(using random: inout R) throws -> Int {
        let t = numerator, s = denominator
        while true {
            // X = U + t·V is geometric with parameter exp(−1/t): U uniform in 0..<t accepted with
            // probability exp(−U/t), V the number of successes of Bernoulli(exp(−1)) before a failure.
            let u = try random.below(t)
            guard try Self.bernoulliExpMinus(u, over: t, using: &random) else { continue }
            var v: UInt64 = 0
            while try Self.bernoulliExpMinus(1, over: 1, using: &random) {
                v = try Self.checked(v.addingReportingOverflow(1))
            }
            let x = try Self.checked(u.addingReportingOverflow(try Self.checked(t.multipliedReportingOverflow(by: v))))
            let y = x / s  // geometric with parameter exp(−s/t)
            let negative = try random.below(2) == 1
            if negative && y == 0 { continue }  // zero must not be counted twice
            guard y <= UInt64(Int.max) else { throw NoiseError.overflow }
            return negative ? -Int(y) : Int(y)
        }
    }

    /// Bernoulli(exp(−n/d)), exactly (Algorithm 1). For γ = n/d ≤ 1: count K up while
    /// Bernoulli(γ/K) trials succeed; the result is whether K ends odd. For γ > 1: ⌊γ⌋ draws of
    /// Bernoulli(exp(−1)) must all succeed, then one Bernoulli(exp(−(γ − ⌊γ⌋))).
    static func bernoulliExpMinus<R: UniformRandom>(_ n: UInt64, over d: UInt64, using random: inout R) throws -> Bool {
        if n <= d {
            var k: UInt64 = 1
            while true {
                // Bernoulli(n / (d·k)): a uniform value in 0..<d·k falls below n.
                let range = try checked(d.multipliedReportingOverflow(by: k))
                if try random.below(range) >= n { return k % 2 == 1 }
                k = try checked(k.addingReportingOverflow(1))
            }
        }
        for _ in 0..<(n / d) {
            guard try bernoulliExpMinus(1, over: 1, using: &random) else { return false }
        }
        return try bernoulliExpMinus(n % d, over: d, using: &random)
    }

    private static func checked(_ result: (partialValue: UInt64, overflow: Bool)) throws(NoiseError) -> UInt64 {
        guard !result.overflow else { throw NoiseError.overflow }
        return result.partialValue
    }

    private static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}
