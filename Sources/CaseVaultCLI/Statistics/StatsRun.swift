import Access
import CaseStore
import Statistics

/// The steps every statistics command shares: turning a failed protection into our message,
/// and the audit details of a release (what was asked and how many counts were hidden; never a
/// count, never a case).
enum StatsRun {
    /// The release `body` makes; when disclosure control cannot protect it, the query is recorded
    /// as not released (`details`) and our message is thrown.
    static func protect(_ session: AccessSession, details: [String: String], _ body: () throws -> StatisticsRelease) throws -> StatisticsRelease {
        do {
            return try body()
        } catch let error as StatisticsError {
            try session.recordStatisticsNotReleased(details: details)
            throw CLIError(message: StatsMessages.text(error, ActiveMessages.current))
        }
    }

    static func details(_ query: StatisticsQuery) -> [String: String] {
        var details = ["by": query.dimensions.map(\.id).joined(separator: ",")]
        if let from = query.from { details["from"] = from.description }
        if let to = query.to { details["to"] = to.description }
        if !query.filters.isEmpty { details["where"] = query.filters.map { "\($0.dimension)=\($0.category)" }.joined(separator: ";") }
        if query.excludeReportedElsewhere { details["exclude_reported_elsewhere"] = "yes" }
        return details
    }
}
