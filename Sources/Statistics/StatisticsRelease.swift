import CaseStore
import DisclosureControl

/// Tables ready to show, each protected by disclosure control jointly with every other table
/// of the same release and with the same tables over all incidents (docs/statistics.md).
public struct StatisticsRelease: Sendable {
    public let tables: [(id: String, table: ReleasedTable)]
    /// Counts hidden across the tables shown.
    public var hiddenCount: Int { tables.reduce(0) { $0 + $1.table.hiddenCount } }
    /// The proof: for every hidden count of the whole system, the interval an attacker can
    /// narrow it to (every one at least the threshold wide).
    public let audit: ProtectionAudit
}

/// Gathers the facts for a set of tables in one pass and releases them protected. Used for one
/// `stats --by` table and for the whole standard report alike.
public struct Tabulator {
    private var tallies: [Tally]

    /// `tables`: an id for each table and its query.
    public init(_ tables: [(id: String, query: StatisticsQuery)]) {
        tallies = tables.map { Tally(TableSpec(id: $0.id, query: $0.query)) }
    }

    /// Counts one incident's facts in every table.
    public mutating func add(_ facts: CaseFacts) {
        for index in tallies.indices { tallies[index].add(facts) }
    }

    /// Protects and releases the tables. `noise`, when given, replaces each innermost count by
    /// a noisy one (differential privacy) before anything is summed, so every total is the sum
    /// of the noisy counts it covers.
    public func release(threshold: Int, noise: ((Int) throws -> Int)? = nil) throws -> StatisticsRelease {
        let grids = try tallies.map { try Grid($0, noise: noise) }
        let release: ProtectedRelease
        do {
            release = try Self.protect(grids, threshold: threshold)
        } catch {
            throw StatisticsError.notProtected(error)
        }
        return StatisticsRelease(tables: grids.map { ($0.id, $0.table(release)) }, audit: release.audit)
    }

    /// The whole tables first, on their own; then, when a table is a slice, the system of slices
    /// with the whole tables' decisions kept, so that a slice and its whole never disagree.
    private static func protect(_ grids: [Grid], threshold: Int) throws(DisclosureError) -> ProtectedRelease {
        let suppression = try CellSuppression(threshold: threshold)
        var whole = LinkedCounts()
        for grid in grids { try grid.addWhole(to: &whole) }
        let release = try suppression.protect(whole)
        guard grids.contains(where: { $0.selection != nil }) else { return release }
        let decided = Dictionary(uniqueKeysWithValues: whole.keys.map { ($0, !release.hidden.contains($0)) })
        var sliced = LinkedCounts()
        for grid in grids { try grid.addSliced(to: &sliced) }
        return try suppression.protect(sliced, released: decided)
    }
}

/// One tally laid out as a grid of every innermost count (zeros included), noisy if asked.
private struct Grid {
    let id: String
    let spec: TableSpec
    let selection: String?
    let axes: [LinkedCounts.Dimension]
    /// Category id → stored value, per dimension.
    let values: [[String: Int]]
    let counts: [Int: Int]
    let noisy: Bool

    init(_ tally: Tally, noise: ((Int) throws -> Int)?) throws {
        id = tally.spec.id
        spec = tally.spec
        selection = tally.spec.selectionDimension
        var axes: [LinkedCounts.Dimension] = []
        var values: [[String: Int]] = []
        for (position, dimension) in tally.spec.query.dimensions.enumerated() {
            let categories = tally.categories(position)
            axes.append(LinkedCounts.Dimension(dimension.id, categories.map(\.id)))
            values.append(Dictionary(uniqueKeysWithValues: categories.map { ($0.id, $0.value) }))
        }
        self.axes = axes
        self.values = values
        noisy = noise != nil
        guard let noise else {
            counts = tally.counts
            return
        }
        var noisyCounts: [Int: Int] = [:]
        for selection in 0..<(selection == nil ? 1 : 2) {
            for combination in Self.combinations(values.map { Array($0.values) }) {
                let key = Tally.key(selection, combination)
                noisyCounts[key] = max(0, try noise(tally.counts[key] ?? 0))
            }
        }
        counts = noisyCounts
    }

