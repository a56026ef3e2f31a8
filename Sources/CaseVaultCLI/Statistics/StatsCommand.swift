import ArgumentParser

/// `casevault stats ...`: anonymized statistics for supervisors, every table protected by
/// disclosure control (docs/statistics.md); `stats --by ...` is `stats table --by ...`.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Anonymized statistics with small counts hidden (supervisors).",
        subcommands: [StatsTableCommand.self, StatsReportCommand.self, StatsPolicyCommand.self],
        defaultSubcommand: StatsTableCommand.self
    )
}
