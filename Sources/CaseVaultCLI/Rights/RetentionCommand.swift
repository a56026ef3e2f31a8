import Access
import ArgumentParser
import CaseStore

/// `casevault retention [rule | run]`: the vault's retention rule (erase closed cases N years
/// after closing; administrators set it, signed) and its run (supervisors: lists what is due,
/// erases it after confirmation, each erasure audited with the reason `retention`).
struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "The retention rule and its run: erase closed cases some years after closing.",
        subcommands: [Rule.self, Run.self]
    )

    struct Rule: VaultCommand {
        static let configuration = CommandConfiguration(commandName: "rule", abstract: "Show or set the retention rule (administrators set it).")

        @OptionGroup var location: VaultLocation
        @OptionGroup var login: LoginOptions

        @Option(name: .long, help: ArgumentHelp("Erase closed cases this many years after closing.", valueName: "years"))
        var closedYears: Int?

        @Flag(name: .long, help: ArgumentHelp("No retention rule: nothing is erased by it."))
        var none = false

        func validate() throws {
            if none && closedYears != nil { throw ValidationError(ActiveMessages.current("cli.retention.error.conflict")) }
            if let years = closedYears, !RetentionRule.allowedYears.contains(years) {
                throw ValidationError(ActiveMessages.current("cli.error.invalid_retention_rule", ["years": String(years)]))
            }
        }

        mutating func run(console: Console) throws {
            let session = try login.session(location.open(for: console), console: console)
            if none || closedYears != nil { try session.setRetentionRule(RetentionRule(closedCaseYears: closedYears)) }
            let rule = try session.retentionRule()
            console.output(rule.closedCaseYears.map { console.messages.plural("cli.retention.rule", count: $0) }
                           ?? console.messages("cli.retention.no_rule"))
        }
    }

    struct Run: VaultCommand {
        static let configuration = CommandConfiguration(commandName: "run", abstract: "List the closed cases the rule makes due, and erase them on confirmation.")

        @OptionGroup var location: VaultLocation
        @OptionGroup var login: LoginOptions

        @Option(name: .long, help: ArgumentHelp("The number of cases listed, to confirm without a prompt.", valueName: "count"))
        var confirm: String?

        @Flag(name: .long, help: ArgumentHelp("Only list what is due; erase nothing."))
        var listOnly = false

        mutating func run(console: Console) throws {
            let session = try login.session(location.open(for: console), console: console)
            let due = try session.casesDueForRetention()
            guard !due.isEmpty else { return console.output(console.messages("cli.retention.nothing_due")) }
            for item in due {
                console.output(console.messages("cli.retention.due_line", ["code": item.code, "closed": console.messages.day(item.closedDay),
                                                                            "due": console.messages.day(item.dueDay)]))
            }
            guard !listOnly else { return }
            let count = String(due.count)
            try Confirmation.require(given: confirm, promptID: "cli.retention.confirm", arguments: ["count": count], console: console) {
                $0 == count
            }
            try session.eraseForRetention(due.compactMap { CaseCode($0.code) })
            console.output(console.messages.plural("cli.retention.erased", count: due.count))
        }
    }
}
