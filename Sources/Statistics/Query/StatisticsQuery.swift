import CaseStore

/// One table a supervisor asks for: counts by one or two dimensions, within report months,
/// under filters. Checked when made, so that a query that cannot be answered soundly (two units
/// that do not nest, a filter on another unit) is refused before any fact is read.
public struct StatisticsQuery: Sendable {
    /// One `--where DIM=VALUE`.
    public struct Filter: Sendable, Equatable {
        public let dimension: String
        public let category: String

        public init(dimension: String, category: String) {
            self.dimension = dimension
            self.category = category
        }
    }

    public let dimensions: [StatisticsDimension]
    public let from: FactMonth?
    public let to: FactMonth?
    public let filters: [Filter]
    /// Leave out incidents already reported to another organisation that keeps GBV statistics.
    public let excludeReportedElsewhere: Bool
    /// What one count counts.
    public let unit: StatisticsDimension.Unit

    public init(by ids: [String], from: FactMonth? = nil, to: FactMonth? = nil, filters: [Filter] = [],
                excludeReportedElsewhere: Bool = false) throws(StatisticsError) {
        guard (1...2).contains(ids.count) else { throw .dimensionCount }
        guard Set(ids).count == ids.count else { throw .repeatedDimension }
        var dimensions: [StatisticsDimension] = []
        for id in ids {
            guard let dimension = StatisticsDimension.named(id) else { throw .unknownDimension(id) }
            dimensions.append(dimension)
        }
        let units = Set(dimensions.map(\.unit)).subtracting([.incidents])
        guard units.count <= 1 else { throw .unitsDoNotNest }
        if units == [.mentions], dimensions.count == 2, dimensions.allSatisfy({ $0.unit == .mentions }) { throw .unitsDoNotNest }
        let unit = units.first ?? .incidents
        for filter in filters {
            guard let dimension = StatisticsDimension.named(filter.dimension) else { throw .unknownDimension(filter.dimension) }
            guard dimension.unit == .incidents, !dimension.isMonth else { throw .filterNotOnIncidents(filter.dimension) }
            guard dimension.categories.contains(filter.category) else { throw .unknownCategory(filter.dimension, filter.category) }
        }
        guard Set(filters.map(\.dimension)).count == filters.count else { throw .repeatedDimension }
        if let from, let to, from > to { throw .emptyPeriod }
        self.dimensions = dimensions
        self.from = from
        self.to = to
        self.filters = filters
        self.excludeReportedElsewhere = excludeReportedElsewhere
        self.unit = unit
    }

    /// Whether this query selects part of the incidents (a filter or a period), so that it must
    /// be protected as a slice of the same query over all of them.
    var isSlice: Bool { !filters.isEmpty || from != nil || to != nil }

    /// The same query over every incident: no filter, no period.
    var whole: StatisticsQuery {
        // Cannot fail: the dimensions were checked already.
        (try? StatisticsQuery(by: dimensions.map(\.id), excludeReportedElsewhere: excludeReportedElsewhere)) ?? self
    }

    /// Whether `facts` is selected by the period and the filters.
    func selects(_ facts: CaseFacts, filterPositions: [(StatisticsDimension, Int)]) -> Bool {
        if let from, facts.reportMonth < from { return false }
        if let to, facts.reportMonth > to { return false }
        return filterPositions.allSatisfy { $0.0.value(facts, 0) == $0.1 }
    }

    /// The filters as (dimension, category position).
    var filterPositions: [(StatisticsDimension, Int)] {
        filters.compactMap { filter in
            guard let dimension = StatisticsDimension.named(filter.dimension),
                  let position = dimension.categories.firstIndex(of: filter.category) else { return nil }
            return (dimension, position)
        }
    }
}