    static func combinations(_ lists: [[Int]]) -> [[Int]] {
        lists.reduce([[]]) { partial, list in partial.flatMap { prefix in list.map { prefix + [$0] } } }
    }

    /// The innermost count of `key` with the selection split `selected` (0), `rest` (1) or summed (nil).
    func count(_ key: CellKey, selection split: Int?) -> Int {
        let positions = axes.enumerated().map { values[$0.offset][key.category(of: $0.element.id) ?? ""] ?? -1 }
        guard positions.allSatisfy({ $0 >= 0 }) else { return 0 }
        return (split.map { [$0] } ?? [0, 1]).reduce(0) { $0 + (counts[Tally.key($1, positions)] ?? 0) }
    }

    func addWhole(to system: inout LinkedCounts) throws(DisclosureError) {
        try system.addTable(axes, context: spec.context) { count($0, selection: nil) }
    }

    func addSliced(to system: inout LinkedCounts) throws(DisclosureError) {
        guard let selection else { return try addWhole(to: &system) }
        let split = LinkedCounts.Dimension(selection, [TableSpec.selected, TableSpec.rest])
        guard axes.count < 3 else { throw .badTable }
        try system.addTable([split] + axes, context: spec.context) { key in
            count(key, selection: key.category(of: selection) == TableSpec.selected ? 0 : 1)
        }
    }

    /// The selected slice (or the whole table) as shown, hidden counts as nil.
    func table(_ release: ProtectedRelease) -> ReleasedTable {
        var base = spec.context
        if let selection { base.append(.init(selection, TableSpec.selected)) }
        func shown(_ coordinates: [CellKey.Coordinate]) -> Int? { release.shown(CellKey(base + coordinates)) }
        let rowCategories = shownCategories(0)
        let rows = ReleasedTable.Axis(dimension: axes[0].id, categories: rowCategories)
        var hidden = 0
        func tracked(_ value: Int?) -> Int? {
            if value == nil { hidden += 1 }
            return value
        }
        let total = tracked(shown([]))
        guard axes.count == 2 else {
            let cells = rowCategories.map { [tracked(shown([.init(axes[0].id, $0)]))] }
            return ReleasedTable(unit: spec.query.unit.rawValue, rows: rows, columns: nil, cells: cells, rowTotals: cells.map { $0[0] },
                                 columnTotals: [], total: total, hiddenCount: hidden, noisy: noisy)
        }
        let columnCategories = shownCategories(1)
        let cells = rowCategories.map { row in
            columnCategories.map { tracked(shown([.init(axes[0].id, row), .init(axes[1].id, $0)])) }
        }
        let rowTotals = rowCategories.map { tracked(shown([.init(axes[0].id, $0)])) }
        let columnTotals = columnCategories.map { tracked(shown([.init(axes[1].id, $0)])) }
        return ReleasedTable(unit: spec.query.unit.rawValue, rows: rows, columns: .init(dimension: axes[1].id, categories: columnCategories),
                             cells: cells, rowTotals: rowTotals, columnTotals: columnTotals, total: total, hiddenCount: hidden, noisy: noisy)
    }

    /// The categories of dimension `position` shown: for a month dimension under a period, only
    /// the months inside it (the others are empty by construction).
    private func shownCategories(_ position: Int) -> [String] {
        let dimension = spec.query.dimensions[position]
        guard dimension.isMonth, dimension.id == "report-month" else { return axes[position].categories }
        return axes[position].categories.filter { id in
            guard let month = FactMonth(iso: id) else { return true }
            return (spec.query.from.map { month >= $0 } ?? true) && (spec.query.to.map { month <= $0 } ?? true)
        }
    }
}
