import CaseStore

/// The standard GBV statistics set for one period, as one release whose tables are protected
/// together (docs/statistics.md lists them): new incidents; incidents by type; by the survivor's
/// age group, sex, displacement and disability; by time of day and place; by reporting delay,
/// also for rape and for rape with a health referral; perpetrators by number, relationship and
/// age group; referrals by service and status; and the median days from report to referral.
public struct StandardReport {
    /// Table ids and the dimensions of each, in the order the report shows them.
    public static let layout: [(id: String, by: [String], filters: [StatisticsQuery.Filter])] = [
        ("new-incidents", ["report-month"], []),
        ("by-type", ["incident-type"], []),
        ("by-age-group", ["age-group"], []),
        ("by-sex", ["sex"], []),
        ("by-displacement", ["displacement"], []),
        ("by-disability", ["disability"], []),
        ("by-time-of-day", ["time-of-day"], []),
        ("by-place", ["place"], []),
        ("by-delay", ["delay"], []),
        ("rape-by-delay", ["delay"], [.init(dimension: "incident-type", category: "rape")]),
        ("rape-health-referral-by-delay", ["delay"], [.init(dimension: "incident-type", category: "rape"),
                                                      .init(dimension: "health-referral", category: "yes")]),
        ("perpetrators-by-number", ["perpetrator-count"], []),
        ("perpetrators-by-relationship", ["perpetrator-relationship"], []),
        ("perpetrators-by-age-group", ["perpetrator-age-group"], []),
        ("referrals-by-service-and-status", ["referral-service", "referral-status"], []),
    ]

    public let from: FactMonth
    public let to: FactMonth
    public let excludeReportedElsewhere: Bool
    private var tabulator: Tabulator
    /// Referrals by whole days from report to referral, for the median.
    private var referralDays: [Int: Int] = [:]

    public init(from: FactMonth, to: FactMonth, excludeReportedElsewhere: Bool) throws(StatisticsError) {
        self.from = from
        self.to = to
        self.excludeReportedElsewhere = excludeReportedElsewhere
        var tables: [(id: String, query: StatisticsQuery)] = []
        for table in Self.layout {
            tables.append((table.id, try StatisticsQuery(by: table.by, from: from, to: to, filters: table.filters,
                                                         excludeReportedElsewhere: excludeReportedElsewhere)))
        }
        tabulator = Tabulator(tables)
    }

    public mutating func add(_ facts: CaseFacts) {
        tabulator.add(facts)
        guard facts.reportMonth >= from, facts.reportMonth <= to, !(excludeReportedElsewhere && facts.reportedToOtherOrganisation) else { return }
        for referral in facts.referrals { if let days = referral.daysFromReport { referralDays[days, default: 0] += 1 } }
    }

    /// The protected tables, and the median days to referral: nil when fewer referrals than the
    /// threshold have both days known (a median of a few is a person's own wait).
    public func release(threshold: Int) throws -> (release: StatisticsRelease, medianDaysToReferral: Int?) {
        (try tabulator.release(threshold: threshold), Self.median(referralDays, threshold: threshold))
    }

    /// The lower median of a histogram (day → referrals), nil below `threshold` values.
    static func median(_ histogram: [Int: Int], threshold: Int) -> Int? {
        let count = histogram.values.reduce(0, +)
        guard count >= threshold else { return nil }
        var seen = 0
        for day in histogram.keys.sorted() {
            seen += histogram[day] ?? 0
            if seen * 2 >= count { return day }
        }
        return nil
    }
}
