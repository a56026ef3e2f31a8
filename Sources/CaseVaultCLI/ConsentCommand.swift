import ArgumentParser
import CaseStore

/// Whether a survivor consents to anonymous statistics, as typed: yes or no.
enum ConsentAnswer: String, ExpressibleByArgument, CaseIterable {
    case yes, no
}

/// `casevault case consent CODE --statistics yes|no`: records that the survivor gave or withdrew
/// her consent to anonymous statistics; from the next query on her case is counted or not.
struct CaseConsentCommand: VaultCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent",
        abstract: "Record that the survivor gave or withdrew consent to anonymous statistics."
    )

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Argument(help: ArgumentHelp("Case code.", valueName: "code"))
    var code: CaseCodeArgument

    @Option(name: .long, help: ArgumentHelp("Consent to anonymous statistics.", valueName: "answer"))
    var statistics: ConsentAnswer

    mutating func run(console: Console) throws {
        let caseCode = code.code
        try login.session(location.open(for: console), console: console).setStatisticsConsent(caseCode, statistics == .yes)
        console.output(console.messages(statistics == .yes ? "cli.case.consent_given" : "cli.case.consent_withdrawn", ["code": caseCode.rawValue]))
    }
}
