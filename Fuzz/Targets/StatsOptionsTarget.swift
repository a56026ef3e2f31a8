@_spi(Fuzzing) import CaseVaultCLI
import Foundation

/// The options of `casevault stats` (one argument per input line, after the word `stats`) through
/// the real command tree: ArgumentParser, then the commands' `validate()` with the dimension,
/// month, filter and epsilon parsers. Nothing runs. Property: a `stats table` that parses has a
/// query (the one `run` would compute).
enum StatsOptionsTarget {
    static let target = FuzzTarget(name: "stats-options") { data in
        guard let text = String(data: data, encoding: .utf8) else { return }
        let words = ["stats"] + text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard case .success(let command) = CLIFuzzing.parse(words) else { return }
        FuzzCheck.require((try? CLIFuzzing.statisticsQuery(of: command)) != nil, "a parsed stats table has a query")
    }
}
