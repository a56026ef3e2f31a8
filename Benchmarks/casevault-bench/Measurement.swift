/// Timing with `ContinuousClock`, and the paired runner that alternates the two subjects.
enum Measure {
    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }

    /// Wall time of `body`, in seconds.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        seconds(try ContinuousClock().measure(body))
    }

    /// Runs `rounds` rounds of the same work on both subjects, alternating which goes first each
    /// round (ABBA) so that neither always sees the warmer cache or the later checkpoint.
    static func paired(rounds: Int, encrypted: (Int) throws -> Void, baseline: (Int) throws -> Void) rethrows
        -> (encrypted: [Double], baseline: [Double]) {
        var a: [Double] = []
        var b: [Double] = []
        a.reserveCapacity(rounds)
        b.reserveCapacity(rounds)
        for round in 0..<rounds {
            if round % 2 == 0 {
                a.append(try time { try encrypted(round) })
                b.append(try time { try baseline(round) })
            } else {
                b.append(try time { try baseline(round) })
                a.append(try time { try encrypted(round) })
            }
        }
        return (a, b)
    }
}

/// Order statistics of one set of timings (seconds). Percentiles are nearest-rank; the median of
/// an even count is the mean of the two middle values.
struct Stats: Codable {
    var count: Int
    var median: Double
    var p99: Double
    var mean: Double
    var min: Double
    var max: Double
    var total: Double

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        count = sorted.count
        guard !sorted.isEmpty else {
            median = .nan; p99 = .nan; mean = .nan; min = .nan; max = .nan; total = 0
            return
        }
        let middle = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        p99 = Self.percentile(sorted, 0.99)
        total = sorted.reduce(0, +)
        mean = total / Double(sorted.count)
        min = sorted[0]
        max = sorted[sorted.count - 1]
    }

    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
    }
}
