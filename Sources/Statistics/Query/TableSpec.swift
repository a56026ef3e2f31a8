import CaseStore
import DisclosureControl

/// One table of a release as disclosure control sees it: its dimensions, its unit, and the
/// selection (period and filters) it is a slice of. A sliced table is counted over every
/// incident, split into "selected" and "the rest" by one more dimension, so that the slice,
/// its complement and the whole table are protected together.
struct TableSpec {
    let id: String
    let query: StatisticsQuery

    /// The id of the dimension that splits selected incidents from the rest; nil for a table of all.
    var selectionDimension: String? {
        guard query.isSlice else { return nil }
        var parts: [String] = []
        if let from = query.from { parts.append("from=\(from)") }
        if let to = query.to { parts.append("to=\(to)") }
        parts += query.filters.map { "\($0.dimension)=\($0.category)" }
        if query.excludeReportedElsewhere { parts.append("own") }
        return "selection(" + parts.joined(separator: ";") + ")"
    }

    static let selected = "selected"
    static let rest = "rest"

    /// The fixed part of every key of this table: what it counts (and whether it leaves out
    /// incidents reported elsewhere, which makes it another population).
    var context: [CellKey.Coordinate] {
        [CellKey.Coordinate("unit", query.unit.rawValue)] + (query.excludeReportedElsewhere ? [CellKey.Coordinate("population", "own")] : [])
    }
}

/// The counts of one table at its finest level (selection × dimensions), gathered in one pass
/// over the facts. Keys pack each dimension's category position into 20 bits.
struct Tally {
    let spec: TableSpec
    private let filters: [(StatisticsDimension, Int)]
    private let dimensions: [StatisticsDimension]
    /// The dimension whose unit says how many items an incident counts as.
    private let lead: StatisticsDimension
    private let isSlice: Bool
    private let excludeReportedElsewhere: Bool
    private(set) var counts: [Int: Int] = [:]
    /// Months seen in each month dimension.
    private(set) var months: [Set<Int>]

    init(_ spec: TableSpec) {
        self.spec = spec
        filters = spec.query.filterPositions
        dimensions = spec.query.dimensions
        lead = dimensions.first { $0.unit != .incidents } ?? dimensions[0]
        isSlice = spec.query.isSlice
        excludeReportedElsewhere = spec.query.excludeReportedElsewhere
        months = dimensions.map { _ in [] }
    }

    static func key(_ selection: Int, _ values: [Int]) -> Int {
        values.enumerated().reduce(selection) { $0 | $1.element << (20 * ($1.offset + 1)) }
    }

    mutating func add(_ facts: CaseFacts) {
        if excludeReportedElsewhere, facts.reportedToOtherOrganisation { return }
        let selection = isSlice && !spec.query.selects(facts, filterPositions: filters) ? 1 : 0
        items: for item in 0..<lead.items(facts) {
            var key = selection
            for (position, dimension) in dimensions.enumerated() {
                guard let value = dimension.value(facts, dimension.unit == .incidents ? 0 : item) else { continue items }
                if dimension.isMonth { months[position].insert(value) }
                key |= value << (20 * (position + 1))
            }
            counts[key, default: 0] += 1
        }
    }

    /// The category ids of dimension `position`, and for each its stored value.
    func categories(_ position: Int) -> [(id: String, value: Int)] {
        let dimension = spec.query.dimensions[position]
        guard dimension.isMonth else { return dimension.categories.enumerated().map { ($0.element, $0.offset) } }
        var seen = months[position]
        let hasUnknown = seen.remove(StatisticsDimension.unknownMonth) != nil
        if let from = spec.query.from { seen.insert(from.index) }
        if let to = spec.query.to { seen.insert(to.index) }
        var result: [(id: String, value: Int)] = []
        if let low = seen.min(), let high = seen.max() {
            result = (low...high).map { (FactMonth(index: $0).description, $0) }
        }
        return result + (hasUnknown ? [("unknown", StatisticsDimension.unknownMonth)] : [])
    }
}
