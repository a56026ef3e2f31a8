import CaseStore

/// The deliberate second step before something that cannot be undone (erasing a case, purging
/// a field, a retention run): the user types the expected word — the case code, or the number
/// of cases — at a prompt, or gives it with `--confirm` in a script. Anything else, an empty
/// line, end of input or Ctrl-C changes nothing.
enum Confirmation {
    static func require(given: String?, promptID: String, arguments: [String: String], console: Console,
                        matches: (String) -> Bool) throws {
        if let given {
            guard matches(given) else { throw CLIError(id: "cli.rights.not_confirmed") }
            return
        }
        let source = LineSource.standard(console: console)
        console.progress(console.messages(promptID, arguments) + "\n")
        while true {
            switch try source.read(.line, "> ", console) {
            case .typed(let bytes):
                guard matches(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)) else {
                    throw CLIError(id: "cli.rights.not_confirmed")
                }
                return
            case .endOfInput:
                throw CLIError(id: "cli.rights.not_confirmed")
            case .interrupted:
                console.shell?.cancellationReported = true
                throw CommandInterrupted()
            case .relocked:
                continue
            }
        }
    }

    /// Confirmation by typing the case code again (any spelling `CaseCode` reads).
    static func requireCode(_ code: CaseCode, given: String?, promptID: String, console: Console) throws {
        try require(given: given, promptID: promptID, arguments: ["code": code.rawValue], console: console) {
            CaseCode($0) == code
        }
    }
}
