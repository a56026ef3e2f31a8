/// The counts of one release and the sums that link them: every cell and every total of each
/// table, as an attacker sees them. A count shown in two tables (a margin they share) is one
/// variable here, so protecting the system protects the tables jointly.
public struct LinkedCounts: Sendable {
    /// One sum: `total` is the sum of `parts` (variable indexes).
    public struct Sum: Hashable, Sendable {
        public let total: Int
        public let parts: [Int]
    }

    /// A dimension of a table and its categories, in the order they are shown.
    public struct Dimension: Sendable {
        public let id: String
        public let categories: [String]

        public init(_ id: String, _ categories: [String]) {
            self.id = id
            self.categories = categories
        }
    }

    public private(set) var keys: [CellKey] = []
    public private(set) var values: [Int] = []
    public private(set) var sums: [Sum] = []
    private var index: [CellKey: Int] = [:]
    private var knownSums: Set<Sum> = []

    public init() {}

    /// The variable of `key`, if the system has it.
    public func variable(_ key: CellKey) -> Int? { index[key] }

    /// The count of `key`, if the system has it.
    public func value(_ key: CellKey) -> Int? { index[key].map { values[$0] } }

    /// Adds a table broken down by `dimensions` (one to three): each innermost cell's count comes
    /// from `count`, and every total over any subset of the dimensions is added with the sums
    /// that link it to its parts. `context` is fixed in every key (a filter the whole table
    /// lies under). A key already in the system must have the same count.
    public mutating func addTable(_ dimensions: [Dimension], context: [CellKey.Coordinate] = [],
                                  count: (CellKey) -> Int) throws(DisclosureError) {
        guard (1...3).contains(dimensions.count), Set(dimensions.map(\.id)).count == dimensions.count,
              dimensions.allSatisfy({ !$0.categories.isEmpty && Set($0.categories).count == $0.categories.count }) else {
            throw .badTable
        }
        var totals: [CellKey: Int] = [:]
        for cell in Self.cells(dimensions, context: context) {
            let value = count(cell)
            guard value >= 0 else { throw .negativeCount }
            for subset in 0..<(1 << dimensions.count) {
                let kept = cell.coordinates.filter { coordinate in
                    guard let position = dimensions.firstIndex(where: { $0.id == coordinate.dimension }) else { return true }
                    return subset & (1 << position) != 0
                }
                totals[CellKey(kept), default: 0] += value
            }
        }
        for key in totals.keys.sorted() { try insert(key, totals[key] ?? 0) }
        for key in totals.keys.sorted() {
            for dimension in dimensions where key.category(of: dimension.id) == nil {
                let parts = dimension.categories.map { key.adding(.init(dimension.id, $0)) }
                try link(key, parts)
            }
        }
    }

    /// Every innermost cell of a table, in display order.
    static func cells(_ dimensions: [Dimension], context: [CellKey.Coordinate]) -> [CellKey] {
        var cells: [[CellKey.Coordinate]] = [context]
        for dimension in dimensions {
            cells = cells.flatMap { prefix in dimension.categories.map { prefix + [.init(dimension.id, $0)] } }
        }
        return cells.map(CellKey.init)
    }

    private mutating func insert(_ key: CellKey, _ value: Int) throws(DisclosureError) {
        if let existing = index[key] {
            guard values[existing] == value else { throw .inconsistentCount(key) }
            return
        }
        index[key] = keys.count
        keys.append(key)
        values.append(value)
    }

    private mutating func link(_ total: CellKey, _ parts: [CellKey]) throws(DisclosureError) {
        guard let totalIndex = index[total] else { throw .badTable }
        var partIndexes: [Int] = []
        for part in parts {
            guard let partIndex = index[part] else { throw .badTable }
            partIndexes.append(partIndex)
        }
        let sum = Sum(total: totalIndex, parts: partIndexes.sorted())
        if knownSums.insert(sum).inserted { sums.append(sum) }
    }
}
