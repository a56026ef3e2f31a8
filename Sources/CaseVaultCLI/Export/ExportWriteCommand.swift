import Access
import ArgumentParser
import CaseStore
import Export
import Intake
import VaultCrypto

/// `casevault export [write] [CODE] --profile P [--service S] --reason R (--recipient KEY... |
/// --recipients-file F | --passphrase) --out FILE`: checks the policy and the ledger (the first
/// attempt of a profile that needs approval records a request and stops), builds the profile's
/// plaintext in memory, encrypts it as an age v1 file, signs it with the vault's key, records
/// the export with the file's SHA-256, then puts the file and `FILE.sig` in place.
struct ExportWriteCommand: VaultCommand {
    static let configuration = CommandConfiguration(
        commandName: "write",
        abstract: "Write an encrypted, signed export of one case (survivor, referral) or of all consenting cases (incident-recorder)."
    )

    @OptionGroup var location: VaultLocation
    @OptionGroup var login: LoginOptions

    @Argument(help: ArgumentHelp("Case code (survivor and referral profiles).", valueName: "code"))
    var code: CaseCodeArgument?

    @Option(name: .long, help: ArgumentHelp("What to export: survivor, referral or incident-recorder.", valueName: "profile"))
    var profile: ExportProfile

    @Option(name: .long, help: ArgumentHelp("The partner service of a referral.", valueName: "service"))
    var service: ReferralService?

    @Option(name: .long, help: ArgumentHelp("Why this export is made (recorded in the audit trail).", valueName: "reason"))
    var reason: String

    @Option(name: .long, help: ArgumentHelp("Reporting agency code for the Incident Recorder's last column.", valueName: "agency"))
    var agency: String?

    @Flag(name: .long, help: ArgumentHelp("Fill the Incident Recorder's case manager codes (verifies every case's signed state: slower)."))
    var caseManagerCodes = false

    @Option(name: .customLong("file-lang"), help: ArgumentHelp("Language of the exported text (default: the survivor's for her file, else yours).", valueName: "language"))
    var fileLanguage: Language?

    @OptionGroup var recipients: ExportRecipientOptions
    @OptionGroup var output: ExportOutputOption

    func validate() throws {
        let messages = ActiveMessages.current
        switch profile {
        case .survivor, .referral:
            guard code != nil else { throw ValidationError(messages("cli.export.error.code_needed", ["profile": profile.rawValue])) }
        case .incidentRecorder:
            guard code == nil else { throw ValidationError(messages("cli.export.error.no_code", ["profile": profile.rawValue])) }
        }
        guard (profile == .referral) == (service != nil) else { throw ValidationError(messages("cli.export.error.service_only_referral")) }
        guard (profile == .incidentRecorder) == (agency != nil), profile == .incidentRecorder || !caseManagerCodes else {
            throw ValidationError(messages("cli.export.error.agency_only_incident_recorder"))
        }
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ValidationError(messages("cli.export.error.reason_needed")) }
    }

    mutating func run(console: Console) throws {
        let writer = ExportFileWriter(path: output.out)
        try writer.checkFree()
        let session = try login.session(location.open(for: console), console: console)
        let order = ExportOrder(caseCode: code?.code.rawValue, profile: profile, service: service, reason: reason)
        let requestID = try session.clearExport(order)
        let opener = try ExportRecipients.resolve(recipients, session: session, console: console)
        let plaintext = try content(order, requestID: requestID, session: session, console: console)
        let file = try opener.encrypt(plaintext)
        let signature = try session.signExport(file)
        let hash = try SHA256.hash(file)
        try writer.write(file, signature: signature) {
            try session.recordExport(order, requestID: requestID, fileSHA256: hash, recipients: opener.auditText)
        }
        console.output(console.messages("cli.export.written", ["path": TerminalSafeText.escaped(output.out),
                                                                "signature": TerminalSafeText.escaped(writer.signaturePath),
                                                                "sha256": hash.map { String(format: "%02x", $0) }.joined()]))
    }

    private func content(_ order: ExportOrder, requestID: String?, session: AccessSession, console: Console) throws -> [UInt8] {
        switch profile {
        case .incidentRecorder:
            var table = try IncidentRecorderExport(agencyCode: agency ?? "-")
            var writer = IncidentRecorder.csvWriter()
            try session.forEachFactsForExport(assignees: caseManagerCodes) { facts, assignee in
                if let row = try table.row(facts: facts, caseManager: assignee) { writer.write(record: row.values) }
            }
            return writer.takeBytes()
        case .survivor:
            let record = try session.caseForExport(order, requestID: requestID)
            let language = fileLanguage ?? ExportDocumentText.language(of: record.document, fallback: console.messages.language)
            let messages = Messages.load(language)
            return try ExportDocumentText.markdown(record, title: messages("cli.export.file.survivor_title", ["code": record.code.rawValue]),
                                                   messages: messages)
        case .referral:
            var record = try session.caseForExport(order, requestID: requestID)
            guard let service else { throw AccessError.referralServiceNeeded }
            record.document = try ReferralProfile.document(record.document, for: service)
            let messages = Messages.load(fileLanguage ?? console.messages.language)
            return try ExportDocumentText.markdown(record, title: messages("cli.export.file.referral_title", ["code": record.code.rawValue,
                                                                                                             "service": messages.label(service)]),
                                                   messages: messages)
        }
    }
}

extension Language: ExpressibleByArgument {}
