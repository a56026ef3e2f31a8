import Access
import ArgumentParser
import CaseStore
import Foundation

/// `casevault case ...`: creating, reading and finding cases.
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Create, show, list and find cases.",
        subcommands: [Create.self, Show.self, List.self, Find.self, Assign.self, AccessLog.self, CaseConsentCommand.self,
                      CaseCorrectCommand.self, CaseEraseCommand.self, CasePurgeCommand.self]
    )

    /// `casevault case create --from FILE`.
    struct Create: VaultCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create cases from a JSON file (one document, a JSON array, or JSON Lines).",
            discussion: """
                The document format is described in docs/case-document.md. A bad document is reported \
                by its position and nothing of the batch is imported. Prints the new case codes, one per line. \
                A file that age encrypted to your own key (casevault pubkey --age) is decrypted in memory.
                """
        )

        @OptionGroup var location: VaultLocation
        @OptionGroup var login: LoginOptions

        @Option(name: .long, help: ArgumentHelp("JSON or JSON Lines file with the case documents; - reads stdin.", valueName: "file"))
        var from: String

        mutating func run(console: Console) throws {
            let session = try login.session(location.open(), console: console)
            try session.precheck(.createCases)
            let data = try IncomingAgeFile.plaintext(of: readInput(), session: session)
            let documents = try CaseDocumentCodec.decodeBatch(data)
            let total = documents.count
            let progress = ProgressReporter(total: total, console: console)
            let codes = try session.createCases(documents) { progress.update($0) }
            progress.finish()
            for code in codes { console.output(code.rawValue) }
        }

        func readInput() throws -> Data { try Self.read(from) }

        /// The bytes of `path`, or of stdin for `-`.
        static func read(_ path: String) throws -> Data {
            if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIError(id: "cli.error.cannot_read_file", arguments: ["path": path])
            }
            return data
        }
    }

    /// `casevault case show CODE`.
    struct Show: VaultCommand {
        static let configuration = CommandConfiguration(abstract: "Show one case, with its survivor details.")

        @OptionGroup var location: VaultLocation
        @OptionGroup var login: LoginOptions

        @Argument(help: ArgumentHelp("Case code, such as K7Q4-M2XA.", valueName: "code"))
        var code: CaseCodeArgument

        @OptionGroup var output: OutputOptions

        mutating func run(console: Console) throws {
            let session = try login.session(location.open(), console: console)
            let record = try code.lookUp { try session.readCase($0) }
            switch output.format {
            case .text: console.output(CaseRendering.text(record, console.messages, width: console.outputWidth))
            case .json: console.output(try JSONRendering.string(CaseRendering.JSONCase(record)))
            }
        }
    }

    /// `casevault case list`.
    struct List: VaultCommand {
        static let configuration = CommandConfiguration(abstract: "List cases (codes, status, assignee, dates; no survivor details).")

        @OptionGroup var location: VaultLocation
        @OptionGroup var login: LoginOptions

        @OptionGroup var output: OutputOptions

        mutating func run(console: Console) throws {
            let session = try login.session(location.open(), console: console)
            try CaseRendering.summaries(session.listCases(), format: output.format, console: console)
        }
    }

    /// `casevault case find [NAME]`.
    struct Find: VaultCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find cases by survivor name, in Cyrillic or Latin, with or without diacritics.",
            discussion: """
                Leave NAME out to be asked for it (or to read it from stdin in scripts): a name on the \
                command line is visible to other processes and kept in shell history.
                """
        )

        @OptionGroup var location: VaultLocation
        @OptionGroup var login: LoginOptions

        @Argument(help: ArgumentHelp("Name or part of a name (prefer leaving it out to be asked).", valueName: "name"))
        var name: String?

        @OptionGroup var output: OutputOptions

        mutating func run(console: Console) throws {
            let session = try login.session(location.open(), console: console)
            try session.precheck(.findByName)
            let query: String
            if let name {
                console.hint(console.messages("cli.hint.name_in_arguments"))
                query = name
            } else {
                query = try Self.askName(console)
            }
            try CaseRendering.summaries(session.findCases(name: query), format: output.format, console: console)
        }

        /// The name to find, typed after a prompt (through the shell's editor and idle lock
        /// inside the shell; asked again after the lock); Ctrl-C cancels the search.
        static func askName(_ console: Console) throws -> String {
            let source = LineSource.standard(console: console)
            while true {
                switch try source.read(.line, console.messages("cli.prompt.name_to_find"), console) {
                case .typed(let typed): return String(decoding: typed, as: UTF8.self)
                case .relocked: continue
                case .interrupted: throw CommandInterrupted()
                case .endOfInput: throw CLIError(id: "cli.error.no_name")
                }
            }
        }
    }
}

extension CaseCommand {
    /// `casevault case assign CODE --to USER`.
    struct Assign: VaultCommand {
        static let configuration = CommandConfiguration(abstract: "Assign or reassign a case to a caseworker (supervisors).")

        @OptionGroup var location: VaultLocation
        @OptionGroup var login: LoginOptions

        @Argument(help: ArgumentHelp("Case code.", valueName: "code"))
        var code: CaseCodeArgument

        @Option(name: .long, help: ArgumentHelp("The caseworker who takes the case.", valueName: "user"))
        var to: String

        mutating func run(console: Console) throws {
            let caseCode = code.code
            try login.session(location.open(), console: console).assignCase(caseCode, to: to)
            console.output(console.messages("cli.case.assigned", ["code": caseCode.rawValue, "user": to]))
        }
    }

    /// `casevault case access-log CODE`.
    struct AccessLog: VaultCommand {
        static let configuration = CommandConfiguration(
            commandName: "access-log",
            abstract: "Who opened or changed a case and when, without its content (supervisors, auditors)."
        )

        @OptionGroup var location: VaultLocation
        @OptionGroup var login: LoginOptions

        @Argument(help: ArgumentHelp("Case code.", valueName: "code"))
        var code: CaseCodeArgument

        @OptionGroup var output: OutputOptions

        mutating func run(console: Console) throws {
            let caseCode = code.code
            let entries = try login.session(location.open(), console: console).accessLog(caseCode)
            AuditRendering.entries(entries, format: output.format, console: console)
        }
    }
}
