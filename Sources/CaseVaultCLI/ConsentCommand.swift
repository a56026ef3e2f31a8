import ArgumentParser
import CaseStore

/// Whether a survivor consents to anonymous statistics, as typed: yes or no.
enum ConsentAnswer: String, ExpressibleByArgument, CaseIterable {
    case yes, no
}

/// `casevault case consent CODE [--statistics yes|no] [--share S]... [--withdraw S]...`: records
/// that the survivor gave or withdrew her consent to anonymous statistics (from the next query on
/// her case is counted or not) or to sharing with referral services (a referral export to a
/// withdrawn service is refused from then on).
struct CaseConsentCommand: VaultCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent",
        abstract: "Record that the survivor gave or withdrew consent to anonymous statistics or to sharing with a service."
    )

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Argument(help: ArgumentHelp("Case code.", valueName: "code"))
    var code: CaseCodeArgument

    @Option(name: .long, help: ArgumentHelp("Consent to anonymous statistics.", valueName: "answer"))
    var statistics: ConsentAnswer?

    @Option(name: .long, help: ArgumentHelp("A service she now consents to share with (repeatable).", valueName: "service"))
    var share: [ReferralService] = []

    @Option(name: .long, help: ArgumentHelp("A service she no longer consents to share with (repeatable).", valueName: "service"))
    var withdraw: [ReferralService] = []

    func validate() throws {
        guard statistics != nil || !share.isEmpty || !withdraw.isEmpty else {
            throw ValidationError(ActiveMessages.current("cli.case.error.consent_nothing"))
        }
        guard Set(share).isDisjoint(with: withdraw) else { throw ValidationError(ActiveMessages.current("cli.case.error.consent_both")) }
    }

    mutating func run(console: Console) throws {
        let caseCode = code.code
        let session = try login.session(location.open(for: console), console: console)
        if let statistics {
            try session.setStatisticsConsent(caseCode, statistics == .yes)
            console.output(console.messages(statistics == .yes ? "cli.case.consent_given" : "cli.case.consent_withdrawn", ["code": caseCode.rawValue]))
        }
        if !share.isEmpty || !withdraw.isEmpty {
            try session.setSharingConsent(caseCode, give: Set(share), withdraw: Set(withdraw))
            console.output(console.messages("cli.case.sharing_changed", ["code": caseCode.rawValue]))
        }
    }
}
