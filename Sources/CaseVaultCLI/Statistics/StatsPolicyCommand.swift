import ArgumentParser
import CaseStore
import Statistics

/// `casevault stats policy [--threshold N] [--budget USER=EPSILON ...]`: shows or sets the
/// disclosure-control threshold and the supervisors' monthly privacy budgets (administrators).
struct StatsPolicyCommand: VaultCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Show or set the threshold and privacy budgets (administrators)."
    )

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Option(name: .long, help: ArgumentHelp("Smallest count shown (at least 3; default 5).", valueName: "count"))
    var threshold: Int?

    @Option(name: .long, help: ArgumentHelp("A supervisor's monthly privacy budget, e.g. demo-sofija=1 (repeatable).", valueName: "budget"))
    var budget: [String] = []

    func budgets() throws -> [String: Int] {
        var budgets: [String: Int] = [:]
        for entry in budget {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let epsilon = try? Epsilon(parts[1]) else {
                throw ValidationError(ActiveMessages.current("cli.stats.error.not_a_budget", ["value": TerminalSafeText.escaped(entry)]))
            }
            budgets[parts[0]] = epsilon.units
        }
        return budgets
    }

    func validate() throws {
        if let threshold, threshold < StatisticsPolicy.minimumThreshold {
            throw ValidationError(ActiveMessages.current("cli.stats.error.threshold_too_low", ["value": String(threshold)]))
        }
        _ = try budgets()
    }

    mutating func run(console: Console) throws {
        let session = try login.session(location.open(for: console), console: console)
        var policy = try session.currentStatisticsPolicy()
        if threshold != nil || !budget.isEmpty {
            if let threshold { policy.threshold = threshold }
            policy.monthlyBudgets.merge(try budgets()) { $1 }
            try session.setStatisticsPolicy(policy)
        }
        let messages = console.messages
        console.output(messages("cli.stats.policy.threshold", ["count": String(policy.threshold)]))
        for (user, units) in policy.monthlyBudgets.sorted(by: { $0.key < $1.key }) {
            let epsilon = (try? Epsilon(units: units).description) ?? "0"
            console.output(messages("cli.stats.policy.budget", ["user": user, "epsilon": epsilon]))
        }
    }
}
