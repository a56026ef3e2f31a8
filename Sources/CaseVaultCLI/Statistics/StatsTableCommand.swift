import ArgumentParser
import CaseStore
import Statistics

/// `casevault stats [table] --by DIM[,DIM] [--from M] [--to M] [--where DIM=VALUE ...] [--dp ε]`.
struct StatsTableCommand: VaultCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "Counts by one or two dimensions, with totals; small counts are hidden."
    )

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Option(name: .long, help: ArgumentHelp("One or two dimensions, comma-separated (incident-type,age-group).", valueName: "dimensions"))
    var by: String

    @Option(name: .long, help: ArgumentHelp("First report month, YYYY-MM.", valueName: "month"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Last report month, YYYY-MM.", valueName: "month"))
    var to: String?

    @Option(name: .customLong("where"), help: ArgumentHelp("Only incidents with this value (repeatable), e.g. municipality=brus.", valueName: "filter"))
    var filters: [String] = []

    @Option(name: .long, help: ArgumentHelp("Add differential-privacy noise, spending this much of your monthly budget.", valueName: "epsilon"))
    var dp: String?

    @OptionGroup var output: StatsOutputOptions

    func query() throws -> StatisticsQuery {
        do {
            return try StatisticsQuery(by: try StatsArgument.dimensions(by), from: try StatsArgument.month(from), to: try StatsArgument.month(to),
                                       filters: try filters.map(StatsArgument.filter), excludeReportedElsewhere: output.excludeReportedElsewhere)
        } catch let error as StatisticsError {
            throw ValidationError(StatsMessages.text(error, ActiveMessages.current))
        }
    }

    func validate() throws {
        _ = try query()
        if let epsilon = try StatsArgument.epsilon(dp), try query().unit != .incidents {
            throw ValidationError(ActiveMessages.current("cli.stats.error.dp_incidents_only", ["epsilon": epsilon.description]))
        }
    }

    mutating func run(console: Console) throws {
        let query = try query()
        let epsilon = try StatsArgument.epsilon(dp)
        let session = try login.session(location.open(for: console), console: console)
        let policy = try session.statisticsPolicy()
        if let epsilon { try session.requirePrivacyBudget(epsilon.units, details: StatsRun.details(query)) }
        var tabulator = Tabulator([("table", query)])
        try session.forEachFacts { tabulator.add($0) }
        var random = SystemRandom()
        let noise: ((Int) throws -> Int)? = try epsilon.map { epsilon in
            let laplace = try DiscreteLaplace(epsilon: epsilon, sensitivity: 1)
            return { count in count + (try laplace.sample(using: &random)) }
        }
        var details = StatsRun.details(query)
        let release = try StatsRun.protect(session, details: details) { try tabulator.release(threshold: policy.threshold, noise: noise) }
        details["hidden"] = String(release.hiddenCount)
        try session.recordStatisticsRelease(details: details, epsilonUnits: epsilon?.units ?? 0)
        try StatsOutput.show(release, title: StatsMessages.title(query, console.messages), format: output.format, chart: output.chart,
                             console: console)
    }
}
