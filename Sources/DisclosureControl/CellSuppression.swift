/// Disclosure control for released counts (docs/statistics.md). Written here because no
/// well-kept Swift library does it; the method follows the cell-suppression literature
/// (τ-ARGUS, sdcTable) in a simple form, and its result is proved by `ProtectionAudit`, not
/// trusted:
///
/// 1. Primary: every count (cell or total) from 1 to `threshold − 1` is hidden, and so is every
///    part of a hidden total, zeros included, so that a small row never shows as "all of them
///    in one cell".
/// 2. Secondary: while the audit finds a hidden count an attacker can narrow below the
///    threshold, one more count is hidden: among those linked to it by a sum (then those two
///    sums away), the smallest that makes it wide enough, else the one that widens it most.
///    Hiding a count only removes a constraint, so an interval never narrows and the loop only
///    re-audits the counts still exposed; it ends, at worst with everything hidden.
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
        var exposed = try ProtectionAudit.audit(counts, hidden: keys(hidden, counts), threshold: threshold).narrowed
        while let target = exposed.first.flatMap(counts.variable) {
            guard let chosen = try complement(for: target, counts: counts, hidden: hidden, released: released) else { break }
            hidden.insert(chosen)
            let recheck = Set(exposed).union([counts.keys[chosen]])
            exposed = try ProtectionAudit.audit(counts, hidden: keys(hidden, counts), threshold: threshold, checking: recheck).narrowed
        }
        let audit = try ProtectionAudit.audit(counts, hidden: keys(hidden, counts), threshold: threshold)
        if let first = audit.exposed.first { throw .auditFailed(first) }
        return ProtectedRelease(counts: counts, hidden: keys(hidden, counts), audit: audit)
    }

    /// Step 1: small counts, and the parts of hidden totals.
    func primary(_ counts: LinkedCounts, released: [CellKey: Bool]) -> Set<Int> {
        var hidden = Set(counts.values.indices.filter { column in
            if let decided = released[counts.keys[column]] { return !decided }
            return (1..<threshold).contains(counts.values[column])
        })
        var changed = true
        while changed {
            changed = false
            for sum in counts.sums where hidden.contains(sum.total) {
                for part in sum.parts where released[counts.keys[part]] != true && hidden.insert(part).inserted { changed = true }
            }
        }
        return hidden
    }

    /// Step 2 for one exposed count: the count to hide next, nil when nothing is left to hide.
    private func complement(for target: Int, counts: LinkedCounts, hidden: Set<Int>, released: [CellKey: Bool]) throws(DisclosureError) -> Int? {
        func candidates(near columns: Set<Int>) -> Set<Int> {
            Set(counts.sums.filter { sum in columns.contains(sum.total) || sum.parts.contains(where: columns.contains) }
                .flatMap { [$0.total] + $0.parts })
        }
        let published = Set(counts.values.indices).subtracting(hidden).filter { released[counts.keys[$0]] == nil }
        let near = candidates(near: [target])
        var pool = near.intersection(published)
        if pool.isEmpty { pool = candidates(near: near.intersection(hidden).union([target])).intersection(published) }
        if pool.isEmpty { pool = published }
        let ordered = pool.sorted { (counts.values[$0], counts.keys[$0]) < (counts.values[$1], counts.keys[$1]) }
        guard let cheapest = ordered.first else { return nil }
        var best: (column: Int, width: Int)?
        for column in ordered.prefix(8) {
            var trial = hidden
            trial.insert(column)
            let interval = try IntegerProgram(counts, hidden: trial).interval(of: target)
            let width = interval.max.map { $0 - interval.min } ?? Int.max
            if width >= threshold { return column }
            if width > (best?.width ?? -1) { best = (column, width) }
        }
        return best?.column ?? cheapest
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
