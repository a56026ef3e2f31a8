@testable import Statistics
import XCTest

/// A seeded, deterministic `UniformRandom` (SplitMix64 with unbiased rejection), so the
/// statistical checks below give the same result on every run. Tests only.
struct SeededRandom: UniformRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: UInt64) throws -> UInt64 {
        let threshold = (0 &- bound) % bound
        while true {
            let raw = next()
            if raw >= threshold { return raw % bound }
        }
    }
}

final class DiscreteLaplaceTests: XCTestCase {
    /// χ² with 11 degrees of freedom (values −5…5 and one bin for the tails): the 0.1% critical
    /// value is 31.3. Above 40 we call the sample inconsistent with the pmf.
    private let chiSquareLimit = 40.0

    // MARK: Distribution

    func testScaleOneMatchesThePmfAndRejectsAScaleTwentyPercentOff() throws {
        let counts = try histogram(try DiscreteLaplace(epsilon: Epsilon("1"), sensitivity: 1), samples: 200_000, seed: 1)
        XCTAssertLessThan(chiSquare(counts, scale: 1), chiSquareLimit)
        XCTAssertGreaterThan(chiSquare(counts, scale: 1.2), chiSquareLimit)
        XCTAssertGreaterThan(chiSquare(counts, scale: 0.8), chiSquareLimit)
    }

    func testScaleTwoMatchesThePmfAndRejectsAScaleTwentyPercentOff() throws {
        let noise = try DiscreteLaplace(epsilon: Epsilon("0.5"), sensitivity: 1)
        XCTAssertEqual([noise.numerator, noise.denominator], [2, 1])
        let counts = try histogram(noise, samples: 200_000, seed: 2)
        XCTAssertLessThan(chiSquare(counts, scale: 2), chiSquareLimit)
        XCTAssertGreaterThan(chiSquare(counts, scale: 2.4), chiSquareLimit)
        XCTAssertGreaterThan(chiSquare(counts, scale: 1.6), chiSquareLimit)
    }

    func testNonIntegerRationalScale() throws {
        let noise = try DiscreteLaplace(epsilon: Epsilon("0.3"), sensitivity: 1)
        XCTAssertEqual([noise.numerator, noise.denominator], [10, 3])
        let counts = try histogram(noise, samples: 100_000, seed: 3)
        XCTAssertLessThan(chiSquare(counts, scale: 10.0 / 3), chiSquareLimit)
        XCTAssertGreaterThan(chiSquare(counts, scale: 4), chiSquareLimit)
    }

    func testSensitivityMultipliesTheScale() throws {
        let noise = try DiscreteLaplace(epsilon: Epsilon("0.75"), sensitivity: 3)
        XCTAssertEqual([noise.numerator, noise.denominator], [4, 1])
    }

    func testSymmetricAroundZero() throws {
        let noise = try DiscreteLaplace(epsilon: Epsilon("1"), sensitivity: 1)
        var random = SeededRandom(seed: 4)
        var sum = 0, positive = 0, negative = 0
        let samples = 100_000
        for _ in 0..<samples {
            let value = try noise.sample(using: &random)
            sum += value
            if value > 0 { positive += 1 } else if value < 0 { negative += 1 }
        }
        // Variance at scale 1 is 2p/(1−p)² ≈ 1.84, so the mean's standard error is about 0.004.
        XCTAssertLessThan(abs(Double(sum) / Double(samples)), 0.02)
        XCTAssertLessThan(abs(positive - negative), 1_000)
    }

    func testBernoulliOfExpMinusGammaIncludingGammaAboveOne() throws {
        var random = SeededRandom(seed: 5)
        for (n, d) in [(UInt64(0), UInt64(1)), (1, 2), (1, 1), (5, 2), (7, 3)] {
            let trials = 40_000
            var successes = 0
            for _ in 0..<trials where try DiscreteLaplace.bernoulliExpMinus(n, over: d, using: &random) { successes += 1 }
            let expected = exp(-Double(n) / Double(d))
            let standardError = (expected * (1 - expected) / Double(trials)).squareRoot()
            XCTAssertEqual(Double(successes) / Double(trials), expected, accuracy: 5 * standardError + 1e-9, "γ = \(n)/\(d)")
        }
    }

    // MARK: Scales and overflow

    func testRefusesZeroScaleAndSensitivity() throws {
        XCTAssertThrowsError(try DiscreteLaplace(numerator: 0, denominator: 1)) { XCTAssertEqual($0 as? NoiseError, .invalidScale) }
        XCTAssertThrowsError(try DiscreteLaplace(numerator: 1, denominator: 0)) { XCTAssertEqual($0 as? NoiseError, .invalidScale) }
        XCTAssertThrowsError(try DiscreteLaplace(epsilon: Epsilon("1"), sensitivity: 0)) {
            XCTAssertEqual($0 as? NoiseError, .invalidSensitivity)
        }
    }

    func testAbsurdScaleThrowsInsteadOfCrashing() throws {
        XCTAssertThrowsError(try DiscreteLaplace(epsilon: Epsilon("1"), sensitivity: .max)) { XCTAssertEqual($0 as? NoiseError, .overflow) }
        let noise = try DiscreteLaplace(numerator: .max, denominator: 1)
        var random = SeededRandom(seed: 6)
        var overflows = 0
        for _ in 0..<50 {
            do {
                _ = try noise.sample(using: &random)
            } catch NoiseError.overflow {
                overflows += 1
            }
        }
        XCTAssertGreaterThan(overflows, 0)
    }

    // MARK: SystemRandom

    func testSystemRandomBounds() throws {
        var random = SystemRandom()
        for _ in 0..<100 {
            XCTAssertEqual(try random.below(1), 0)
            XCTAssertLessThan(try random.below(UInt64.max), UInt64.max)  // rejects only raw 0
            XCTAssertLessThan(try random.below(1 << 63 + 1), 1 << 63 + 1)  // rejects almost half
        }
        var seen = Set<UInt64>()
        for _ in 0..<600 { seen.insert(try random.below(6)) }
        XCTAssertEqual(seen, Set(0...5))
    }

    func testSystemRandomDrivesTheSampler() throws {
        var random = SystemRandom()
        let noise = try DiscreteLaplace(epsilon: Epsilon("1"), sensitivity: 1)
        let values = try (0..<200).map { _ in try noise.sample(using: &random) }
        XCTAssertTrue(values.contains(0))
        XCTAssertTrue(values.contains { $0 != 0 })
    }

    // MARK: Helpers

    /// Counts of the values −5…5 (indices 0…10) and of everything beyond (index 11).
    private func histogram(_ noise: DiscreteLaplace, samples: Int, seed: UInt64) throws -> [Int] {
        var random = SeededRandom(seed: seed)
        var counts = [Int](repeating: 0, count: 12)
        for _ in 0..<samples {
            let value = try noise.sample(using: &random)
            counts[abs(value) <= 5 ? value + 5 : 11] += 1
        }
        return counts
    }

    /// Pearson's χ² of the histogram against P(k) = (1−p)/(1+p)·p^|k|, p = exp(−1/scale).
    private func chiSquare(_ counts: [Int], scale: Double) -> Double {
        let p = exp(-1 / scale)
        let n = Double(counts.reduce(0, +))
        var expected = (-5...5).map { k in n * (1 - p) / (1 + p) * pow(p, Double(abs(k))) }
        expected.append(n * 2 * pow(p, 6) / (1 + p))
        return zip(counts, expected).reduce(0) { $0 + pow(Double($1.0) - $1.1, 2) / $1.1 }
    }
}
