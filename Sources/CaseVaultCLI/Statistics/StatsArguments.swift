import ArgumentParser
import CaseStore
import Statistics

/// `--format table|csv|json` of the statistics commands.
enum StatsFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// What every statistics release shares: output format, chart file, and whether incidents
/// already reported to another organisation are left out.
struct StatsOutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Output format.", valueName: "format"))
    var format: StatsFormat = .table

    @Option(name: .long, help: ArgumentHelp("Also write a bar chart to this new SVG file.", valueName: "file"))
    var chart: String?

    @Flag(name: .long, help: "Leave out incidents already reported to another organisation that keeps GBV statistics.")
    var excludeReportedElsewhere = false
}

/// Parsing of the statistics options, with our own messages (as `ValidationError`s).
enum StatsArgument {
    static func month(_ text: String?) throws -> FactMonth? {
        guard let text else { return nil }
        guard let month = FactMonth(iso: text) else {
            throw ValidationError(ActiveMessages.current("cli.stats.error.not_a_month", ["value": TerminalSafeText.escaped(text)]))
        }
        return month
    }

    static func dimensions(_ text: String) throws -> [String] {
        let ids = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        for id in ids where StatisticsDimension.named(id) == nil { throw unknownDimension(id) }
        return ids
    }

    static func filter(_ text: String) throws -> StatisticsQuery.Filter {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            throw ValidationError(ActiveMessages.current("cli.stats.error.not_a_filter", ["value": TerminalSafeText.escaped(text)]))
        }
        guard let dimension = StatisticsDimension.named(parts[0]) else { throw unknownDimension(parts[0]) }
        guard dimension.categories.contains(parts[1]) else {
            throw ValidationError(ActiveMessages.current("cli.stats.error.unknown_value", [
                "value": TerminalSafeText.escaped(parts[1]), "dimension": parts[0], "values": dimension.categories.joined(separator: ", "),
            ]))
        }
        return StatisticsQuery.Filter(dimension: parts[0], category: parts[1])
    }

    static func epsilon(_ text: String?) throws -> Epsilon? {
        guard let text else { return nil }
        do {
            return try Epsilon(text)
        } catch {
            throw ValidationError(ActiveMessages.current("cli.stats.error.not_an_epsilon", ["value": TerminalSafeText.escaped(text)]))
        }
    }

    static func unknownDimension(_ id: String) -> ValidationError {
        ValidationError(ActiveMessages.current("cli.stats.error.unknown_dimension", [
            "value": TerminalSafeText.escaped(id), "dimensions": StatisticsDimension.all.map(\.id).joined(separator: ", "),
        ]))
    }
}
