import ArgumentParser
import CaseStore
import Foundation
import Statistics

/// `casevault stats report --month YYYY-MM | --quarter YYYY-Qn | --year YYYY`: the standard GBV
/// statistics set for one period, its tables protected together.
struct StatsReportCommand: VaultCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The standard GBV statistics for a month, quarter or year."
    )

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Option(name: .long, help: ArgumentHelp("Report month, YYYY-MM.", valueName: "month"))
    var month: String?

    @Option(name: .long, help: ArgumentHelp("Report quarter, YYYY-Q1 to YYYY-Q4.", valueName: "quarter"))
    var quarter: String?

    @Option(name: .long, help: ArgumentHelp("Report year, YYYY.", valueName: "year"))
    var year: String?

    @OptionGroup var output: StatsOutputOptions

    /// The first and last month of the period asked for.
    func period() throws -> (FactMonth, FactMonth) {
        let given = [month, quarter, year].compactMap { $0 }
        guard given.count == 1 else { throw ValidationError(ActiveMessages.current("cli.stats.error.one_period")) }
        if let month {
            guard let first = try StatsArgument.month(month) else { throw ValidationError(ActiveMessages.current("cli.stats.error.one_period")) }
            return (first, first)
        }
        if let quarter {
            let parts = quarter.uppercased().split(separator: "-")
            guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), parts[1].count == 2, parts[1].hasPrefix("Q"),
                  let number = Int(parts[1].dropFirst()), (1...4).contains(number), (1...9999).contains(year) else {
                throw ValidationError(ActiveMessages.current("cli.stats.error.not_a_quarter", ["value": TerminalSafeText.escaped(quarter)]))
            }
            let first = FactMonth(year: year, month: number * 3 - 2)
            return (first, first.adding(2))
        }
        guard let year, year.count == 4, let number = Int(year), (1...9999).contains(number) else {
            throw ValidationError(ActiveMessages.current("cli.stats.error.not_a_year", ["value": TerminalSafeText.escaped(year ?? "")]))
        }
        return (FactMonth(year: number, month: 1), FactMonth(year: number, month: 12))
    }

    func validate() throws { _ = try period() }

    mutating func run(console: Console) throws {
        let (from, to) = try period()
        let session = try login.session(location.open(for: console), console: console)
        let policy = try session.statisticsPolicy()
        var report = try StandardReport(from: from, to: to, excludeReportedElsewhere: output.excludeReportedElsewhere)
        try session.forEachFacts { report.add($0) }
        var details = ["report": "\(from)..\(to)"]
        if output.excludeReportedElsewhere { details["exclude_reported_elsewhere"] = "yes" }
        var median: Int?
        let release = try StatsRun.protect(session, details: details) {
            let result = try report.release(threshold: policy.threshold)
            median = result.medianDaysToReferral
            return result.release
        }
        details["hidden"] = String(release.hiddenCount)
        try session.recordStatisticsRelease(details: details, epsilonUnits: 0)
        let messages = console.messages
        let titles = Dictionary(uniqueKeysWithValues: StandardReport.layout.map {
            ($0.id, messages("cli.stats.report." + $0.id.replacingOccurrences(of: "-", with: "_")))
        })
        let medianLine = median.map { messages("cli.stats.report.median_days", ["days": String($0)]) } ?? messages("cli.stats.report.median_hidden")
        try StatsOutput.show(release, title: messages("cli.stats.report.title", ["from": from.description, "to": to.description]),
                             format: output.format, chart: output.chart, chartTable: "by-type", console: console, titles: titles,
                             extra: [medianLine],
                             extraJSON: ["from": from.description, "to": to.description, "medianDaysToReferral": median.map { $0 as Any } ?? NSNull()])
    }
}
