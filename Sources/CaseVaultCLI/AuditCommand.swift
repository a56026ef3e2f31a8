import Access
import ArgumentParser
import CaseStore
import Foundation

/// `casevault audit ...`: the tamper-evident audit trail (auditors; verify and checkpoint also
/// administrators).
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Read, verify and checkpoint the audit trail.",
        subcommands: [Log.self, Verify.self, Checkpoint.self]
    )

    /// `casevault audit log`.
    struct Log: VaultCommand {
        static let configuration = CommandConfiguration(abstract: "Show audit entries, filtered by user, action, case and time.")

        @OptionGroup var location: VaultLocation
        @OptionGroup var login: LoginOptions

        @Option(name: .customLong("by"), help: ArgumentHelp("Only entries by this user.", valueName: "user"))
        var actor: String?

        @Option(name: .long, help: ArgumentHelp("Only this action, e.g. case_read, login_failed.", valueName: "action"))
        var action: String?

        @Option(name: .customLong("case"), help: ArgumentHelp("Only entries about this case code.", valueName: "code"))
        var caseCode: String?

        @Option(name: .long, help: ArgumentHelp("Only entries on or after this day (YYYY-MM-DD).", valueName: "day"))
        var since: String?

        @Option(name: .long, help: ArgumentHelp("Only entries before this day (YYYY-MM-DD).", valueName: "day"))
        var until: String?

        @Option(name: .long, help: "Output format: text or json.")
        var format: OutputFormat = .text

        func validate() throws {
            let messages = ActiveMessages.current
            for day in [since, until].compactMap({ $0 }) where ISODay.parse(day) == nil {
                throw ValidationError(messages("cli.error.not_a_day", ["day": day]))
            }
            if let action, AuditAction(rawValue: action) == nil {
                throw ValidationError(messages("cli.error.unknown_action", [
                    "action": action, "actions": AuditAction.allCases.map(\.rawValue).joined(separator: ", "),
                ]))
            }
        }

        mutating func run(console: Console) throws {
            let code = try caseCode.map(CaseCodeArgument.parse)
            let filter = AuditFilter(actor: actor, action: action, caseCode: code?.rawValue, since: since, until: until)
            let entries = try login.session(location.open(), console: console).auditLog(filter)
            AuditRendering.entries(entries, format: format, console: console)
        }
    }

    /// `casevault audit verify [--checkpoint FILE]`.
    struct Verify: VaultCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the whole hash chain; with a checkpoint, also detect deleted newest entries.",
            discussion: "Exits with status 1 and names the first bad entry when the trail was altered."
        )

        @OptionGroup var location: VaultLocation
        @OptionGroup var login: LoginOptions

        @Option(name: .long, help: ArgumentHelp("A checkpoint file written earlier by `audit checkpoint`.", valueName: "file"))
        var checkpoint: String?

        mutating func run(console: Console) throws {
            let saved = try checkpoint.map(AuditRendering.readCheckpoint)
            let result = try login.session(location.open(), console: console).verifyAuditTrail(checkpoint: saved)
            if let (seq, problem) = result.firstBad {
                let id = problem == .missingEntry ? "cli.error.audit_entry_missing" : "cli.error.audit_entry_altered"
                throw CLIError(id: id, arguments: ["seq": String(seq)])
            }
            switch result.checkpoint {
            case .badSignature?: throw CLIError(id: "cli.error.checkpoint_bad_signature")
            case .truncated?: throw CLIError(id: "cli.error.checkpoint_truncated")
            case .diverged?: throw CLIError(id: "cli.error.checkpoint_diverged", arguments: ["seq": String(saved?.seq ?? 0)])
            case .matches?, nil: break
            }
            let id = saved == nil ? "cli.audit.intact" : "cli.audit.intact_checkpoint"
            console.output(console.messages.plural(id, count: result.entries))
        }
    }

    /// `casevault audit checkpoint --out FILE`.
    struct Checkpoint: VaultCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a signed checkpoint of the trail's head to keep outside the vault."
        )

        @OptionGroup var location: VaultLocation
        @OptionGroup var login: LoginOptions

        @Option(name: .long, help: ArgumentHelp("File to write; it must not exist.", valueName: "file"))
        var out: String

        mutating func run(console: Console) throws {
            guard !FileManager.default.fileExists(atPath: out) else { throw CaseStoreError.fileExists(out) }
            let checkpoint = try login.session(location.open(), console: console).checkpoint()
            guard FileManager.default.createFile(atPath: out, contents: Data(checkpoint.text.utf8)) else {
                throw CLIError(id: "cli.error.cannot_write_file", arguments: ["path": out])
            }
            console.output(console.messages("cli.audit.checkpoint_written", ["seq": String(checkpoint.seq), "path": out]))
        }
    }
}

/// How audit entries look.
enum AuditRendering {
    static func entries(_ entries: [AuditEntry], format: OutputFormat, console: Console) {
        switch format {
        case .json:
            console.output((try? JSONRendering.string(entries)) ?? "[]")
        case .text:
            guard !entries.isEmpty else {
                console.output(console.messages("cli.audit.none"))
                return
            }
            // Actions, outcomes and details are shown as stored: they are what `--action` and
            // the JSON output use. The fields stay on the entry's first line (so `grep` finds a
            // code with its action); details that do not fit go on, indented, below.
            for entry in entries {
                let head = [String(entry.seq), console.messages.minute(entry.at), entry.actor, entry.action, entry.caseCode ?? "-", entry.outcome]
                    .joined(separator: "  ")
                let details = entry.details.keys.sorted().map { "\($0)=\(entry.details[$0] ?? "")" }
                for line in TextLayout.wrap(head: head, words: details) { console.output(line) }
            }
        }
    }

    static func readCheckpoint(_ path: String) throws -> AuditCheckpoint {
        guard let data = FileManager.default.contents(atPath: path), let checkpoint = AuditCheckpoint(text: String(decoding: data, as: UTF8.self)) else {
            throw CLIError(id: "cli.error.not_a_checkpoint", arguments: ["path": path])
        }
        return checkpoint
    }
}
