import ArgumentParser
import CaseStore

/// A case code typed on the command line (`K7Q4-M2XA`, lower case and look-alike letters read as
/// `CaseCode` reads them). It keeps the words as typed, so a message about a code that is not
/// there can show what the user wrote beside what was looked up.
struct CaseCodeArgument: ExpressibleByArgument, Sendable {
    let code: CaseCode
    let typed: String

    init?(argument: String) {
        guard let code = CaseCode(argument) else { return nil }
        self.code = code
        typed = argument
    }

    /// Letters were read as digits (`NOPE-0000` is `N0PE-0000`); case and dashes do not count.
    var lettersWereRead: Bool {
        typed.uppercased().filter { $0 != "-" && $0 != " " } != code.rawValue.filter { $0 != "-" }
    }

    /// Runs `body` with the code. A case that is not there is reported with the code as typed
    /// beside the code looked up, when the two differ by more than case and dashes.
    func lookUp<T>(_ body: (CaseCode) throws -> T) throws -> T {
        do {
            return try body(code)
        } catch CaseStoreError.caseNotFound(let found) where lettersWereRead {
            throw CLIError(id: "cli.error.case_not_found_as_typed",
                           arguments: ["code": TerminalSafeText.escaped(found), "typed": TerminalSafeText.escaped(typed)],
                           hintID: "cli.hint.code_letters")
        }
    }
}

extension AuditAction: ExpressibleByArgument {}
