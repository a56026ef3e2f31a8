/// Disclosure control for released counts (docs/statistics.md). Written here because no
/// well-kept Swift library does it; the method follows the cell-suppression literature
/// (τ-ARGUS, sdcTable) in a simple form, and its result is proved by `ProtectionAudit`, not
/// trusted:
///
/// 1. Primary: every count (cell or total) from 1 to `threshold − 1` is hidden, and so is every
///    part of a hidden total, zeros included, so that a small row never shows as "all of them
///    in one cell" (but not a structural zero, the part of a shown empty group).
/// 2. Secondary: while the audit finds a hidden count an attacker can narrow below the
///    threshold, more counts are hidden: the smallest count linked to it by a sum (then two sums
///    away) that makes it wide enough; else, as the hypercube method does, the cheapest rectangle
///    (the count with another category in one dimension, in another, and in both, a margin
///    included) that does; else the count that widens it most. Hiding a count only removes a
///    constraint, so an interval never narrows and the loop only re-audits the counts still
///    exposed; it ends, at worst with everything hidden.
///    A count of at least the threshold that the shown counts pin to one value needs no cover
///    (the attacker knows it already); it is shown at the end if still pinned.
/// 3. The whole pattern is audited again; a release that fails is refused.
public struct CellSuppression: Sendable {
    public static let minimumThreshold = 3
    public static let defaultThreshold = 5

    public let threshold: Int

    public init(threshold: Int = CellSuppression.defaultThreshold) throws(DisclosureError) {
        guard threshold >= Self.minimumThreshold else { throw .thresholdTooLow(threshold) }
        self.threshold = threshold
    }

    /// The protected release of `counts`. `released` holds keys an earlier release of the same
    /// counts already decided (true: published, false: hidden); they keep that decision, and a
    /// release whose earlier decision would now show a small count is refused.
    public func protect(_ counts: LinkedCounts, released: [CellKey: Bool] = [:]) throws(DisclosureError) -> ProtectedRelease {
        if let small = released.filter({ $0.value && (1..<threshold).contains(counts.value($0.key) ?? 0) }).keys.min() {
            throw .auditFailed(small)
        }
        var hidden = primary(counts, released: released)
        var categories: [String: [String]] = [:]
        for key in counts.keys {
            for coordinate in key.coordinates where !(categories[coordinate.dimension]?.contains(coordinate.category) ?? false) {
                categories[coordinate.dimension, default: []].append(coordinate.category)
            }
        }
        // A count of at least the threshold that the shown counts pin to one value needs no cover:
        // the attacker knows it already, and showing it changes no other interval. It is left
        // hidden while more is hidden around (that may free it), and shown at the end if still
        // pinned. Zeros are not: a zero beside a small count is what the zero rule hides.
        func pinned(_ key: CellKey, _ interval: ProtectionAudit.Interval) -> Bool {
            interval.width == 0 && released[key] == nil && (counts.value(key) ?? 0) >= threshold
        }
        func targets(_ audit: ProtectionAudit) -> [CellKey] {
            audit.narrowed.filter { key in audit.intervals[key].map { !pinned(key, $0) } ?? true }
        }
        var exposed = targets(try ProtectionAudit.audit(counts, hidden: keys(hidden, counts), threshold: threshold))
        while let target = exposed.first.flatMap(counts.variable) {
            let chosen = try complement(for: target, counts: counts, hidden: hidden, released: released, categories: categories)
            guard !chosen.isEmpty else { break }
            hidden.formUnion(chosen)
            let recheck = Set(exposed).union(chosen.map { counts.keys[$0] })
            exposed = targets(try ProtectionAudit.audit(counts, hidden: keys(hidden, counts), threshold: threshold, checking: recheck))
        }
        for (key, interval) in try ProtectionAudit.audit(counts, hidden: keys(hidden, counts), threshold: threshold).intervals
            where pinned(key, interval) {
            if let column = counts.variable(key) { hidden.remove(column) }
        }
        let audit = try ProtectionAudit.audit(counts, hidden: keys(hidden, counts), threshold: threshold)
        if let first = audit.exposed.first { throw .auditFailed(first) }
        return ProtectedRelease(counts: counts, hidden: keys(hidden, counts), audit: audit)
    }

    /// Step 1: small counts, and the parts of hidden totals, except the parts of an empty group
    /// that is shown: a zero whose total is a shown zero says nothing about anyone (a structural
    /// zero). Hiding only grows, so a zero loses that exception once its zero total is hidden.
    func primary(_ counts: LinkedCounts, released: [CellKey: Bool]) -> Set<Int> {
        var hidden = Set(counts.values.indices.filter { column in
            if let decided = released[counts.keys[column]] { return !decided }
            return (1..<threshold).contains(counts.values[column])
        })
        var zeroTotals: [Int: [Int]] = [:]
        for sum in counts.sums where counts.values[sum.total] == 0 {
            for part in sum.parts { zeroTotals[part, default: []].append(sum.total) }
        }
        func isStructuralZero(_ part: Int) -> Bool {
            zeroTotals[part]?.contains { !hidden.contains($0) } ?? false
        }
        var changed = true
        while changed {
            changed = false
            for sum in counts.sums where hidden.contains(sum.total) {
                for part in sum.parts where released[counts.keys[part]] != true && !isStructuralZero(part) && hidden.insert(part).inserted {
                    changed = true
                }
            }
        }
        return hidden
    }

