/// The proof that a suppression pattern protects: for every hidden count, the interval an
/// attacker who knows every published count, every sum and that counts are non-negative
/// integers can narrow it to, computed by integer programming. A pattern is safe when every
/// interval is at least `threshold` wide (`max − min ≥ threshold`, or unbounded) and no count
/// from 1 to `threshold − 1` is published.
public struct ProtectionAudit: Sendable, Equatable {
    /// The attacker's interval for one hidden count; `max` nil when nothing bounds it.
    public struct Interval: Sendable, Equatable {
        public let min: Int
        public let max: Int?

        public init(min: Int, max: Int?) {
            self.min = min
            self.max = max
        }

        /// `max − min`, nil when unbounded.
        public var width: Int? { max.map { $0 - min } }

        func isWide(_ threshold: Int) -> Bool { width.map { $0 >= threshold } ?? true }
    }

    public let threshold: Int
    public let intervals: [CellKey: Interval]
    /// Small counts the pattern publishes (an earlier release decided to show them, and the
    /// counts have changed since), in key order.
    public let publishedSmall: [CellKey]

    /// Counts the pattern does not protect: hidden ones an attacker can narrow below the
    /// threshold, and small ones it shows; in key order.
    public var exposed: [CellKey] { (narrowed + publishedSmall).sorted() }

    /// Hidden counts an attacker can narrow below the threshold, in key order.
    public var narrowed: [CellKey] { intervals.filter { !$0.value.isWide(threshold) }.keys.sorted() }

    public var isSafe: Bool { exposed.isEmpty }

    /// Audits `hidden` (keys of `counts`) at `threshold`: the interval of each of them, or only
    /// of those in `checking`.
    public static func audit(_ counts: LinkedCounts, hidden: Set<CellKey>, threshold: Int,
                             checking: Set<CellKey>? = nil) throws(DisclosureError) -> ProtectionAudit {
        let columns = try Set(hidden.map { key throws(DisclosureError) -> Int in
            guard let column = counts.variable(key) else { throw .badTable }
            return column
        })
        let program = IntegerProgram(counts, hidden: columns)
        var intervals: [CellKey: Interval] = [:]
        for column in columns.sorted() where checking?.contains(counts.keys[column]) ?? true {
            let (low, high) = try program.interval(of: column)
            intervals[counts.keys[column]] = Interval(min: low, max: high)
        }
        let publishedSmall = counts.keys.indices.filter { !columns.contains($0) && (1..<threshold).contains(counts.values[$0]) }
        return ProtectionAudit(threshold: threshold, intervals: intervals, publishedSmall: publishedSmall.map { counts.keys[$0] }.sorted())
    }
}
