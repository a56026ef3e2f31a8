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
        var action: AuditAction?

        @Option(name: .customLong("case"), help: ArgumentHelp("Only entries about this case code.", valueName: "code"))
        var caseCode: CaseCodeArgument?

        @Option(name: .long, help: ArgumentHelp("Only entries on or after this day.", valueName: "day"))
        var since: DayArgument?

        @Option(name: .long, help: ArgumentHelp("Only entries before this day.", valueName: "day"))
        var until: DayArgument?

        @OptionGroup var output: OutputOptions

        mutating func run(console: Console) throws {
            let filter = AuditFilter(actor: actor, action: action?.rawValue, caseCode: caseCode?.code.rawValue,
                                     since: since?.iso, until: until?.iso)
            let entries = try login.session(location.open(), console: console).auditLog(filter)
            AuditRendering.entries(entries, format: output.format, console: console)
        }
    }

    /// `casevault audit verify [--checkpoint FILE] [--expect TEXT]`.
    struct Verify: VaultCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the whole hash chain and its signatures; with a checkpoint, also detect deleted newest entries.",
            discussion: """
                Exits with status 1 and names each problem (the entry, the rolled-back case) when the trail was altered. \
                Deleting the newest entries or rolling back the whole file shows only against a checkpoint kept outside \
                the vault: a file from `audit checkpoint --out`, or the line it printed, typed back with --expect.
                """
        )

        @OptionGroup var location: VaultLocation
        @OptionGroup var login: LoginOptions

        @Option(name: .long, help: ArgumentHelp("A checkpoint file written earlier by `audit checkpoint --out`.", valueName: "file"))
        var checkpoint: String?

        @Option(name: .long, help: ArgumentHelp("The line `audit checkpoint` printed, as written down (quote it).", valueName: "text"))
        var expect: String?

        func validate() throws {
            if let expect, AuditPaperCheckpoint(text: expect) == nil {
                throw ValidationError(ActiveMessages.current("cli.error.not_a_paper_checkpoint", ["text": TerminalSafeText.escaped(expect)]))
            }
        }

        mutating func run(console: Console) throws {
            let saved = try checkpoint.map(AuditRendering.readCheckpoint)
            let paper = expect.flatMap(AuditPaperCheckpoint.init(text:))
            let result = try login.session(location.open(), console: console).verifyAuditTrail(checkpoint: saved, paper: paper)
            let report = AuditRendering.verification(result, checkpointSeq: saved?.seq, paperSeq: paper?.seq, console.messages)
            guard report.problems.isEmpty else {
                for problem in report.problems { console.error(problem) }
                throw AlreadyReported()
            }
            for line in report.summary { console.output(line) }
        }
    }

    /// `casevault audit checkpoint [--out FILE]`.
    struct Checkpoint: VaultCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a short checkpoint of the trail's head to keep on paper; with --out also write a signed file.",
            discussion: """
                Keep the line outside the vault (on paper, in a message to someone else): `audit verify --expect` \
                compares the trail with it and so detects deleted newest entries and a vault file rolled back as a whole.
                """
        )

        @OptionGroup var location: VaultLocation
        @OptionGroup var login: LoginOptions

        @Option(name: .long, help: ArgumentHelp("Also write the signed checkpoint to this file; it must not exist.", valueName: "file"))
        var out: String?

        mutating func run(console: Console) throws {
            if let out, FileManager.default.fileExists(atPath: out) { throw CaseStoreError.fileExists(out) }
            let checkpoint = try login.session(location.open(), console: console).checkpoint()
            if let out {
                try AuditRendering.writeNewFile(out, contents: Data(checkpoint.text.utf8))
                console.output(console.messages("cli.audit.checkpoint_written", ["seq": String(checkpoint.seq), "path": out]))
            }
            console.output(checkpoint.paper.text)
            console.hint(console.messages("cli.audit.paper_hint"))
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
            // Actions and outcomes are shown in words of the user's language (`--format json` and
            // `--action` use the stored names); a stored name this version does not know is shown
            // as it is. The fields stay on the entry's first line (so `grep` finds a code with its
            // action); details that do not fit go on, indented, below. Every stored text is
            // escaped, so a forged newline or escape sequence shows as `\n`, `\x1b`.
            let safe = TerminalSafeText.escaped
            let messages = console.messages
            let header = ["seq", "time", "user", "action", "case", "outcome"].map { messages("cli.audit.column.\($0)") }
            let heads = entries.map { entry in
                [String(entry.seq), safe(messages.minute(entry.at)), safe(entry.actor), actionLabel(entry.action, messages),
                 safe(entry.caseCode ?? "-"), outcomeLabel(entry.outcome, messages)]
            }
            let lines = TextLayout.table(header: header, rows: heads)
            console.output(lines[0])
            for (entry, head) in zip(entries, lines.dropFirst()) {
                let details = entry.details.keys.sorted().map { safe("\($0)=\(entry.details[$0] ?? "")") }
                for line in TextLayout.wrap(head: head, words: details) { console.output(line) }
            }
        }
    }

    /// An audit action in words (`case_read` is "case viewed").
    static func actionLabel(_ stored: String, _ messages: Messages) -> String {
        guard let action = AuditAction(rawValue: stored) else { return TerminalSafeText.escaped(stored) }
        return messages("cli.audit.action.\(action.rawValue)")
    }

    /// An outcome in words (`ok` is "done").
    static func outcomeLabel(_ stored: String, _ messages: Messages) -> String {
        guard let outcome = AuditOutcome(rawValue: stored) else { return TerminalSafeText.escaped(stored) }
        return messages("cli.audit.outcome.\(outcome.rawValue)")
    }

    /// What `audit verify` says: every problem found (for stderr, in the order of the trail) or,
    /// when there is none, what the intact trail means exactly (for stdout).
    struct VerificationReport: Equatable {
        var problems: [String] = []
        var summary: [String] = []
    }

    static func verification(_ result: AuditVerification, checkpointSeq: Int64?, paperSeq: Int64?, _ messages: Messages) -> VerificationReport {
        var report = VerificationReport()
        if let (seq, problem) = result.firstBad {
            let id = switch problem {
            case .missingEntry: "cli.error.audit_entry_missing"
            case .hashMismatch: "cli.error.audit_entry_altered"
            case .badSignature: "cli.error.audit_entry_bad_signature"
            case .unsignedEntry: "cli.error.audit_entry_unsigned"
            }
            report.problems.append(messages(id, ["seq": String(seq)]))
        }
        for code in result.rolledBackCases {
            report.problems.append(messages("cli.error.case_rolled_back", ["code": TerminalSafeText.escaped(code)]))
        }
        switch result.checkpoint {
        case .badSignature?: report.problems.append(messages("cli.error.checkpoint_bad_signature"))
        case .truncated?: report.problems.append(messages("cli.error.checkpoint_truncated"))
        case .diverged?: report.problems.append(messages("cli.error.checkpoint_diverged", ["seq": String(checkpointSeq ?? 0)]))
        case .matches?, nil: break
        }
        switch result.paperCheckpoint {
        case .truncated?: report.problems.append(messages("cli.error.paper_checkpoint_truncated", ["seq": String(paperSeq ?? 0)]))
        case .diverged?, .badSignature?: report.problems.append(messages("cli.error.paper_checkpoint_diverged", ["seq": String(paperSeq ?? 0)]))
        case .matches?, nil: break
        }
        if report.problems.isEmpty && !result.isIntact {
            // A verdict this renderer does not know how to explain is never shown as intact.
            report.problems.append(messages("cli.error.unexpected"))
        }
        guard report.problems.isEmpty else { return report }
        report.summary.append(messages.plural("cli.audit.intact", count: result.entries))
        if result.entries > 0 {
            if result.signedThrough > 0 {
                report.summary.append(messages.plural("cli.audit.signed_through", count: Int(clamping: result.signedThrough)))
            } else {
                report.summary.append(messages("cli.audit.none_signed"))
            }
        }
        if result.unsignedTail > 0 {
            report.summary.append(messages.plural("cli.audit.unsigned_tail", count: result.unsignedTail))
        }
        if result.checkpoint == .matches, let seq = checkpointSeq {
            report.summary.append(messages("cli.audit.checkpoint_matches", ["seq": String(seq)]))
        }
        if result.paperCheckpoint == .matches, let seq = paperSeq {
            report.summary.append(messages("cli.audit.paper_matches", ["seq": String(seq)]))
        }
        report.summary.append(messages("cli.audit.outside_note"))
        return report
    }

    /// Creates `path` with mode 0600 and writes `contents`; never replaces an existing file
    /// (`O_CREAT | O_EXCL`, which also refuses a symbolic link planted at `path`).
    static func writeNewFile(_ path: String, contents: Data) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw CaseStoreError.fileExists(path) }
            throw CLIError(id: "cli.error.cannot_write_file", arguments: ["path": path])
        }
        var failed = false
        contents.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                offset += written
            }
        }
        if fsync(descriptor) != 0 { failed = true }
        if close(descriptor) != 0 { failed = true }
        if failed {
            unlink(path)
            throw CLIError(id: "cli.error.cannot_write_file", arguments: ["path": path])
        }
    }

    static func readCheckpoint(_ path: String) throws -> AuditCheckpoint {
        guard let data = FileManager.default.contents(atPath: path), let checkpoint = AuditCheckpoint(text: String(decoding: data, as: UTF8.self)) else {
            throw CLIError(id: "cli.error.not_a_checkpoint", arguments: ["path": path])
        }
        return checkpoint
    }
}