    /// Step 2 for one exposed count: the counts to hide next, empty when nothing is left to hide.
    /// First one count linked to it by a sum (then two sums away): the smallest that makes it
    /// wide enough. When no single count does, a rectangle, as the hypercube method does: the
    /// target's cell with another category in one dimension, in another dimension, and in both;
    /// the cheapest rectangle that makes it wide enough. Else the single count that widens it most.
    private func complement(for target: Int, counts: LinkedCounts, hidden: Set<Int>, released: [CellKey: Bool],
                            categories: [String: [String]]) throws(DisclosureError) -> [Int] {
        func candidates(near columns: Set<Int>) -> Set<Int> {
            Set(counts.sums.filter { sum in columns.contains(sum.total) || sum.parts.contains(where: columns.contains) }
                .flatMap { [$0.total] + $0.parts })
        }
        func width(hiding extra: [Int]) throws(DisclosureError) -> Int {
            let interval = try IntegerProgram(counts, hidden: hidden.union(extra)).interval(of: target)
            return interval.max.map { $0 - interval.min } ?? Int.max
        }
        // The zeros of an empty group (its zero total and its parts) say nothing about anyone, and
        // hiding one would only pin it: they are never chosen.
        let emptyGroups = Set(counts.sums.filter { counts.values[$0.total] == 0 }.flatMap { [$0.total] + $0.parts })
        let published = Set(counts.values.indices).subtracting(hidden).subtracting(emptyGroups)
            .filter { released[counts.keys[$0]] == nil }
        let near = candidates(near: [target])
        var pool = near.intersection(published)
        if pool.isEmpty { pool = candidates(near: near.intersection(hidden).union([target])).intersection(published) }
        if pool.isEmpty { pool = published }
        let ordered = pool.sorted { (counts.values[$0], counts.keys[$0]) < (counts.values[$1], counts.keys[$1]) }
        guard let cheapest = ordered.first else { return [] }
        var best: (column: Int, width: Int)?
        for column in ordered.prefix(8) {
            let reached = try width(hiding: [column])
            if reached >= threshold { return [column] }
            if reached > (best?.width ?? -1) { best = (column, reached) }
        }
        for rectangle in rectangles(around: target, counts: counts, published: published, hidden: hidden, categories: categories).prefix(12)
            where try width(hiding: rectangle) >= threshold {
            return rectangle
        }
        return [best?.column ?? cheapest]
    }

    /// The rectangles around `target` whose corners exist and may be hidden, cheapest first, each
    /// as its corners not hidden yet. A corner may lie in a margin: the dimension added up.
    private func rectangles(around target: Int, counts: LinkedCounts, published: Set<Int>, hidden: Set<Int>,
                            categories: [String: [String]]) -> [[Int]] {
        let key = counts.keys[target]
        let varying = key.coordinates.filter { (categories[$0.dimension]?.count ?? 0) > 1 }
        func moved(_ changes: [(dimension: String, category: String?)]) -> CellKey {
            CellKey(key.coordinates.compactMap { coordinate in
                guard let change = changes.first(where: { $0.dimension == coordinate.dimension }) else { return coordinate }
                return change.category.map { CellKey.Coordinate(coordinate.dimension, $0) }
            })
        }
        var found: [(cost: Int, corners: [Int])] = []
        for (first, one) in varying.enumerated() {
            for other in varying[(first + 1)...] {
                let rows: [String?] = (categories[one.dimension] ?? []).filter { $0 != one.category } + [nil]
                let columns: [String?] = (categories[other.dimension] ?? []).filter { $0 != other.category } + [nil]
                for a in rows {
                    for b in columns where a != nil || b != nil {
                        let corners = [moved([(one.dimension, a)]), moved([(other.dimension, b)]),
                                       moved([(one.dimension, a), (other.dimension, b)])].compactMap(counts.variable)
                        // A corner an earlier release showed cannot be hidden now.
                        guard corners.count == 3, corners.allSatisfy({ published.contains($0) || hidden.contains($0) }) else { continue }
                        // Moving counts around the rectangle shifts the target at most by this much.
                        let values = corners.map { counts.values[$0] }
                        let reach = min(values[0], values[1]) + min(counts.values[target], values[2])
                        let open = corners.filter(published.contains)
                        if !open.isEmpty, reach >= threshold { found.append((open.reduce(0) { $0 + counts.values[$1] }, open)) }
                    }
                }
            }
        }
        return found.sorted { $0.cost != $1.cost ? $0.cost < $1.cost : $0.corners.lexicographicallyPrecedes($1.corners) }.map(\.corners)
    }

    private func keys(_ columns: Set<Int>, _ counts: LinkedCounts) -> Set<CellKey> {
        Set(columns.map { counts.keys[$0] })
    }
}

/// Counts ready to show: every hidden one replaced by a marker, with the audit that proves the
/// pattern.
public struct ProtectedRelease: Sendable {
    public let counts: LinkedCounts
    public let hidden: Set<CellKey>
    public let audit: ProtectionAudit

    /// The count to show for `key`; nil when it is hidden (or not part of the release).
    public func shown(_ key: CellKey) -> Int? {
        hidden.contains(key) ? nil : counts.value(key)
    }
}
